import Link from "next/link";
import { SelectAll } from "./bulk-actions";

export type ListColumn<R> = {
  key: string;
  label: string;
  cell: (row: R) => React.ReactNode;
  /** Where the header links to sort by this column; none: not sortable. */
  sortHref?: string;
  /** Set on the column the list is sorted by. */
  sorted?: "ascending" | "descending";
  className?: string;
};

/** Row checkboxes that belong to a bulk form elsewhere on the page (the `form` attribute). */
export type RowSelection<R> = { form: string; value: (row: R) => string; label: (row: R) => string };

/**
 * An admin list as a table: sortable headers are links (so sorting works without script and
 * is kept in the address), and the table scrolls inside its own focusable region on a narrow
 * screen instead of widening the page. It is `relative` so that the headers' visually hidden
 * (absolutely positioned) text is clipped with it rather than widening the page.
 */
export function ListTable<R extends { id: number }>({
  label,
  columns,
  rows,
  selection,
  rowTestId,
}: {
  label: string;
  columns: ListColumn<R>[];
  rows: R[];
  selection?: RowSelection<R>;
  rowTestId?: string;
}) {
  return (
    <div
      role="region"
      aria-label={`${label} (scrolls sideways on a narrow screen)`}
      tabIndex={0}
      className="relative max-w-full overflow-x-auto rounded-lg border border-rule bg-surface focus-visible:outline-2 focus-visible:outline-accent"
    >
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">{label}</caption>
        <thead className="border-b border-rule bg-paper text-xs uppercase tracking-wide text-muted">
          <tr>
            {selection && (
              <th scope="col" className="w-10 px-3 py-2">
                <SelectAll form={selection.form} />
              </th>
            )}
            {columns.map((column) => (
              <th
                key={column.key}
                scope="col"
                aria-sort={column.sorted}
                className={`whitespace-nowrap px-3 py-2 font-semibold ${column.className ?? ""}`}
              >
                {column.sortHref ? (
                  <Link href={column.sortHref} className="text-inherit no-underline hover:underline">
                    {column.label}
                    <span aria-hidden="true" className="ml-1 inline-block w-3">
                      {column.sorted === "ascending" ? "▲" : column.sorted === "descending" ? "▼" : ""}
                    </span>
                    {column.sorted && (
                      <span className="sr-only">
                        , sorted {column.sorted}; activate to sort{" "}
                        {column.sorted === "ascending" ? "descending" : "ascending"}
                      </span>
                    )}
                  </Link>
                ) : (
                  column.label
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-rule">
          {rows.map((row) => (
            <tr key={row.id} className="align-top" data-testid={rowTestId}>
              {selection && (
                <td className="px-3 py-2">
                  <input
                    type="checkbox"
                    name="item"
                    form={selection.form}
                    value={selection.value(row)}
                    aria-label={`Select ${selection.label(row)}`}
                    className="size-4"
                  />
                </td>
              )}
              {columns.map((column) => (
                <td key={column.key} className={`px-3 py-2 ${column.className ?? ""}`}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
