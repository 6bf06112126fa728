import type { Metadata } from "next";
import Link from "next/link";
import { workflowLabel } from "@/modules/workflow/labels";
import { ListToolbar } from "@/components/admin/list-toolbar";
import { Pagination } from "@/components/admin/pagination";
import { buttonClass } from "@/components/ui/button";
import { formatPartialDate } from "@/lib/partial-date";
import { discussedLawOptions, languageName, languageOptions } from "@/modules/articles/facets";
import { articleKindOptions, articleSortOptions } from "@/modules/articles/labels";
import { listArticles } from "@/modules/articles/list";
import { roleHas } from "@/modules/auth/permissions";
import { listJurisdictions } from "@/modules/jurisdictions/read";
import { pageContext } from "../guard";
import { KindBadge } from "./kind-badge";

export const metadata: Metadata = { title: "Articles" };

type Search = {
  q?: string;
  kind?: string;
  lang?: string;
  jurisdiction?: string;
  law?: string;
  sort?: string;
  after?: string;
};

export default async function ArticlesPage({ searchParams }: { searchParams: Promise<Search> }) {
  const ctx = await pageContext("admin.access", "/admin/articles");
  const params = await searchParams;
  const [page, jurisdictions, lawOptions] = await Promise.all([
    listArticles(ctx, params),
    listJurisdictions(ctx),
    discussedLawOptions(ctx, params.law),
  ]);
  const filtered = Boolean(params.q || params.kind || params.lang || params.jurisdiction || params.law);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="font-serif text-3xl">Articles</h1>
        {roleHas(ctx.actor.role, "content.write") && (
          <Link href="/admin/articles/new" className={buttonClass("primary", "no-underline")}>
            New article
          </Link>
        )}
      </div>
      <p className="max-w-3xl text-sm text-muted">
        News reports, commentary, analysis and official statements about the laws, each with its authors, publisher and
        the agency it credits. Opinion pieces are always labelled as opinion.
      </p>
      <ListToolbar
        action="/admin/articles"
        q={params.q}
        searchLabel="Title"
        facets={[
          { name: "kind", label: "Kind", value: params.kind, options: articleKindOptions },
          { name: "lang", label: "Language", value: params.lang, options: languageOptions(params.lang) },
          {
            name: "jurisdiction",
            label: "Jurisdiction",
            value: params.jurisdiction,
            options: jurisdictions.map((j) => ({ value: j.code, label: j.name })),
          },
          { name: "law", label: "Law discussed", value: params.law, options: lawOptions },
        ]}
        sort={{ name: "sort", label: "Sort", value: params.sort, options: articleSortOptions }}
      />
      {page.articles.length === 0 ? (
        <p className="rounded border border-dashed border-rule p-6 text-center text-muted">
          {filtered
            ? "No article matches these filters."
            : params.after
              ? "No more articles."
              : "No articles yet. Add the first news report or commentary."}
        </p>
      ) : (
        <ul className="divide-y divide-rule rounded-lg border border-rule bg-surface">
          {page.articles.map((article) => (
            <li key={article.id} className="space-y-1 px-4 py-3" data-testid="article-row">
              <div className="flex flex-wrap items-baseline gap-2">
                <KindBadge kind={article.kind} />
                <Link href={`/admin/articles/${article.id}`} className="font-serif text-lg">
                  {article.title}
                </Link>
              </div>
              <p className="text-sm text-muted">
                {[
                  article.authors.length ? `by ${article.authors.join(", ")}` : "no author named",
                  article.publisherName,
                  formatPartialDate(article.originalDate),
                  languageName(article.lang),
                  workflowLabel(article.review, article.visibility),
                ]
                  .filter(Boolean)
                  .join(" · ")}
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pagination path="/admin/articles" params={params} next={page.nextAfter} isFirst={!params.after} />
    </div>
  );
}
