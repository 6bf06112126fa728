import { and, asc, eq, exists, inArray, isNotNull, or, sql, type SQL } from "drizzle-orm";
import { cacheLife, cacheTag } from "next/cache";
import { getDatabase, type Db } from "@/db";
import { figureAccounts, figureLaws, figures, publicLaws } from "@/db/schema";
import { canonical } from "@/lib/figure-number";
import { fromColumns, type PartialDate } from "@/lib/partial-date";
import { figuresTag } from "./cache-tags";
import { publicCacheTag } from "./clock";

export type PublicFigureAccount = {
  value: string;
  wording: string;
  asOf: PartialDate | null;
  sourceTitle: string | null;
  sourceUrl: string | null;
  preferred: boolean;
};
export type PublicFigure = {
  id: number;
  label: string;
  unit: string;
  note: string;
  /** Every source's account, the preferred one first. */
  accounts: PublicFigureAccount[];
  disputed: boolean;
};

/**
 * Whether readers see a figure somewhere: approved, and on a public page, its jurisdiction's (every
 * jurisdiction has one) or a published law's. An approved figure of draft laws only is not public.
 */
export const figureShownToReaders = and(
  isNotNull(figures.approvedAt),
  or(
    isNotNull(figures.jurisdictionCode),
    exists(
      sql`(select 1 from ${figureLaws} join ${publicLaws} on ${publicLaws.lawId} = ${figureLaws.lawId}
        where ${figureLaws.figureId} = ${figures.id})`,
    ),
  ),
)!;

/**
 * The figures of a jurisdiction, for its page. Figures have no revisions: readers see one once an
 * editor other than the last to save it approved it, and not again until a change is approved.
 */
export async function figuresOfJurisdiction(code: string): Promise<PublicFigure[]> {
  "use cache";
  cacheTag(publicCacheTag, figuresTag({ jurisdictionCode: code }));
  cacheLife("days");
  const { db } = await getDatabase();
  return readFiguresOfJurisdiction(db, code);
}

export function readFiguresOfJurisdiction(db: Db, code: string): Promise<PublicFigure[]> {
  return readFigures(db, eq(figures.jurisdictionCode, code.toUpperCase()));
}

/** The figures a published law concerns, for its page (only a published law has one). */
export async function figuresOfLaw(lawId: number): Promise<PublicFigure[]> {
  "use cache";
  cacheTag(publicCacheTag, figuresTag({ lawId }));
  cacheLife("days");
  const { db } = await getDatabase();
  return readFiguresOfLaw(db, lawId);
}

export function readFiguresOfLaw(db: Db, lawId: number): Promise<PublicFigure[]> {
  const linked = db.select({ id: figureLaws.figureId }).from(figureLaws).where(eq(figureLaws.lawId, lawId));
  return readFigures(db, inArray(figures.id, linked));
}

/** Figures with their accounts in one query (a figure has at least one), the preferred first. */
export async function readFigures(db: Db, which: SQL): Promise<PublicFigure[]> {
  const rows = await db
    .select({
      id: figures.id,
      label: figures.label,
      unit: figures.unit,
      note: figures.note,
      account: figureAccounts,
      // The source as approved with the figure, not as its record stands now.
      sourceTitle: figureAccounts.approvedSourceTitle,
      sourceUrl: figureAccounts.approvedSourceUrl,
    })
    .from(figures)
    .innerJoin(figureAccounts, eq(figureAccounts.figureId, figures.id))
    .where(and(which, isNotNull(figures.approvedAt)))
    .orderBy(asc(figures.label), asc(figures.id), asc(figureAccounts.id));
  const byId = new Map<number, PublicFigure>();
  for (const { account: a, sourceTitle, sourceUrl, ...figure } of rows) {
    const entry = byId.get(figure.id) ?? { ...figure, accounts: [], disputed: false };
    byId.set(figure.id, entry);
    entry.accounts.push({
      value: a.value,
      wording: a.wording || a.value,
      asOf: fromColumns(a.asOfDate, a.asOfPrecision, a.asOfApproximate),
      sourceTitle,
      sourceUrl: sourceUrl || null,
      preferred: a.preferred,
    });
  }
  return [...byId.values()].map((figure) => ({
    ...figure,
    accounts: figure.accounts.sort((a, b) => Number(b.preferred) - Number(a.preferred)),
    disputed: disagree(figure.accounts),
  }));
}

/** Whether accounts differ in value (856 and 856.0 agree) or in date (a month is not a year). */
export function disagree(accounts: { value: string; asOf: PartialDate | null }[]): boolean {
  const values = new Set(accounts.map((a) => canonical(a.value)));
  const dates = new Set(accounts.map((a) => (a.asOf ? `${a.asOf.date}/${a.asOf.precision}` : "unknown")));
  return values.size > 1 || dates.size > 1;
}
