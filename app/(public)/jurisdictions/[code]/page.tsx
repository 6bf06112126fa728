import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArticleList } from "@/components/articles/article-list";
import { FigureList } from "@/components/figures/figure-list";
import { LawChronology } from "@/components/laws/law-chronology";
import { ListExtent } from "@/components/public/list-extent";
import { SectionHeading } from "@/components/ui/section-heading";
import { jurisdictionKindLabels } from "@/modules/jurisdictions/labels";
import { publicArticlesIndexPath } from "@/modules/public/articles-index-url";
import { figuresOfJurisdiction } from "@/modules/public/figures";
import { publishedJurisdiction } from "@/modules/public/jurisdiction";
import { lawIndexHref, lawIndexQuery } from "@/modules/public/law-index-url";
import { siteMetadataBase } from "@/modules/public/site";
import { pageAlternates } from "@/modules/public/syndication";

// Rendered on its first request and stored whole for every reader (lib/cache/page-cache.mjs);
// the build has no database, and Next checks the route with a parameter that names nothing.
export const ensureStatic = "navigation";
export const unnamed = "-";
export function generateStaticParams() {
  return [{ code: unnamed }];
}

type Params = Promise<{ code: string }>;

// Codes are short letters, digits and hyphens (KG, SU, RSFSR): anything else is no jurisdiction.
const readable = (code: string) => /^[A-Za-z0-9-]{1,12}$/.test(code);

async function find(params: Params) {
  const { code } = await params;
  if (code === unnamed || !readable(code)) return { code, jurisdiction: null };
  return { code, jurisdiction: await publishedJurisdiction(code) };
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { jurisdiction } = await find(params);
  if (!jurisdiction) return { title: "Jurisdiction", robots: { index: false } };
  const description = `Published laws of ${jurisdiction.name} in the order of their history, the topics they cover, and the news and commentary about them.`;
  return {
    metadataBase: siteMetadataBase(),
    title: jurisdiction.name,
    description,
    alternates: pageAlternates(jurisdiction.path, { jurisdiction: jurisdiction.code }),
    openGraph: { title: jurisdiction.name, description, url: jurisdiction.path, siteName: "Marginalia" },
  };
}

export default function JurisdictionPage({ params }: { params: Params }) {
  return <Jurisdiction params={params} />;
}

async function Jurisdiction({ params }: { params: Params }) {
  // An upper-case code was redirected by proxy.ts already.
  const { jurisdiction } = await find(params);
  if (!jurisdiction) notFound();
  const figures = await figuresOfJurisdiction(jurisdiction.code);
  const years =
    jurisdiction.startYear || jurisdiction.endYear
      ? ` · ${jurisdiction.startYear ?? "?"}–${jurisdiction.endYear ?? ""}`
      : "";
  return (
    <div className="max-w-3xl space-y-10">
      <header className="space-y-3">
        <p className="text-xs font-semibold uppercase tracking-widest text-muted">
          <Link href="/jurisdictions" className="underline underline-offset-2">
            Jurisdictions
          </Link>{" "}
          · {jurisdictionKindLabels[jurisdiction.kind]}
          {years}
        </p>
        <h1 className="font-serif text-3xl leading-tight sm:text-4xl">{jurisdiction.name}</h1>
        {jurisdiction.otherNames.length > 0 && (
          <p className="font-serif text-lg text-muted">
            <span className="sr-only">Also known as: </span>
            {jurisdiction.otherNames.map((n, i) => (
              <span key={n.lang + n.name}>
                {i > 0 && " · "}
                <span lang={n.lang || undefined}>{n.name}</span>
              </span>
            ))}
          </p>
        )}
        {(jurisdiction.predecessors.length > 0 || jurisdiction.successor) && (
          <dl className="space-y-1 text-sm" data-testid="succession">
            {jurisdiction.predecessors.length > 0 && (
              <div>
                <dt className="inline font-semibold">Preceded by </dt>
                <dd className="inline">
                  {jurisdiction.predecessors.map((p, i) => (
                    <span key={p.path}>
                      {i > 0 && ", "}
                      <Link href={p.path}>{p.name}</Link>
                    </span>
                  ))}
                </dd>
              </div>
            )}
            {jurisdiction.successor && (
              <div>
                <dt className="inline font-semibold">Succeeded by </dt>
                <dd className="inline">
                  <Link href={jurisdiction.successor.path}>{jurisdiction.successor.name}</Link>
                </dd>
              </div>
            )}
          </dl>
        )}
      </header>

      <section aria-labelledby="laws">
        <SectionHeading id="laws">Laws, in the order of their history</SectionHeading>
        {jurisdiction.laws.length === 0 ? (
          <p className="text-muted">No law of {jurisdiction.name} has been published yet.</p>
        ) : (
          <>
            <LawChronology laws={jurisdiction.laws} />
            <ListExtent
              shown={jurisdiction.laws.length}
              total={jurisdiction.lawCount}
              noun="laws"
              href={lawIndexHref(lawIndexQuery.parse({}), { jurisdiction: jurisdiction.code })}
              label={
                jurisdiction.lawCount > jurisdiction.laws.length
                  ? `All laws of ${jurisdiction.name}, with filters`
                  : "Filter these laws by status, year, topic and type"
              }
            />
          </>
        )}
      </section>

      {figures.length > 0 && (
        <section aria-labelledby="figures">
          <SectionHeading id="figures">Figures</SectionHeading>
          <FigureList figures={figures} />
        </section>
      )}

      {jurisdiction.topics.length > 0 && (
        <section aria-labelledby="topics">
          <SectionHeading id="topics">Topics</SectionHeading>
          <ul className="flex flex-wrap gap-x-6 gap-y-2">
            {jurisdiction.topics.map((t) => (
              <li key={t.path}>
                <Link href={t.path}>{t.name}</Link>{" "}
                <span className="text-sm text-muted">({t.laws === 1 ? "1 law" : `${t.laws} laws`})</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="articles">
        <SectionHeading id="articles">Recent news and commentary</SectionHeading>
        {jurisdiction.articles.length === 0 ? (
          <p className="text-muted">Nothing written about {jurisdiction.name} or its laws has been published yet.</p>
        ) : (
          <>
            <ArticleList articles={jurisdiction.articles} />
            <ListExtent
              shown={jurisdiction.articles.length}
              total={jurisdiction.articleCount}
              noun="articles"
              href={publicArticlesIndexPath({ jurisdiction: jurisdiction.code })}
              label={`All articles about ${jurisdiction.name}`}
            />
          </>
        )}
      </section>
    </div>
  );
}
