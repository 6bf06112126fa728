import Link from "next/link";
import { connection } from "next/server";
import { Suspense } from "react";
import { Markdown } from "@/components/ui/markdown";
import { lawStatusLabels } from "@/modules/laws/labels";
import { publicationVersion } from "@/modules/public/clock";
import { latestPublishedLaws, publicLawPath } from "@/modules/public/law";

export default function HomePage() {
  return (
    <div className="space-y-12">
      <section className="max-w-2xl">
        <h1 className="font-serif text-4xl leading-tight sm:text-5xl">Laws, and what is written about them</h1>
        <p className="mt-4 font-serif text-lg leading-relaxed text-muted">
          An archive of legislation with its history and the news and commentary around it, curated by editors and
          published after review. The first collection follows the rehabilitation of victims of Soviet-era political
          repression in Central Asia.
        </p>
      </section>
      <section aria-labelledby="latest-laws">
        <h2 id="latest-laws" className="border-b border-ink pb-2 text-xs font-bold uppercase tracking-widest">
          Latest laws
        </h2>
        <Suspense fallback={<p className="mt-6 text-muted">Loading the latest laws…</p>}>
          <LatestLaws />
        </Suspense>
        <p className="mt-4 text-sm font-semibold">
          <Link href="/laws">All laws, by jurisdiction, year and topic →</Link>
        </p>
      </section>
    </div>
  );
}

async function LatestLaws() {
  // Rendered per request (so the build needs no database); the query is cached per publication.
  await connection();
  const laws = await latestPublishedLaws(await publicationVersion());
  if (laws.length === 0) return <p className="mt-6 text-muted">Nothing has been published yet.</p>;
  return (
    <ul className="divide-y divide-rule">
      {laws.map((law) => (
        <li key={law.slug} className="py-6">
          <p className="text-xs font-semibold uppercase tracking-wide text-muted">
            {law.jurisdictionCode} · {lawStatusLabels[law.status]}
          </p>
          <h3 className="mt-1 font-serif text-2xl leading-snug">
            <Link href={publicLawPath(law)} className="text-ink no-underline hover:underline">
              {law.title}
            </Link>
          </h3>
          <Markdown source={law.summary} className="mt-2 text-base" />
        </li>
      ))}
    </ul>
  );
}
