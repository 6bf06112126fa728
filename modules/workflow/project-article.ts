import { eq } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { publicArticles } from "@/db/schema";
import type { ArticleSnapshot } from "@/modules/articles/snapshot";
import {
  deriveArticleTags,
  removeCitations,
  removeLinks,
  removeTags,
  writeCitations,
  writeDirectTags,
  writeLinks,
  type Link,
  type SourceCitation,
  type Tags,
} from "./project-links";
import type { PublicationDates } from "./project-law";

// Feeds carry the opening of an article's body as the entry's summary.
const excerptLength = 2000;

/** An article's row of the public read model, from the revision that went live. Pure: bulk loaders write the same. */
export function publicArticleValues(revisionId: number, article: ArticleSnapshot, dates: PublicationDates) {
  return {
    revisionId,
    slug: article.slug,
    kind: article.kind,
    title: article.title,
    lang: article.lang,
    originalDate: article.originalDate?.date ?? null,
    originalPrecision: article.originalDate?.precision ?? null,
    originalApproximate: article.originalDate?.approximate ?? false,
    excerpt: article.body.slice(0, excerptLength),
    authorIds: article.authors.map((a) => a.id),
    publisherId: article.publisher?.id ?? null,
    creditedAgentId: article.creditedAgent?.id ?? null,
    ...dates,
  };
}

/** The laws an article discusses and the agents it names. Pure: bulk loaders write the same. */
export function articleLinks(article: ArticleSnapshot): Link[] {
  const agent = (kind: "author" | "publisher" | "credited", ref: { id: number } | null): Link[] =>
    ref ? [{ kind, toType: "agent", toId: ref.id }] : [];
  return [
    ...article.laws.map((law): Link => ({ kind: "discusses", toType: "law", toId: law.id })),
    ...article.authors.flatMap((a) => agent("author", a)),
    ...agent("publisher", article.publisher),
    ...agent("credited", article.creditedAgent),
  ];
}

/** The sources an article cites: their titles as it recorded them. Pure: bulk loaders write the same. */
export function articleCitations(article: ArticleSnapshot): SourceCitation[] {
  return article.sources.map((s) => ({ sourceId: s.id, title: s.title, url: null, archivedUrl: null }));
}

/** What an article is tagged with itself; those of the laws it discusses are derived (deriveArticleTags). */
export function articleTags(article: ArticleSnapshot): Tags {
  return { topicIds: article.topics.map((t) => t.id), jurisdictionCodes: article.jurisdictions.map((j) => j.code) };
}

/**
 * Writes a live article's row of the public read model: what lists sort, count and show, the laws
 * it discusses, the agents it names, and its tags (its own and those of the laws it discusses).
 */
export async function projectArticle(
  tx: Db | Tx,
  articleId: number,
  revisionId: number,
  article: ArticleSnapshot,
  dates: PublicationDates,
): Promise<void> {
  const values = publicArticleValues(revisionId, article, dates);
  await tx
    .insert(publicArticles)
    .values({ articleId, ...values })
    .onConflictDoUpdate({ target: publicArticles.articleId, set: values });
  await writeLinks(tx, "article", articleId, articleLinks(article));
  await writeCitations(tx, "article", articleId, articleCitations(article), dates.publishedAt);
  await writeDirectTags(tx, "article", articleId, articleTags(article), dates.publishedAt);
  await deriveArticleTags(tx, [articleId]);
}

/** Takes a withdrawn or archived article out of the public read model. */
export async function unprojectArticle(tx: Db | Tx, articleId: number): Promise<void> {
  await tx.delete(publicArticles).where(eq(publicArticles.articleId, articleId));
  await removeLinks(tx, "article", articleId);
  await removeCitations(tx, "article", articleId);
  await removeTags(tx, "article", articleId);
}
