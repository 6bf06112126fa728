import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FacetLinks, type FacetGroup } from "@/components/public/facet-links";
import { FiltersDisclosure } from "@/components/public/filters-disclosure";
import { PageLinks } from "@/components/ui/page-links";
import { lawStatusLabels, lawTypeLabels } from "@/modules/laws/labels";
import { indexView, unnamedView } from "@/modules/public/index-page-view";
import { publishedLawIndex, type LawIndex } from "@/modules/public/law-index";
import { lawIndexHref, type LawFacet, type LawIndexQuery } from "@/modules/public/law-index-url";
import { publicLawPath } from "@/modules/public/law-view";
import { pageAlternates } from "@/modules/public/syndication";

// /laws, each view (filters, sort, page) stored whole: proxy.ts rewrites its query string to the
// view segment (modules/public/index-page-view.ts). The build renders only the placeholder.
export const ensureStatic = "navigation";
export function generateStaticParams() {
  return [{ view: unnamedView }];
}

type Params = Promise<{ view: string }>;

export const metadata: Metadata = {
  title: "Laws",
  description: "Published laws in the archive, by jurisdiction, status, year, topic and type.",
  alternates: pageAlternates("/laws", { kind: "law" }),
};

export default async function LawsIndexPage({ params }: { params: Params }) {
  const query = indexView("laws", (await params).view);
  if (!query) notFound();
  return (
    <div className="space-y-8">
      <header className="max-w-2xl">
        <h1 className="font-serif text-4xl leading-tight">Laws</h1>
        <p className="mt-2 text-muted">Every published law in the archive. Narrow the list with the filters.</p>
      </header>
      <LawsIndex query={query} />
    </div>
  );
}

async function LawsIndex({ query }: { query: LawIndexQuery }) {
  const index = await publishedLawIndex(query);
  const filters = (
    <FacetLinks groups={facetGroups(query, index)} href={(facet, value) => lawIndexHref(query, { [facet]: value })} />
  );
  return (
    <div className="grid gap-10 lg:grid-cols-[16rem_1fr]">
      <FiltersDisclosure chosen={activeFilters(query)}>{filters}</FiltersDisclosure>
      <section aria-labelledby="results-heading" className="min-w-0">
        {query.agent && (
          <p className="mb-4 text-sm">
            {index.agent ? (
              <>
                <span className="text-muted">Laws in whose history </span>
                <Link href={index.agent.path} className="font-semibold">
                  {index.agent.name}
                </Link>
                <span className="text-muted"> took a step</span>{" "}
                <Link
                  href={lawIndexHref(query, { agent: undefined })}
                  aria-label={`Remove filter: ${index.agent.name}`}
                  className="text-muted"
                >
                  (remove filter)
                </Link>
              </>
            ) : (
              "The archive has no published person or body by that name."
            )}
          </p>
        )}
        <div className="flex flex-wrap items-baseline justify-between gap-3 border-b border-ink pb-2">
          <h2 id="results-heading" className="text-xs font-bold uppercase tracking-widest" aria-live="polite">
            {index.total === 1 ? "1 law" : `${index.total.toLocaleString("en")} laws`}
          </h2>
          <SortLinks query={query} />
        </div>
        {index.laws.length === 0 ? (
          <div className="py-8">
            <p>No published law matches these filters.</p>
            <p className="mt-2">
              <Link href="/laws">Show all laws</Link>
            </p>
          </div>
        ) : (
          <ol className="divide-y divide-rule">
            {index.laws.map((law) => (
              <li key={law.jurisdictionCode + law.slug} className="py-5">
                <p className="text-xs font-semibold uppercase tracking-wide text-muted">
                  {law.jurisdictionName} · {lawTypeLabels[law.type]} · {lawStatusLabels[law.status]}
                  {law.year !== null && ` · ${law.year}`}
                </p>
                <h3 className="mt-1 font-serif text-xl leading-snug">
                  <Link href={publicLawPath(law)} className="text-ink no-underline hover:underline">
                    {law.title}
                  </Link>
                </h3>
                <p className="mt-1 line-clamp-3 text-sm text-muted">{plainExcerpt(law.summary)}</p>
              </li>
            ))}
          </ol>
        )}
        <PageLinks page={index.page} pageCount={index.pageCount} href={(page) => lawIndexHref(query, { page })} />
      </section>
    </div>
  );
}

const activeFilters = (query: LawIndexQuery) =>
  [query.jurisdiction, query.status, query.type, query.year, query.topic, query.agent].filter((v) => v !== undefined)
    .length;

function facetGroups(query: LawIndexQuery, index: LawIndex): FacetGroup<LawFacet>[] {
  const { facets } = index;
  return [
    { facet: "jurisdiction", title: "Jurisdiction", chosen: query.jurisdiction, options: facets.jurisdiction },
    {
      facet: "status",
      title: "Status",
      chosen: query.status,
      options: facets.status.map((f) => ({ ...f, label: lawStatusLabels[f.value] })),
    },
    {
      facet: "year",
      title: "Year",
      chosen: query.year?.toString(),
      options: facets.year.map((f) => ({ ...f, label: f.value })),
    },
    { facet: "topic", title: "Topic", chosen: query.topic, options: facets.topic },
    {
      facet: "type",
      title: "Type",
      chosen: query.type,
      options: facets.type.map((f) => ({ ...f, label: lawTypeLabels[f.value] })),
    },
  ];
}

const sorts = [
  ["recent", "Recently published"],
  ["title", "Title"],
  ["year", "Year"],
] as const;

function SortLinks({ query }: { query: LawIndexQuery }) {
  return (
    <p className="text-sm">
      <span className="text-muted">Sort: </span>
      {sorts.map(([value, label], i) => (
        <span key={value}>
          {i > 0 && " · "}
          {query.sort === value ? (
            <strong aria-current="true">{label}</strong>
          ) : (
            <Link href={lawIndexHref(query, { sort: value })}>{label}</Link>
          )}
        </span>
      ))}
    </p>
  );
}

/** A summary's text without its Markdown marks, for a list excerpt. */
function plainExcerpt(markdown: string): string {
  return markdown.replace(/[*_`#>[\]]|\(https?:[^)]*\)/g, "").slice(0, 400);
}
