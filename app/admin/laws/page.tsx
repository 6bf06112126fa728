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
import { roleHas } from "@/modules/auth/permissions";
import { listReviewers } from "@/modules/workflow/assign";
import { listJurisdictions } from "@/modules/jurisdictions/read";
import { lawStatusLabels, lawStatusOptions, lawTypeLabels, lawTypeOptions } from "@/modules/laws/labels";
import { listLaws, type LawListItem } from "@/modules/laws/list";
import type { LawSort } from "@/modules/laws/schemas";
import { listSavedViews } from "@/modules/saved-views/read";
import { workflowLabel } from "@/modules/workflow/labels";
import { deleteViewAction, saveViewAction } from "../saved-views/actions";
import { bulkAssignAction, bulkMoveAction } from "../workflow/actions";
import { pageContext } from "../guard";

export const metadata: Metadata = { title: "Laws" };

const path = "/admin/laws";
const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

/** The optional columns, in table order; the title is always shown. */
const optional = [
  { key: "jurisdiction", label: "Jurisdiction", sort: "jurisdiction", cell: (law) => law.jurisdictionCode },
  { key: "type", label: "Type", cell: (law) => lawTypeLabels[law.type] },
  { key: "status", label: "Status", sort: "status", cell: (law) => lawStatusLabels[law.status] },
  { key: "workflow", label: "Workflow", cell: (law) => workflowLabel(law.review, law.visibility) },
  { key: "assigned", label: "Assigned", cell: (law) => law.assignedTo ?? "—" },
  {
    key: "updated",
    label: "Updated",
    sort: "updated",
    cell: (law) => <time dateTime={law.updatedAt.toISOString()}>{dateFormat.format(law.updatedAt)}</time>,
    className: "whitespace-nowrap",
  },
  { key: "editor", label: "By", cell: (law) => law.lastEditor ?? "—" },
] as const satisfies readonly (Omit<ListColumn<LawListItem>, "sortHref" | "sorted"> & { sort?: LawSort })[];
const optionalKeys = optional.map((column) => column.key);
const defaults = optionalKeys.filter((key) => key !== "type" && key !== "assigned");

export default async function LawsPage({ searchParams }: { searchParams: Promise<ListParams> }) {
  const ctx = await pageContext("admin.access", path);
  const params = await searchParams;
  const read = (key: string) => single(params[key]);
  const filters = { q: read("q"), jurisdiction: read("jurisdiction"), status: read("status"), type: read("type") };
  const [page, jurisdictions, views] = await Promise.all([
    listLaws(ctx, { ...filters, sort: read("sort"), dir: read("dir"), after: read("after") }),
    listJurisdictions(ctx),
    listSavedViews(ctx, "laws"),
  ]);
  const shown = chosenColumns(params.cols, optionalKeys, defaults);
  const filtered = Object.values(filters).some(Boolean);
  const sortLink = (sort: LawSort) =>
    listHref(path, params, {
      sort,
      // A second click on the sorted column turns it around; another column starts in its own order.
      dir: page.sort === sort ? (page.dir === "asc" ? "desc" : "asc") : undefined,
      after: undefined,
    });
  const columns: ListColumn<LawListItem>[] = [
    {
      key: "title",
      label: "Title",
      sortHref: sortLink("title"),
      sorted: page.sort === "title" ? (page.dir === "asc" ? "ascending" : "descending") : undefined,
      cell: (law) => (
        <Link href={`${path}/${law.id}`} className="font-serif text-base">
          {law.title}
        </Link>
      ),
      className: "min-w-56",
    },
    ...optional
      .filter((column) => shown.includes(column.key))
      .map((column) => {
        const sort = "sort" in column ? column.sort : undefined;
        return {
          ...column,
          sortHref: sort && sortLink(sort),
          sorted: sort && page.sort === sort ? (page.dir === "asc" ? "ascending" : "descending") : undefined,
        } satisfies ListColumn<LawListItem>;
      }),
  ];
  const role = ctx.actor!.role;
  const bulk = roleHas(role, "workflow.review") ? (["submit", "publish", "withdraw"] as const) : (["submit"] as const);
  const reviewers = roleHas(role, "workflow.review") ? await listReviewers(ctx) : null;
  const query = listHref("", params, { after: undefined }).replace(/^\?/, "");
  return (
    <div className="min-w-0 space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="font-serif text-3xl">Laws</h1>
        <Link href={`${path}/new`} className={buttonClass("primary", "no-underline")}>
          New law
        </Link>
      </div>
      <ListToolbar
        action={path}
        q={filters.q}
        searchLabel="Title or number"
        keep={{ sort: read("sort"), dir: read("dir"), cols: params.cols }}
        facets={[
          {
            name: "jurisdiction",
            label: "Jurisdiction",
            value: filters.jurisdiction,
            options: jurisdictions.map((j) => ({ value: j.code, label: j.name })),
          },
          { name: "status", label: "Status", value: filters.status, options: lawStatusOptions },
          { name: "type", label: "Type", value: filters.type, options: lawTypeOptions },
        ]}
      />
      <SavedViews
        list="laws"
        path={path}
        query={query}
        views={views}
        saveAction={saveViewAction}
        deleteAction={deleteViewAction}
      />
      {page.laws.length === 0 ? (
        <p className="rounded border border-dashed border-rule p-6 text-center text-muted">
          {filtered ? "No law matches these filters." : "No laws yet. Create the first one."}
        </p>
      ) : (
        <>
          <div className="flex flex-wrap items-start justify-between gap-3">
            <BulkActions
              form="bulk-laws"
              type="law"
              actions={[...bulk]}
              action={bulkMoveAction}
              assign={reviewers && { reviewers, action: bulkAssignAction }}
            />
            <ColumnChooser action={path} params={params} always="title" columns={optional} shown={shown} />
          </div>
          <ListTable
            label="Laws"
            columns={columns}
            rows={page.laws}
            selection={{
              form: "bulk-laws",
              // The working revision shown is the base of the move (modules/workflow/bulk-move.ts).
              value: (law) => `${law.id}:${law.workingRevisionId ?? 0}`,
              label: (law) => law.title,
            }}
          />
        </>
      )}
      <Pagination path={path} params={params} next={page.nextAfter} isFirst={!params.after} />
    </div>
  );
}
