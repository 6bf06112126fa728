import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { jurisdictionKindLabels } from "@/modules/jurisdictions/labels";
import { publishedJurisdictions } from "@/modules/public/jurisdiction";
import { indexView, unnamedView } from "@/modules/public/index-page-view";
import { pageAlternates } from "@/modules/public/syndication";

// /jurisdictions, stored whole: proxy.ts rewrites it here whatever its query string
// (modules/public/index-page-view.ts). The build renders only the placeholder.
export const ensureStatic = "navigation";
export function generateStaticParams() {
  return [{ view: unnamedView }];
}

export const metadata: Metadata = {
  title: "Jurisdictions",
  description: "The countries and historical states whose laws the archive records, with how many of each.",
  alternates: pageAlternates("/jurisdictions"),
};

export default async function JurisdictionsPage({ params }: { params: Promise<{ view: string }> }) {
  if (!indexView("jurisdictions", (await params).view)) notFound();
  return (
    <div className="space-y-8">
      <header className="max-w-2xl">
        <h1 className="font-serif text-4xl leading-tight">Jurisdictions</h1>
        <p className="mt-2 text-muted">
          The countries and historical states whose laws the archive records. Each page sets its laws in the order of
          their history.
        </p>
      </header>
      <JurisdictionList />
    </div>
  );
}

async function JurisdictionList() {
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
