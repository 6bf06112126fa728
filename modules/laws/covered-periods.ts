import { asc, eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { lawPeriodAccounts, lawPeriods, sources } from "@/db/schema";
import type { PartialDate } from "@/lib/partial-date";

export type PeriodAccount = {
  start: PartialDate;
  end: PartialDate;
  sourceId: number | null;
  sourceTitle: string | null;
  preferred: boolean;
  note: string;
};
export type StoredPeriod = { note: string; accounts: PeriodAccount[] };
export type CoveredPeriod = StoredPeriod & {
  /** The preferred account's span, which places the period and is shown first. */
  start: PartialDate;
  end: PartialDate;
  /** True when the sources give different spans: readers see every account, not a silent pick. */
  disputed: boolean;
};

/**
 * Spans each period by its preferred account, flags disagreement, and orders them by where they
 * start (ties in the order given). Pure: a live revision's snapshot is placed the same way.
 */
export function placePeriods<P extends StoredPeriod>(periods: readonly P[]): (P & CoveredPeriod)[] {
  return periods
    .filter((period) => period.accounts.length > 0)
    .map((period) => {
      const preferred = period.accounts.find((a) => a.preferred) ?? period.accounts[0]!;
      const spans = new Set(period.accounts.map((a) => JSON.stringify([a.start, a.end])));
      return { ...period, start: preferred.start, end: preferred.end, disputed: spans.size > 1 };
    })
    .sort((a, b) => a.start.date.localeCompare(b.start.date));
}

/** A law's periods with their accounts, each period's id beside it for the editor's buttons. */
export async function readPeriods(db: Db | Tx, lawId: number): Promise<(CoveredPeriod & { id: number })[]> {
  const periods = await db
    .select({ id: lawPeriods.id, note: lawPeriods.note })
    .from(lawPeriods)
    .where(eq(lawPeriods.lawId, lawId))
    .orderBy(asc(lawPeriods.id));
  if (periods.length === 0) return [];
  const accounts = await db
    .select({ account: lawPeriodAccounts, sourceTitle: sources.title })
    .from(lawPeriodAccounts)
    .leftJoin(sources, eq(sources.id, lawPeriodAccounts.sourceId))
    .where(
      inArray(
        lawPeriodAccounts.periodId,
        periods.map((p) => p.id),
      ),
    )
    .orderBy(asc(lawPeriodAccounts.id));
  const withAccounts = periods.map((period) => ({
    ...period,
    accounts: accounts
      .filter(({ account }) => account.periodId === period.id)
      .map(({ account: a, sourceTitle }) => ({
        start: { date: a.startDate, precision: a.startPrecision, approximate: a.startApproximate },
        end: { date: a.endDate, precision: a.endPrecision, approximate: a.endApproximate },
        sourceId: a.sourceId,
        sourceTitle,
        preferred: a.preferred,
        note: a.note,
      })),
  }));
  return placePeriods(withAccounts);
}

/** The periods as a revision's snapshot keeps them: what placePeriods needs, in its order. */
export function storedPeriods(periods: readonly CoveredPeriod[]): StoredPeriod[] {
  return periods.map(({ note, accounts }) => ({ note, accounts }));
}
