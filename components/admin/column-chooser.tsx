import { type ListParams } from "@/lib/list-query";

/**
 * "Columns": a disclosure with a checkbox per optional column, as a GET form that writes the
 * choice to `cols`, so it survives a reload and is saved with a view. The always-shown column
 * travels as a hidden value, so that clearing every box still says "none" rather than "default".
 */
export function ColumnChooser({
  action,
  params,
  always,
  columns,
  shown,
}: {
  action: string;
  params: ListParams;
  always: string;
  columns: readonly { key: string; label: string }[];
  shown: readonly string[];
}) {
  const kept = Object.entries(params).flatMap(([key, value]) =>
    key === "cols" || key === "after"
      ? []
      : (Array.isArray(value) ? value : [value]).flatMap((v) => (v ? [[key, v]] : [])),
  );
  return (
    <details className="relative">
      <summary className="cursor-pointer rounded border border-rule bg-surface px-3 py-1.5 text-sm font-semibold">
        Columns
      </summary>
      <form
        action={action}
        className="absolute right-0 z-10 mt-1 w-56 space-y-2 rounded-lg border border-rule bg-surface p-4 shadow-lg"
      >
        {kept.map(([key, value], index) => (
          <input key={`${key}-${index}`} type="hidden" name={key} value={value} />
        ))}
        <input type="hidden" name="cols" value={always} />
        <fieldset>
          <legend className="text-xs font-semibold uppercase tracking-wide text-muted">Show columns</legend>
          {columns.map((column) => (
            <label key={column.key} className="mt-1 flex items-center gap-2 text-sm">
              <input type="checkbox" name="cols" value={column.key} defaultChecked={shown.includes(column.key)} />
              {column.label}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="rounded border border-ink bg-ink px-3 py-1 text-sm font-semibold text-paper">
          Show
        </button>
      </form>
    </details>
  );
}
