import type { Metadata } from "next";
import Link from "next/link";
import { ListToolbar } from "@/components/admin/list-toolbar";
import { SelectableTable, type OptionalColumn } from "@/components/admin/selectable-table";
import { buttonClass } from "@/components/ui/button";
import { single, type ListParams } from "@/lib/list-query";
import { formatPartialDate } from "@/lib/partial-date";
import { discussedLawOptions, languageName, languageOptions } from "@/modules/articles/facets";
import { articleKindOptions } from "@/modules/articles/labels";
import { listArticles, type ArticleListItem } from "@/modules/articles/list";
import type { ArticleSort } from "@/modules/articles/schemas";
import { roleHas } from "@/modules/auth/permissions";
import { listReviewers } from "@/modules/workflow/assign";
import { listJurisdictions } from "@/modules/jurisdictions/read";
import { listSavedViews } from "@/modules/saved-views/read";
import { workflowLabel } from "@/modules/workflow/labels";
import { pageContext } from "../guard";
import { KindBadge } from "./kind-badge";

export const metadata: Metadata = { title: "Articles" };

const path = "/admin/articles";
const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

/** The optional columns, in table order; the title is always shown. */
const optional = [
  { key: "kind", label: "Kind", cell: (a) => <KindBadge kind={a.kind} /> },
  { key: "authors", label: "Authors", cell: (a) => a.authors.join(", ") || "—" },
  { key: "publisher", label: "Publisher", cell: (a) => a.publisherName ?? "—" },
  { key: "date", label: "Date", sort: "date", cell: (a) => formatPartialDate(a.originalDate) || "—" },
  { key: "lang", label: "Language", cell: (a) => languageName(a.lang) },
  { key: "workflow", label: "Workflow", cell: (a) => workflowLabel(a.review, a.visibility) },
  { key: "assigned", label: "Assigned", cell: (a) => a.assignedTo ?? "—" },
  {
    key: "updated",
    label: "Updated",
    sort: "updated",
    cell: (a) => <time dateTime={a.updatedAt.toISOString()}>{dateFormat.format(a.updatedAt)}</time>,
    className: "whitespace-nowrap",
  },
  { key: "editor", label: "By", cell: (a) => a.lastEditor ?? "—" },
] as const satisfies readonly OptionalColumn<ArticleListItem, ArticleSort>[];
const defaults = ["kind", "authors", "date", "workflow", "updated"] as const;

export default async function ArticlesPage({ searchParams }: { searchParams: Promise<ListParams> }) {
  const ctx = await pageContext("admin.access", path);
  const params = await searchParams;
  const read = (key: string) => single(params[key]);
  const filters = {
    q: read("q"),
    kind: read("kind"),
    lang: read("lang"),
    jurisdiction: read("jurisdiction"),
    law: read("law"),
  };
  const role = ctx.actor!.role;
  const [page, jurisdictions, lawOptions, views, reviewers] = await Promise.all([
    listArticles(ctx, { ...filters, sort: read("sort"), dir: read("dir"), after: read("after") }),
    listJurisdictions(ctx),
    discussedLawOptions(ctx, filters.law),
    listSavedViews(ctx, "articles"),
    roleHas(role, "workflow.review") ? listReviewers(ctx) : null,
  ]);
  return (
    <div className="min-w-0 space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="font-serif text-3xl">Articles</h1>
        {roleHas(role, "content.write") && (
          <Link href={`${path}/new`} className={buttonClass("primary", "no-underline")}>
            New article
          </Link>
        )}
      </div>
      <p className="max-w-3xl text-sm text-muted">
        News reports, commentary, analysis and official statements about the laws, each with its authors, publisher and
        the agency it credits. Opinion pieces are always labelled as opinion.
      </p>
      <ListToolbar
        action={path}
        q={filters.q}
        searchLabel="Title"
        keep={{ sort: read("sort"), dir: read("dir"), cols: params.cols }}
        facets={[
          { name: "kind", label: "Kind", value: filters.kind, options: articleKindOptions },
          { name: "lang", label: "Language", value: filters.lang, options: languageOptions(filters.lang) },
          {
            name: "jurisdiction",
            label: "Jurisdiction",
            value: filters.jurisdiction,
            options: jurisdictions.map((j) => ({ value: j.code, label: j.name })),
          },
          { name: "law", label: "Law discussed", value: filters.law, options: lawOptions },
        ]}
      />
      <SelectableTable
        list="articles"
        label="Articles"
        path={path}
        params={params}
        page={{ ...page, rows: page.articles }}
        optional={optional}
        defaults={defaults}
        views={views}
        reviewers={reviewers}
        empty={
          Object.values(filters).some(Boolean)
            ? "No article matches these filters."
            : params.after
              ? "No more articles."
              : "No articles yet. Add the first news report or commentary."
        }
        rowTestId="article-row"
      />
    </div>
  );
}
