import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArticleList } from "@/components/articles/article-list";
import { PageLinks } from "@/components/ui/page-links";
import { articleKindLabels, type ArticleKind } from "@/modules/articles/labels";
import { publishedArticlesIndex, type ArticlesIndex } from "@/modules/public/articles-index";
import { publicArticlesIndexPath, type ArticlesIndexQuery } from "@/modules/public/articles-index-url";
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

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const query = indexView("articles", (await params).view);
  if (!query) return {};
  const title = query.kind ? kindTitles[query.kind] : "Articles";
  return {
    title: query.page > 1 ? `${title}, page ${query.page}` : title,
    description: query.kind
      ? `${kindTitles[query.kind]} in the archive about the laws it records, newest first.`
      : "News, commentary, analysis and official statements about the laws in the archive, newest first.",
    alternates: pageAlternates(publicArticlesIndexPath(query), { kind: query.kind }),
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
  const noun = query.kind ? kindTitles[query.kind].toLowerCase() : "articles";
  return (
    <div className="space-y-6">
      <KindLinks query={query} index={index} />
      <section aria-labelledby="results-heading">
        <h2 id="results-heading" className="mb-4 border-b border-ink pb-2 text-xs font-bold uppercase tracking-widest">
          {query.kind ? kindTitles[query.kind] : "All articles"} · {index.total.toLocaleString("en")}
        </h2>
        {index.articles.length > 0 ? (
          <ArticleList articles={index.articles} />
        ) : index.total > 0 ? (
          <p className="py-4">
            There is no page {query.page} of {noun}.{" "}
            <Link href={publicArticlesIndexPath({ kind: query.kind })}>Go to the first page</Link>
          </p>
        ) : (
          <div className="py-4">
            <p>No {noun} have been published yet.</p>
            {query.kind && (
              <p className="mt-2">
                <Link href={publicArticlesIndexPath()}>Show all articles</Link>
              </p>
            )}
          </div>
        )}
        <PageLinks
          page={query.page}
          pageCount={index.pageCount}
          href={(page) => publicArticlesIndexPath({ kind: query.kind, page })}
        />
      </section>
    </div>
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
                href={publicArticlesIndexPath({ kind: option.kind })}
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
