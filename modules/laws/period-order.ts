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

/** The periods as a revision's snapshot keeps them: what placePeriods needs, in its order. */
export function storedPeriods(periods: readonly CoveredPeriod[]): StoredPeriod[] {
  return periods.map(({ note, accounts }) => ({ note, accounts }));
}
