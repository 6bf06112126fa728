import Link from "next/link";
import { notFound } from "next/navigation";
import { ArticleList } from "@/components/articles/article-list";
import { SearchForm } from "@/components/public/search-form";
import { formatPartialDate } from "@/lib/partial-date";
import { lawEventKindLabels, lawStatusLabels, lawTypeLabels } from "@/modules/laws/labels";
import { publishedArticlesIndex } from "@/modules/public/articles-index";
import { articlesIndexQuery } from "@/modules/public/articles-index-url";
import { indexView, unnamedView } from "@/modules/public/index-page-view";
import { publishedJurisdictions } from "@/modules/public/jurisdiction";
import { latestPublishedLaws, publicLawPath } from "@/modules/public/law";
import { publishedTopics } from "@/modules/public/topic";

// The home page, stored whole: proxy.ts rewrites / here whatever its query string
// (modules/public/index-page-view.ts). The build renders only the placeholder.
export const ensureStatic = "navigation";
export function generateStaticParams() {
  return [{ view: unnamedView }];
}

// The home page shows the first few of each list; their own pages have them all.
const homeListLength = 12;
const plural = (n: number, noun: string) => (n === 0 ? "" : n === 1 ? `1 ${noun}` : `${n} ${noun}s`);

const sectionHeading = "border-b border-ink pb-2 text-xs font-bold uppercase tracking-widest";

export default async function HomePage({ params }: { params: Promise<{ view: string }> }) {
  if (!indexView("home", (await params).view)) notFound();
  return (
    <div className="space-y-12">
      <section className="max-w-2xl">
        <h1 className="font-serif text-4xl leading-tight sm:text-5xl">Laws, and what is written about them</h1>
        <p className="mt-4 font-serif text-lg leading-relaxed text-muted">
          An archive of legislation with its history and the news and commentary around it, curated by editors and
          published after review. The first collection follows the rehabilitation of victims of Soviet-era political
          repression in Central Asia.
        </p>
        <div className="mt-6">
          <SearchForm />
        </div>
      </section>
      <div className="grid gap-12 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div className="min-w-0 space-y-12">
          <section aria-labelledby="latest-laws">
            <h2 id="latest-laws" className={sectionHeading}>
              Latest laws
            </h2>
            <LatestLaws />
            <p className="mt-4 text-sm font-semibold">
              <Link href="/laws">All laws, by jurisdiction, year and topic →</Link>
            </p>
          </section>
          <section aria-labelledby="latest-articles">
            <h2 id="latest-articles" className={`${sectionHeading} mb-5`}>
              Latest news and commentary
            </h2>
            <LatestArticles />
            <p className="mt-4 text-sm font-semibold">
              <Link href="/articles">All articles, by kind →</Link>
            </p>
          </section>
        </div>
        <div className="min-w-0 space-y-12">
          <section aria-labelledby="jurisdictions">
            <h2 id="jurisdictions" className={`${sectionHeading} mb-4`}>
              Jurisdictions
            </h2>
            <Jurisdictions />
          </section>
          <section aria-labelledby="topics">
            <h2 id="topics" className={`${sectionHeading} mb-4`}>
              Topics
            </h2>
            <Topics />
          </section>
        </div>
      </div>
    </div>
  );
}

async function LatestLaws() {
  const laws = await latestPublishedLaws();
  if (laws.length === 0) return <p className="mt-6 text-muted">Nothing has been published yet.</p>;
  return (
    <ul className="divide-y divide-rule">
      {laws.map((law) => (
        <li key={law.jurisdictionCode + law.slug} className="py-5 [overflow-wrap:anywhere]">
          <h3 className="font-serif text-xl leading-snug">
            <Link href={publicLawPath(law)} className="text-ink no-underline hover:underline">
              {law.title}
            </Link>
          </h3>
          {/* One line of context and the status; the summary is on the law's page. */}
          <p className="mt-1 flex flex-wrap items-baseline gap-x-2 text-sm text-muted">
            <span>
              {[
                law.jurisdictionName,
                lawTypeLabels[law.type],
                law.milestone && `${lawEventKindLabels[law.milestone.kind]} ${formatPartialDate(law.milestone.date)}`,
              ]
                .filter(Boolean)
                .join(" · ")}
            </span>
            <span className="rounded border border-rule px-1.5 text-xs font-semibold uppercase tracking-wide">
              {lawStatusLabels[law.status]}
            </span>
          </p>
        </li>
      ))}
    </ul>
  );
}

async function LatestArticles() {
  // The first page of the articles index, which that page caches too.
  const index = await publishedArticlesIndex(articlesIndexQuery.parse({}));
  if (index.articles.length === 0) return <p className="text-muted">No article has been published yet.</p>;
  return <ArticleList articles={index.articles.slice(0, 5)} />;
}

async function Jurisdictions() {
  const list = await publishedJurisdictions();
  if (list.length === 0) return <p className="text-muted">No law has been published yet.</p>;
  return (
    <>
      <ul className="space-y-2">
        {list.slice(0, homeListLength).map((j) => (
          <li key={j.code} className="flex items-baseline justify-between gap-4">
            <Link href={j.path}>{j.name}</Link>
            <span className="text-sm text-muted">{j.laws === 1 ? "1 law" : `${j.laws} laws`}</span>
          </li>
        ))}
      </ul>
      <p className="mt-4 text-sm font-semibold">
        <Link href="/jurisdictions">All jurisdictions →</Link>
      </p>
    </>
  );
}

async function Topics() {
  const list = await publishedTopics();
  if (list.length === 0) return <p className="text-muted">Nothing filed under a topic has been published yet.</p>;
  return (
    <>
      <ul className="space-y-2">
        {list.slice(0, homeListLength).map((t) => (
          <li key={t.path} className="flex items-baseline justify-between gap-4">
            <Link href={t.path}>{t.name}</Link>
            <span className="text-sm text-muted">
              {[plural(t.laws, "law"), plural(t.articles, "article")].filter(Boolean).join(", ")}
            </span>
          </li>
        ))}
      </ul>
      <p className="mt-4 text-sm font-semibold">
        <Link href="/topics">All topics →</Link>
      </p>
    </>
  );
}
