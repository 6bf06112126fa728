import { and, asc, eq, inArray, isNotNull } from "drizzle-orm";
import type { Db } from "@/db";
import { figureAccounts, figureLaws, figures, publicLaws } from "@/db/schema";
import { canonical, formatFigureNumber, parseFigureNumber } from "@/lib/figure-number";
import { formatPartialDate, fromColumns, type PartialDate } from "@/lib/partial-date";
import { highlight, snippet, type SnippetPart } from "@/lib/search/snippet";
import { foldForSearch } from "@/lib/text";
import { disagree } from "./figures";
import { publicJurisdictionPath } from "./jurisdiction";
import { publicLawPath } from "./law-view";

/** How many matching figures a search shows above its results. */
export const figureHitsShown = 5;

export type FigureHit = {
  /** The page that shows it, at the figure: its jurisdiction's, or else a published law's it concerns. */
  path: string;
  label: SnippetPart[];
  /** The preferred account's value, formatted for reading ("311,000"), and its date ("1991"). */
  value: string;
  unit: string;
  asOf: string | null;
  disputed: boolean;
  note: SnippetPart[];
  jurisdictionCode: string | null;
};

export type FigureHits = { hits: FigureHit[]; total: number };

type Account = { value: string; wording: string; asOf: PartialDate | null; preferred: boolean };
type Candidate = {
  id: number;
  label: string;
  unit: string;
  note: string;
  jurisdictionCode: string | null;
  accounts: Account[];
};

/**
 * The approved figures a search finds, those whose label names the words first: every word
 * (loosely stemmed, as the search index matches it) begins a word of the label, note, unit or a
 * value as printed ("311,000", "311000", "2.4 million"), or the query is a number one of its
 * values equals. Figures have no revisions and are few (hundreds), so the approved ones are read
 * and matched here, folded like the index; a figure no public page shows is not found.
 */
export async function readFigureHits(
  db: Db,
  search: { query: string; stems: string[]; jurisdiction?: string },
): Promise<FigureHits> {
  const number = parseFigureNumber(search.query)?.value ?? null;
  const matching = (await approvedFigures(db, search.jurisdiction)).flatMap((figure) => {
    const printed = figure.accounts.flatMap((a) => [a.value, formatFigureNumber(a.value), a.wording]);
    const labelWords = foldForSearch(figure.label).split(" ");
    const words = [...labelWords, ...foldForSearch([figure.note, figure.unit, ...printed].join(" ")).split(" ")];
    const found = search.stems.every((stem) => words.some(begins(stem)));
    const equal = number !== null && figure.accounts.some((a) => canonical(a.value) === number);
    if (!found && !equal) return [];
    return [{ figure, named: search.stems.some((stem) => labelWords.some(begins(stem))) }];
  });
  const lawPaths = await lawPathsOf(
    db,
    matching.filter((m) => !m.figure.jurisdictionCode).map((m) => m.figure.id),
  );
  const shownSomewhere = matching.flatMap(({ figure, named }) => {
    const page = figure.jurisdictionCode
      ? publicJurisdictionPath({ code: figure.jurisdictionCode })
      : lawPaths.get(figure.id);
    return page ? [{ figure, page, named }] : [];
  });
  // Named by the words first; by label within each (as read).
  shownSomewhere.sort((a, b) => Number(b.named) - Number(a.named));
  return {
    hits: shownSomewhere.slice(0, figureHitsShown).map(({ figure, page }): FigureHit => {
      const shown = figure.accounts.find((a) => a.preferred) ?? figure.accounts[0]!;
      return {
        path: `${page}#figure-${figure.id}`,
        label: highlight(figure.label, search.stems),
        value: formatFigureNumber(shown.value),
        unit: figure.unit,
        asOf: shown.asOf ? formatPartialDate(shown.asOf) : null,
        disputed: disagree(figure.accounts),
        note: figure.note ? snippet(figure.note, search.stems, 160) : [],
        jurisdictionCode: figure.jurisdictionCode,
      };
    }),
    total: shownSomewhere.length,
  };
}

/** Whether a folded word is one a search stem finds, as the index's prefix match does. */
const begins = (stem: string) => (word: string) => (stem.length > 1 ? word.startsWith(stem) : word === stem);

/** Every approved figure (of a jurisdiction) with its accounts, in one query. */
async function approvedFigures(db: Db, jurisdiction: string | undefined): Promise<Candidate[]> {
  const rows = await db
    .select({
      id: figures.id,
      label: figures.label,
      unit: figures.unit,
      note: figures.note,
      jurisdictionCode: figures.jurisdictionCode,
      value: figureAccounts.value,
      wording: figureAccounts.wording,
      asOfDate: figureAccounts.asOfDate,
      asOfPrecision: figureAccounts.asOfPrecision,
      asOfApproximate: figureAccounts.asOfApproximate,
      preferred: figureAccounts.preferred,
    })
    .from(figures)
    .innerJoin(figureAccounts, eq(figureAccounts.figureId, figures.id))
    .where(and(isNotNull(figures.approvedAt), jurisdiction ? eq(figures.jurisdictionCode, jurisdiction) : undefined))
    .orderBy(asc(figures.label), asc(figures.id), asc(figureAccounts.id));
  const byId = new Map<number, Candidate>();
  for (const { value, wording, asOfDate, asOfPrecision, asOfApproximate, preferred, ...figure } of rows) {
    const entry = byId.get(figure.id) ?? { ...figure, accounts: [] };
    byId.set(figure.id, entry);
    entry.accounts.push({ value, wording, asOf: fromColumns(asOfDate, asOfPrecision, asOfApproximate), preferred });
  }
  return [...byId.values()];
}

/** For figures of no jurisdiction: the page of the first published law each concerns, if any. */
async function lawPathsOf(db: Db, figureIds: number[]): Promise<Map<number, string>> {
  if (figureIds.length === 0) return new Map();
  const rows = await db
    .select({ figureId: figureLaws.figureId, jurisdictionCode: publicLaws.jurisdictionCode, slug: publicLaws.slug })
    .from(figureLaws)
    .innerJoin(publicLaws, eq(publicLaws.lawId, figureLaws.lawId))
    .where(inArray(figureLaws.figureId, figureIds))
    .orderBy(asc(figureLaws.figureId), asc(publicLaws.lawId));
  const paths = new Map<number, string>();
  for (const row of rows) if (!paths.has(row.figureId)) paths.set(row.figureId, publicLawPath(row));
  return paths;
}
