import Link from "next/link";
import { deleteViewAction, saveViewAction } from "@/app/admin/saved-views/actions";
import { bulkAssignAction, bulkMoveAction } from "@/app/admin/workflow/actions";
import { chosenColumns, listHref, type ListParams, type SortDirection } from "@/lib/list-query";
import type { SavedView } from "@/modules/saved-views/read";
import type { Reviewer } from "@/modules/workflow/assign";
import { BulkActions } from "./bulk-actions";
import { ColumnChooser } from "./column-chooser";
import { ListTable, type ListColumn } from "./list-table";
import { Pagination } from "./pagination";
import { SavedViews } from "./saved-views";

/** An optional column; `sort` names the list's sort its header applies. */
export type OptionalColumn<R, S extends string> = Omit<ListColumn<R>, "sortHref" | "sorted"> & { sort?: S };

type Item = { id: number; title: string; workingRevisionId: number | null };

/**
 * An editors' list of laws or articles below its filters: saved views, the bulk workflow bar,
 * the column chooser, the table with a linked, sortable title and a checkbox per row, and the
 * pages. A header sorts by its column; a second click on the sorted one turns it around.
 */
export function SelectableTable<R extends Item, S extends string>({
  list,
  label,
  path,
  params,
  page,
  optional,
  defaults,
  views,
  reviewers,
  empty,
  rowTestId,
}: {
  list: "laws" | "articles";
  /** The table's name: "Laws". */
  label: string;
  path: string;
  params: ListParams;
  page: { rows: R[]; sort: S; dir: SortDirection; nextAfter: string | null };
  /** The columns after the title, in table order; `cols` chooses among them, else `defaults`. */
  optional: readonly OptionalColumn<R, S>[];
  defaults: readonly string[];
  views: SavedView[];
  /** For a viewer who reviews, the reviewers to assign to; null for one who may only submit. */
  reviewers: Reviewer[] | null;
  /** What the page says when it has no rows. */
  empty: string;
  rowTestId?: string;
}) {
  const shown = chosenColumns(
    params.cols,
    optional.map((column) => column.key),
    defaults,
  );
  const sortable = (sort: string | undefined) =>
    sort && {
      sortHref: listHref(path, params, {
        sort,
        // A second click on the sorted column turns it around; another column starts in its own order.
        dir: page.sort === sort ? (page.dir === "asc" ? "desc" : "asc") : undefined,
        after: undefined,
      }),
      sorted: page.sort === sort ? (page.dir === "asc" ? ("ascending" as const) : ("descending" as const)) : undefined,
    };
  const columns: ListColumn<R>[] = [
    {
      key: "title",
      label: "Title",
      ...sortable("title"),
      cell: (row) => (
        <Link href={`${path}/${row.id}`} className="font-serif text-base">
          {row.title}
        </Link>
      ),
      className: "min-w-56",
    },
    ...optional
      .filter((column) => shown.includes(column.key))
      .map(({ sort, ...column }) => ({ ...column, ...sortable(sort) })),
  ];
  const form = `bulk-${list}`;
  const type = list === "laws" ? "law" : "article";
  return (
    <>
      <SavedViews
        list={list}
        path={path}
        query={listHref("", params, { after: undefined }).replace(/^\?/, "")}
        views={views}
        saveAction={saveViewAction}
        deleteAction={deleteViewAction}
      />
      {page.rows.length === 0 ? (
        <p className="rounded border border-dashed border-rule p-6 text-center text-muted">{empty}</p>
      ) : (
        <>
          <div className="flex flex-wrap items-start justify-between gap-3">
            <BulkActions
              form={form}
              type={type}
              actions={reviewers ? ["submit", "publish", "withdraw"] : ["submit"]}
              action={bulkMoveAction}
              assign={reviewers && { reviewers, action: bulkAssignAction }}
            />
            <ColumnChooser action={path} params={params} always="title" columns={optional} shown={shown} />
          </div>
          <ListTable
            label={label}
            columns={columns}
            rows={page.rows}
            rowTestId={rowTestId}
            selection={{
              form,
              // The working revision shown is the base of the move (modules/workflow/bulk-move.ts).
              value: (row) => `${row.id}:${row.workingRevisionId ?? 0}`,
              label: (row) => row.title,
            }}
          />
        </>
      )}
      <Pagination path={path} params={params} next={page.nextAfter} isFirst={!params.after} />
    </>
  );
}
