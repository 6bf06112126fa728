import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FacetLinks, type FacetGroup } from "@/components/public/facet-links";
import { FiltersDisclosure } from "@/components/public/filters-disclosure";
import { MarkedText } from "@/components/public/marked-text";
import { SearchForm } from "@/components/public/search-form";
import { PageLinks } from "@/components/ui/page-links";
import { agentKindLabels } from "@/modules/agents/labels";
import { annotationKindLabels, type AnnotationKind } from "@/modules/annotations/labels";
import { articleKindLabels, type ArticleKind } from "@/modules/articles/labels";
import { lawTypeLabels } from "@/modules/laws/labels";
import { indexView, unnamedView } from "@/modules/public/index-page-view";
import type { FigureHits } from "@/modules/public/figure-search";
import { publishedSearch, type SearchHit, type SearchResults } from "@/modules/public/search";
import { searchHref, type SearchQuery, type SearchType } from "@/modules/public/search-url";
import { pageAlternates } from "@/modules/public/syndication";

export const metadata: Metadata = {
  title: "Search",
  description: "Search the archive's published laws, articles, people, organizations and figures.",
  alternates: pageAlternates("/search"),
  // Result pages are endless variations of the pages they point to.
  robots: { index: false, follow: true },
};

// Each search (words, filters, page) is stored whole once asked: proxy.ts rewrites its query
// string to the view segment (modules/public/index-page-view.ts), and lib/cache/page-cache.mjs
// keeps these pages in memory only, within a bound, since anyone can ask for endless new ones.
// The first reader of a search waits for the whole page; loading.tsx shows while a link within
// the results (a filter, a page) loads. The build renders only the placeholder.
export const ensureStatic = "navigation";
export function generateStaticParams() {
  return [{ view: unnamedView }];
}

export default async function SearchPage({ params }: { params: Promise<{ view: string }> }) {
  const query = indexView("search", (await params).view);
  if (!query) notFound();
  return (
    <div className="space-y-8">
      <header className="max-w-2xl space-y-4">
        <h1 className="font-serif text-4xl leading-tight">Search</h1>
        <SearchForm query={query.q} />
        <p className="text-sm text-muted">
          Names and titles are found in any script and spelling: Жапаров, Japarov and Zhaparov find the same person.
        </p>
      </header>
      <Results query={query} />
    </div>
  );
}

async function Results({ query }: { query: SearchQuery }) {
  if (!query.q) return <p className="text-muted">Type a word or a name to search what the archive has published.</p>;
  const results = await publishedSearch(query);
  if (results.terms.length === 0)
    return <p>Search looks for words and names; “{query.q}” has neither. Try a word, a name or a number.</p>;
  const filters = (
    <FacetLinks groups={facetGroups(query, results)} href={(facet, value) => searchHref(query, { [facet]: value })} />
  );
  return (
    <div className="grid gap-10 lg:grid-cols-[14rem_1fr]">
      <FiltersDisclosure chosen={[query.type, query.jurisdiction].filter(Boolean).length}>{filters}</FiltersDisclosure>
      <div className="min-w-0 space-y-10">
        {results.figures.total > 0 && <Figures figures={results.figures} />}
        <Items query={query} results={results} />
      </div>
    </div>
  );
}

function Items({ query, results }: { query: SearchQuery; results: SearchResults }) {
  return (
    <section aria-labelledby="results-heading">
      <h2 id="results-heading" className="border-b border-ink pb-2 text-xs font-bold uppercase tracking-widest">
        {results.capped
          ? `More than ${results.total.toLocaleString("en")} results`
          : results.total === 1
            ? "1 result"
            : `${results.total.toLocaleString("en")} results`}{" "}
        for “{query.q}”
      </h2>
      {results.correctedTo && (
        <p className="mt-4 text-sm">
          Nothing matches “{query.q}” as typed; these results are for the closest names in the archive, “
          {results.correctedTo}”.
        </p>
      )}
      {results.hits.length === 0 && results.total > 0 ? (
        <p className="py-8">
          There is no page {query.page}: the results end at page {results.pageCount}.{" "}
          <Link href={searchHref(query, { page: results.pageCount })} className="underline">
            Go to the last page
          </Link>
        </p>
      ) : results.hits.length === 0 ? (
        <div className="space-y-2 py-8">
          <p>
            {results.figures.total > 0 ? "No law, article, person or annotation" : "Nothing published"} matches “
            {query.q}”{query.type || query.jurisdiction ? " with these filters" : ""}.
          </p>
          <p className="text-muted">
            Check the spelling, use fewer words, or{" "}
            <Link href="/laws" className="underline">
              browse every published law
            </Link>
            .
          </p>
        </div>
      ) : (
        <ol className="divide-y divide-rule">
          {results.hits.map((hit) => (
            <Hit key={hit.path} hit={hit} />
          ))}
        </ol>
      )}
      <PageLinks page={results.page} pageCount={results.pageCount} href={(page) => searchHref(query, { page })} />
    </section>
  );
}

