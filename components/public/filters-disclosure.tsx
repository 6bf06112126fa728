/**
 * The filters beside a list (the laws index, search results), written once: on phones a closed
 * disclosure above the results; on wide screens always open beside them, its summary gone (the
 * "Filters" block of app/globals.css). A browser that cannot style a disclosure's content keeps
 * the disclosure at every width. Written twice, a list's facets were a third of the laws index.
 */
export function FiltersDisclosure({ chosen, children }: { chosen: number; children: React.ReactNode }) {
  return (
    <details className="filters self-start rounded border border-rule bg-surface p-4">
      <summary className="cursor-pointer font-semibold">Filters{chosen > 0 && ` (${chosen} chosen)`}</summary>
      <div className="filters-body mt-4">{children}</div>
    </details>
  );
}
