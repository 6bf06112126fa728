import { formatDateRange } from "@/lib/partial-date";
import type { CoveredPeriod } from "@/modules/laws/period-order";

/** The spans a law covers, each at the precision its sources give, and every account where they disagree. */
export function CoveredPeriods({ periods }: { periods: CoveredPeriod[] }) {
  return (
    <ul className="space-y-1">
      {periods.map((period, index) => (
        <li key={index}>
          {formatDateRange(period.start, period.end)}
          {period.note && <span className="text-muted"> · {period.note}</span>}
          {period.disputed ? (
            <div className="mt-1 rounded border-l-4 border-caution bg-caution/10 px-3 py-2">
              <p className="font-semibold">Sources disagree on this period:</p>
              <ul className="mt-1 space-y-0.5">
                {period.accounts.map((a, i) => (
                  <li key={i}>
                    {formatDateRange(a.start, a.end)} — {a.sourceTitle ?? "source not recorded"}
                    {a.preferred && " (shown above)"}
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            period.accounts[0]?.sourceTitle && (
              <span className="text-muted"> (source: {period.accounts[0].sourceTitle})</span>
            )
          )}
        </li>
      ))}
    </ul>
  );
}
