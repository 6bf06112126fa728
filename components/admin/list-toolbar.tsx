import Link from "next/link";
import { listHref, type ListParams } from "@/lib/list-query";

export type Facet = {
  name: string;
  label: string;
  value?: string;
  options: readonly { value: string; label: string }[];
};

/**
 * The filter bar of an admin list: a text filter, facet selects and a sort, as a GET form, so that
 * every filtered view has a URL that can be shared and reloaded.
 */
export function ListToolbar({
  action,
  q,
  searchLabel,
  facets = [],
  sort,
  keep = {},
}: {
  action: string;
  q?: string;
  searchLabel: string;
  facets?: Facet[];
  sort?: Facet;
  /** Parameters the filters leave as they are (a sort chosen by a header, the columns shown). */
  keep?: ListParams;
}) {
  const active = Boolean(q) || facets.some((f) => f.value) || Boolean(sort?.value);
  return (
    <form
      role="search"
      action={action}
      className="flex flex-wrap items-end gap-3 rounded-lg border border-rule bg-surface p-4"
    >
      {Object.entries(keep).flatMap(([name, value]) =>
        (Array.isArray(value) ? value : [value]).map((v, index) =>
          v ? <input key={`${name}-${index}`} type="hidden" name={name} value={v} /> : null,
        ),
      )}
      <div className="min-w-48 flex-1">
        <label htmlFor="list-q" className="block text-xs font-semibold uppercase tracking-wide text-muted">
          {searchLabel}
        </label>
        <input
          id="list-q"
          name="q"
          defaultValue={q}
          className="mt-1 w-full rounded border border-rule px-3 py-1.5 text-sm"
        />
      </div>
      {[...facets, ...(sort ? [sort] : [])].map((facet) => (
        <div key={facet.name} className="min-w-0 max-w-full">
          <label
            htmlFor={`list-${facet.name}`}
            className="block text-xs font-semibold uppercase tracking-wide text-muted"
          >
            {facet.label}
          </label>
          <select
            id={`list-${facet.name}`}
            name={facet.name}
            defaultValue={facet.value ?? ""}
            className="mt-1 max-w-full rounded border border-rule bg-surface px-2 py-1.5 text-sm"
          >
            {facet !== sort && <option value="">All</option>}
            {facet.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      ))}
      <button type="submit" className="rounded border border-ink bg-ink px-4 py-1.5 text-sm font-semibold text-paper">
        Apply
      </button>
      {active && (
        <Link href={listHref(action, keep)} className="py-1.5 text-sm">
          Clear
        </Link>
      )}
    </form>
  );
}