/** Approved figures the words find, each linked to the page that shows it. */
function Figures({ figures }: { figures: FigureHits }) {
  return (
    <section aria-labelledby="figures-heading">
      <h2 id="figures-heading" className="border-b border-ink pb-2 text-xs font-bold uppercase tracking-widest">
        {figures.total === 1 ? "1 figure" : `${figures.total.toLocaleString("en")} figures`}
      </h2>
      <ol className="divide-y divide-rule">
        {figures.hits.map((figure) => (
          <li key={figure.path} className="py-5" data-testid="search-figure">
            <p className="text-xs font-semibold uppercase tracking-wide text-muted">
              Figure{figure.jurisdictionCode && ` · ${figure.jurisdictionCode}`}
            </p>
            <h3 className="mt-1 font-serif text-xl leading-snug">
              <Link href={figure.path} className="text-ink no-underline hover:underline">
                <MarkedText parts={figure.label} />
              </Link>
            </h3>
            <p className="mt-1">
              <span className="text-lg font-semibold tabular-nums">{figure.value}</span>
              {figure.unit && ` ${figure.unit}`}
              {figure.asOf && <span className="text-muted">, as of {figure.asOf}</span>}
              {figure.disputed && <span className="text-sm text-muted"> (sources disagree)</span>}
            </p>
            {figure.note.length > 0 && (
              <p className="mt-1 text-sm leading-relaxed text-muted">
                <MarkedText parts={figure.note} />
              </p>
            )}
          </li>
        ))}
      </ol>
      {figures.total > figures.hits.length && (
        <p className="pt-2 text-sm text-muted">
          {(figures.total - figures.hits.length).toLocaleString("en")} more figures match: add a word to narrow the
          search.
        </p>
      )}
    </section>
  );
}

function kindLabel(hit: SearchHit): string {
  if (hit.type === "law") return lawTypeLabels[hit.kind as keyof typeof lawTypeLabels] ?? "Law";
  if (hit.type === "article") return articleKindLabels[hit.kind as ArticleKind] ?? "Article";
  if (hit.type === "annotation") return `${annotationKindLabels[hit.kind as AnnotationKind] ?? "Note"} · annotation`;
  return agentKindLabels[hit.kind as keyof typeof agentKindLabels] ?? "Person or organization";
}

function Hit({ hit }: { hit: SearchHit }) {
  return (
    <li className="py-5">
      <p className="text-xs font-semibold uppercase tracking-wide text-muted">
        {kindLabel(hit)}
        {hit.jurisdictionCodes.length > 0 && ` · ${hit.jurisdictionCodes.join(", ")}`}
      </p>
      <h3 className="mt-1 font-serif text-xl leading-snug">
        <Link href={hit.path} className="text-ink no-underline hover:underline">
          <MarkedText parts={hit.title} />
        </Link>
      </h3>
      {hit.alsoKnownAs && (
        <p className="mt-0.5 text-sm text-muted">
          Also: <MarkedText parts={hit.alsoKnownAs} />
        </p>
      )}
      {hit.snippet.length > 0 && (
        <p className="mt-1 text-sm leading-relaxed">
          <MarkedText parts={hit.snippet} />
        </p>
      )}
      {hit.foundIn && (
        <p className="mt-1 border-l-2 border-rule pl-3 text-sm leading-relaxed" data-testid="found-in">
          <span className="text-muted">Found in the attached {hit.foundIn.kind} </span>
          <a href={hit.foundIn.href} className="underline underline-offset-2">
            {hit.foundIn.name}
          </a>
          {hit.foundIn.page !== null && <span className="text-muted">, page {hit.foundIn.page}</span>}
          {hit.foundIn.snippet.length > 0 && (
            <>
              : <MarkedText parts={hit.foundIn.snippet} />
            </>
          )}
        </p>
      )}
    </li>
  );
}

const typeTitles: Record<SearchType, string> = {
  law: "Laws",
  article: "Articles",
  agent: "People and organizations",
  annotation: "Annotations",
};

function facetGroups(query: SearchQuery, results: SearchResults): FacetGroup<"type" | "jurisdiction">[] {
  const groups: FacetGroup<"type" | "jurisdiction">[] = [
    {
      facet: "type",
      title: "Kind",
      chosen: query.type,
      options: results.facets.type.map((f) => ({ ...f, label: typeTitles[f.value] })),
    },
    { facet: "jurisdiction", title: "Jurisdiction", chosen: query.jurisdiction, options: results.facets.jurisdiction },
  ];
  return groups.filter((group) => group.options.length > 0);
}
