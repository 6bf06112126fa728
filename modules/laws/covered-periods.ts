import { asc, eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { lawPeriodAccounts, lawPeriods, sources } from "@/db/schema";
import { placePeriods, type CoveredPeriod } from "./period-order";

export type { CoveredPeriod, PeriodAccount, StoredPeriod } from "./period-order";
export { placePeriods, storedPeriods } from "./period-order";

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
