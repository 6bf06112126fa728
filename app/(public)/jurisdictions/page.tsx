import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { Suspense } from "react";
import { jurisdictionKindLabels } from "@/modules/jurisdictions/labels";
import { publishedJurisdictions } from "@/modules/public/jurisdiction";
import { pageAlternates } from "@/modules/public/syndication";

export const metadata: Metadata = {
  title: "Jurisdictions",
  description: "The countries and historical states whose laws the archive records, with how many of each.",
  alternates: pageAlternates("/jurisdictions"),
};

export default function JurisdictionsPage() {
  return (
    <div className="space-y-8">
      <header className="max-w-2xl">
        <h1 className="font-serif text-4xl leading-tight">Jurisdictions</h1>
        <p className="mt-2 text-muted">
          The countries and historical states whose laws the archive records. Each page sets its laws in the order of
          their history.
        </p>
      </header>
      <Suspense fallback={<p className="text-muted">Loading the jurisdictions…</p>}>
        <JurisdictionList />
      </Suspense>
    </div>
  );
}

async function JurisdictionList() {
  await connection();
  const list = await publishedJurisdictions();
  if (list.length === 0) return <p>No law has been published yet.</p>;
  return (
    <ul className="max-w-3xl divide-y divide-rule border-y border-rule">
      {list.map((j) => (
        <li key={j.code} className="flex flex-wrap items-baseline justify-between gap-x-6 gap-y-1 py-4">
          <div>
            <h2 className="font-serif text-xl">
              <Link href={j.path} className="text-ink no-underline hover:underline">
                {j.name}
              </Link>
            </h2>
            <p className="text-sm text-muted">
              {jurisdictionKindLabels[j.kind]}
              {(j.startYear || j.endYear) && ` · ${j.startYear ?? "?"}–${j.endYear ?? ""}`}
            </p>
          </div>
          <p className="text-sm">{j.laws === 1 ? "1 law" : `${j.laws.toLocaleString("en")} laws`}</p>
        </li>
      ))}
    </ul>
  );
}
