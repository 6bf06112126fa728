import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArticleList } from "@/components/articles/article-list";
import { PageLinks } from "@/components/ui/page-links";
import { articleKindLabels, type ArticleKind } from "@/modules/articles/labels";
import { publishedArticlesIndex, type ArticlesIndex, type ArticlesSubject } from "@/modules/public/articles-index";
import {
  articlesIndexHref,
  publicArticlesIndexPath,
  type ArticlesIndexQuery,
} from "@/modules/public/articles-index-url";
import { indexView, unnamedView } from "@/modules/public/index-page-view";
import { pageAlternates } from "@/modules/public/syndication";

// /articles, each view (kind, page) stored whole: proxy.ts rewrites its query string to the view
// segment (modules/public/index-page-view.ts). The build renders only the placeholder.
export const ensureStatic = "navigation";
export function generateStaticParams() {
  return [{ view: unnamedView }];
}

type Params = Promise<{ view: string }>;

// What a list of one kind is called, in the plural.
const kindTitles: Record<ArticleKind, string> = {
  news: "News reports",
  opinion: "Commentary and opinion",
  analysis: "Analysis",
  statement: "Official statements",
};

// How a list about a subject is named: "Articles on Rehabilitation", "News reports about Kyrgyzstan".
const subjectWords: Record<ArticlesSubject["facet"], string> = {
  topic: "on",
  jurisdiction: "about",
  agent: "by or naming",
};

function listTitle(query: ArticlesIndexQuery, subjects: ArticlesSubject[], inSentence = false): string {
  const title = query.kind ? kindTitles[query.kind] : "Articles";
  const about = subjects.map((s) => `${subjectWords[s.facet]} ${s.name}`);
  return [inSentence ? title.toLowerCase() : title, ...about].join(" ");
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const query = indexView("articles", (await params).view);
  if (!query) return {};
  const { subjects } = await publishedArticlesIndex(query);
  const title = listTitle(query, subjects);
  const filtered = subjects.length > 0;
  return {
    title: query.page > 1 ? `${title}, page ${query.page}` : title,
    description: filtered
      ? `${title} in the archive, newest first.`
      : query.kind
        ? `${kindTitles[query.kind]} in the archive about the laws it records, newest first.`
        : "News, commentary, analysis and official statements about the laws in the archive, newest first.",
    alternates: pageAlternates(publicArticlesIndexPath(query), {
      kind: query.kind,
      ...(subjects.some((s) => s.facet === "topic") && { topic: query.topic }),
      ...(subjects.some((s) => s.facet === "jurisdiction") && { jurisdiction: query.jurisdiction }),
    }),
    // A list about a subject repeats what the subject's page and the whole list show.
    ...(filtered && { robots: { index: false, follow: true } }),
  };
}

export default async function ArticlesIndexPage({ params }: { params: Params }) {
  const query = indexView("articles", (await params).view);
  if (!query) notFound();
  return (
    <div className="space-y-8">
      <header className="max-w-2xl">
        <h1 className="font-serif text-4xl leading-tight">Articles</h1>
        <p className="mt-2 text-muted">
          News, commentary, analysis and official statements about the laws in the archive, newest first. Opinion pieces
          are labelled as such: the archive records views, it does not endorse them.
        </p>
      </header>
      <ArticlesIndexView query={query} />
    </div>
  );
}

async function ArticlesIndexView({ query }: { query: ArticlesIndexQuery }) {
  const index = await publishedArticlesIndex(query);
  const filtered = index.subjects.length > 0 || query.kind;
  const unknownSubject = [query.topic, query.jurisdiction, query.agent].filter(Boolean).length > index.subjects.length;
  return (
    <div className="space-y-6">
      {index.subjects.length > 0 && <SubjectLinks query={query} subjects={index.subjects} />}
      <KindLinks query={query} index={index} />
      <section aria-labelledby="results-heading">
        <h2 id="results-heading" className="mb-4 border-b border-ink pb-2 text-xs font-bold uppercase tracking-widest">
          {filtered ? listTitle(query, index.subjects) : "All articles"} · {index.total.toLocaleString("en")}
        </h2>
        {index.articles.length > 0 ? (
          <ArticleList articles={index.articles} />
        ) : index.total > 0 ? (
          <p className="py-4">
            There is no page {query.page} of {listTitle(query, index.subjects, true)}.{" "}
            <Link href={articlesIndexHref(query, {})}>Go to the first page</Link>
          </p>
        ) : (
          <div className="py-4">
            <p>
              {unknownSubject
                ? "The archive has no published topic, jurisdiction or author by that name."
                : `No ${listTitle(query, index.subjects, true)} have been published yet.`}
            </p>
            {filtered && (
              <p className="mt-2">
                <Link href={publicArticlesIndexPath()}>Show all articles</Link>
              </p>
            )}
          </div>
        )}
        <PageLinks page={query.page} pageCount={index.pageCount} href={(page) => articlesIndexHref(query, { page })} />
      </section>
    </div>
  );
}

/** The subjects the list is narrowed to, each linking to its page, with a way to drop each. */
function SubjectLinks({ query, subjects }: { query: ArticlesIndexQuery; subjects: ArticlesSubject[] }) {
  return (
    <ul className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
      {subjects.map((s) => (
        <li key={s.facet}>
          <span className="inline-block text-muted first-letter:uppercase">{subjectWords[s.facet]}</span>{" "}
          <Link href={s.path} className="font-semibold">
            {s.name}
          </Link>{" "}
          <Link
            href={articlesIndexHref(query, { [s.facet]: undefined })}
            aria-label={`Remove filter: ${s.name}`}
            className="text-muted"
          >
            (remove filter)
          </Link>
        </li>
      ))}
    </ul>
  );
}

function KindLinks({ query, index }: { query: ArticlesIndexQuery; index: ArticlesIndex }) {
  const total = index.kinds.reduce((sum, k) => sum + k.count, 0);
  const options = [
    { kind: undefined, label: "All", count: total },
    ...index.kinds.map((k) => ({ ...k, label: articleKindLabels[k.kind] })),
  ];
  return (
    <nav aria-label="Kinds of article">
      <ul className="flex flex-wrap gap-2 text-sm">
        {options.map((option) => {
          const selected = query.kind === option.kind;
          return (
            <li key={option.kind ?? "all"}>
              <Link
                href={articlesIndexHref(query, { kind: option.kind })}
                aria-current={selected ? "page" : undefined}
                className={`inline-block rounded-full border px-3 py-1 no-underline ${
                  selected ? "border-ink bg-ink text-paper hover:text-paper" : "border-rule text-ink hover:border-ink"
                }`}
              >
                {option.label} <span className={selected ? "" : "text-muted"}>({option.count})</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
