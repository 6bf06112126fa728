import type { Metadata } from "next";
import Link from "next/link";
import { BulkActions } from "@/components/admin/bulk-actions";
import { ColumnChooser } from "@/components/admin/column-chooser";
import { ListTable, type ListColumn } from "@/components/admin/list-table";
import { ListToolbar } from "@/components/admin/list-toolbar";
import { Pagination } from "@/components/admin/pagination";
import { SavedViews } from "@/components/admin/saved-views";
import { buttonClass } from "@/components/ui/button";
import { chosenColumns, listHref, single, type ListParams } from "@/lib/list-query";
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
import { deleteViewAction, saveViewAction } from "../saved-views/actions";
import { bulkAssignAction, bulkMoveAction } from "../workflow/actions";
import { pageContext } from "../guard";
import { KindBadge } from "./kind-badge";

export const metadata: Metadata = { title: "Articles" };

const path = "/admin/articles";
const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

/** Each article sort goes one way (listArticles): titles A–Z, dates newest first. */
const sortDirections: Record<ArticleSort, "ascending" | "descending"> = {
  title: "ascending",
  date: "descending",
  updated: "descending",
};

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
] as const satisfies readonly (Omit<ListColumn<ArticleListItem>, "sortHref" | "sorted"> & { sort?: ArticleSort })[];
const optionalKeys = optional.map((column) => column.key);
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
  const [page, jurisdictions, lawOptions, views] = await Promise.all([
    listArticles(ctx, { ...filters, sort: read("sort"), after: read("after") }),
    listJurisdictions(ctx),
    discussedLawOptions(ctx, filters.law),
    listSavedViews(ctx, "articles"),
  ]);
  const shown = chosenColumns(params.cols, optionalKeys, defaults);
  const filtered = Object.values(filters).some(Boolean);
  const sortable = (sort: ArticleSort) => ({
    sortHref: listHref(path, params, { sort, after: undefined }),
    sorted: page.sort === sort ? sortDirections[sort] : undefined,
  });
  const columns: ListColumn<ArticleListItem>[] = [
    {
      key: "title",
      label: "Title",
      ...sortable("title"),
      cell: (a) => (
        <Link href={`${path}/${a.id}`} className="font-serif text-base">
          {a.title}
        </Link>
      ),
      className: "min-w-56",
    },
    ...optional
      .filter((column) => shown.includes(column.key))
      .map((column) => ({ ...column, ...("sort" in column ? sortable(column.sort) : {}) })),
  ];
  const role = ctx.actor!.role;
  const bulk = roleHas(role, "workflow.review") ? (["submit", "publish", "withdraw"] as const) : (["submit"] as const);
  const reviewers = roleHas(role, "workflow.review") ? await listReviewers(ctx) : null;
  const query = listHref("", params, { after: undefined }).replace(/^\?/, "");
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
        keep={{ sort: read("sort"), cols: params.cols }}
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
      <SavedViews
        list="articles"
        path={path}
        query={query}
        views={views}
        saveAction={saveViewAction}
        deleteAction={deleteViewAction}
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
        <>
          <div className="flex flex-wrap items-start justify-between gap-3">
            <BulkActions
              form="bulk-articles"
              type="article"
              actions={[...bulk]}
              action={bulkMoveAction}
              assign={reviewers && { reviewers, action: bulkAssignAction }}
            />
            <ColumnChooser action={path} params={params} always="title" columns={optional} shown={shown} />
          </div>
          <ListTable
            label="Articles"
            columns={columns}
            rows={page.articles}
            rowTestId="article-row"
            selection={{
              form: "bulk-articles",
              // The working revision shown is the base of the move (modules/workflow/bulk-move.ts).
              value: (a) => `${a.id}:${a.workingRevisionId ?? 0}`,
              label: (a) => a.title,
            }}
          />
        </>
      )}
      <Pagination path={path} params={params} next={page.nextAfter} isFirst={!params.after} />
    </div>
  );
}
