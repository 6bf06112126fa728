import Link from "next/link";

/** `atLeast`: the count is of the first matches found, and there are more (search past its cap). */
export type FacetOption = { value: string; label: string; count: number; atLeast?: boolean };

/** One facet of a list: its options with their counts, and the value the reader chose, if any. */
export type FacetGroup<F extends string> = {
  facet: F;
  title: string;
  chosen: string | undefined;
  options: FacetOption[];
};

/**
 * The filters beside a list (the laws index, search results): each option links to the list with
 * it chosen, or, when it is already chosen, without it. A group with no options says "None".
 */
export function FacetLinks<F extends string>({
  groups,
  href,
}: {
  groups: FacetGroup<F>[];
  href: (facet: F, value: string | undefined) => string;
}) {
  return (
    <nav aria-label="Filters" className="space-y-6 text-sm">
      {groups.map(({ facet, title, chosen, options }) => (
        <div key={facet}>
          <h2 className="mb-2 text-xs font-bold uppercase tracking-widest">{title}</h2>
          {options.length === 0 ? (
            <p className="text-muted">None</p>
          ) : (
            <ul className="space-y-1">
              {options.map((option) => {
                const selected = chosen === option.value;
                return (
                  <li key={option.value}>
                    <Link
                      href={href(facet, selected ? undefined : option.value)}
                      aria-current={selected ? "true" : undefined}
                      className={selected ? "font-semibold text-ink" : undefined}
                    >
                      {selected && <span aria-hidden="true">✓ </span>}
                      {option.label}
                      {selected && <span className="sr-only"> (selected; choose to remove this filter)</span>}
                    </Link>{" "}
                    <span className="text-muted">
                      ({option.count.toLocaleString("en")}
                      {option.atLeast && "+"})
                    </span>
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      ))}
    </nav>
  );
}
