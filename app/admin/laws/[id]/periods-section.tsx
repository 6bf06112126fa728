import { formatDateRange, toIsoPartial } from "@/lib/partial-date";
import { requestContext } from "@/modules/auth/session";
import { listPeriods, type CoveredPeriod } from "@/modules/laws/periods";
import { NewPeriod, PeriodEditor, RemovePeriod } from "./period-editor";
import type { PeriodFormValues } from "./period-form";

/** The spans of time the law covers, on its edit page: each with every sourced account of it. */
export async function LawPeriodsSection({ lawId }: { lawId: number }) {
  const periods = await listPeriods(await requestContext(), lawId);
  return (
    <section aria-labelledby="periods-heading" className="space-y-4 border-t border-rule pt-8">
      <h2 id="periods-heading" className="font-serif text-2xl">
        Periods covered
      </h2>
      {periods.length === 0 ? (
        <p className="text-muted">
          No periods yet. Add the span of time the law applies to, such as repression decided 1917–1953.
        </p>
      ) : (
        <ul className="space-y-3">
          {periods.map((period) => (
            <li key={period.id} className="rounded-lg border border-rule bg-surface p-4" data-testid="covered-period">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <p>
                  <span className="font-semibold">{formatDateRange(period.start, period.end)}</span>
                  {period.note && <> · {period.note}</>}
                  {period.disputed && (
                    <span className="ml-2 rounded bg-caution/15 px-2 py-0.5 text-xs font-semibold text-caution">
                      Sources disagree
                    </span>
                  )}
                </p>
                <div className="flex flex-wrap gap-2 text-sm">
                  <PeriodEditor lawId={lawId} period={toFormValues(period)} name={describe(period)} />
                  <RemovePeriod lawId={lawId} id={period.id} name={describe(period)} />
                </div>
              </div>
              {(period.accounts.length > 1 || period.accounts.some((a) => a.sourceTitle)) && (
                <ul className="mt-2 space-y-0.5 text-sm text-muted">
                  {period.accounts.map((a, index) => (
                    <li key={index}>
                      {formatDateRange(a.start, a.end)} — {a.sourceTitle ?? "no source given"}
                      {a.preferred && period.accounts.length > 1 && " (preferred)"}
                      {a.note && `: ${a.note}`}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
      <NewPeriod lawId={lawId} />
    </section>
  );
}

/** "Period 1917–1953": names a period for screen readers on its row's buttons. */
function describe(period: CoveredPeriod): string {
  return `period ${formatDateRange(period.start, period.end)}`;
}

function toFormValues(period: CoveredPeriod & { id: number }): PeriodFormValues {
  return {
    id: period.id,
    note: period.note,
    accounts: period.accounts.map((a) => ({
      fields: { start: toIsoPartial(a.start), end: toIsoPartial(a.end) },
      source: a.sourceId && a.sourceTitle ? { value: String(a.sourceId), label: a.sourceTitle } : null,
      note: a.note,
      preferred: a.preferred,
    })),
  };
}
