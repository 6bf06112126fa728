import { buttonClass } from "@/components/ui/button";

/** The archive's search box: a plain GET form, so it works before (and without) JavaScript. */
export function SearchForm({ query = "" }: { query?: string }) {
  return (
    <form action="/search" method="get" role="search" className="flex max-w-xl gap-2">
      <label htmlFor="search-q" className="sr-only">
        Search the archive
      </label>
      <input
        id="search-q"
        name="q"
        type="search"
        defaultValue={query}
        maxLength={200}
        placeholder="Laws, articles, people and organizations"
        className="min-w-0 flex-1 rounded border border-control bg-paper px-3 py-2 text-ink placeholder:text-muted"
      />
      <button type="submit" className={buttonClass("primary")}>
        Search
      </button>
    </form>
  );
}
