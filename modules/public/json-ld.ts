import type { ArticleKind } from "@/db/schema/vocabulary";
import type { LawStatus } from "@/db/schema/vocabulary";
import { toIsoPartial } from "@/lib/partial-date";
import type { PublicArticle } from "./article";
import type { PublicLaw } from "./law-view";

const legalForce: Record<LawStatus, string | undefined> = {
  bill: "https://schema.org/NotInForce",
  adopted: undefined,
  in_force: "https://schema.org/InForce",
  amended: "https://schema.org/InForce",
  repealed: "https://schema.org/NotInForce",
};

/** schema.org Legislation for a law's page: what search engines and citation tools read. */
export function lawJsonLd(law: PublicLaw, url: string): Record<string, unknown> {
  const adopted = law.timeline.find((e) => e.kind === "adopted" && e.date);
  const passedBy = adopted?.agentName ?? law.timeline.find((e) => e.kind === "adopted")?.agentName;
  return {
    "@context": "https://schema.org",
    "@type": "Legislation",
    name: law.title,
    ...(law.titles.length > 1 && { alternateName: law.titles.filter((t) => !t.preferred).map((t) => t.title) }),
    ...(law.identifiers[0] && { legislationIdentifier: law.identifiers[0].value }),
    legislationJurisdiction: { "@type": "AdministrativeArea", name: law.jurisdictionName },
    ...(adopted?.date && { legislationDate: toIsoPartial({ ...adopted.date, approximate: false }) }),
    ...(passedBy && { legislationPassedBy: { "@type": "Organization", name: passedBy } }),
    ...(legalForce[law.status] && { legislationLegalForce: legalForce[law.status] }),
    ...(law.publishedAt && { dateModified: law.publishedAt.toISOString() }),
    url,
  };
}

const articleTypes: Record<ArticleKind, string> = {
  news: "NewsArticle",
  opinion: "OpinionNewsArticle",
  analysis: "AnalysisNewsArticle",
  statement: "Article",
};

/** schema.org NewsArticle, OpinionNewsArticle or AnalysisNewsArticle for an article's page. */
export function articleJsonLd(article: PublicArticle, url: string, origin: string): Record<string, unknown> {
  return {
    "@context": "https://schema.org",
    "@type": articleTypes[article.articleKind],
    headline: article.title,
    inLanguage: article.lang,
    ...(article.authors.length > 0 && { author: article.authors.map(({ name }) => ({ "@type": "Person", name })) }),
    ...(article.publisher && { publisher: { "@type": "Organization", name: article.publisher.name } }),
    ...(article.originalDate && { datePublished: toIsoPartial({ ...article.originalDate, approximate: false }) }),
    ...(article.originalUrl && { isBasedOn: article.originalUrl }),
    ...(article.laws.length > 0 && {
      about: article.laws.map((law) => ({ "@type": "Legislation", name: law.title, url: origin + law.path })),
    }),
    url,
  };
}

/** The JSON for a <script type="application/ld+json">, safe inside HTML: no "</script>" can close it. */
export function jsonLdScript(data: Record<string, unknown>): string {
  return JSON.stringify(data).replace(/</g, "\\u003c");
}
