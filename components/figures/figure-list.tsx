import { formatFigureNumber } from "@/lib/figure-number";
import { formatPartialDate } from "@/lib/partial-date";
import type { PublicFigure, PublicFigureAccount } from "@/modules/public/figures";

/**
 * Sourced numbers, each with its date at its precision and its sources; a disagreement shown whole.
 * Each is at `#figure-<id>`, where search links to it (modules/public/figure-search.ts).
 */
export function FigureList({ figures }: { figures: PublicFigure[] }) {
  return (
    <dl className="space-y-4">
      {figures.map((figure) => {
        const shown = figure.accounts[0];
        return (
          <div key={figure.id} id={`figure-${figure.id}`} data-testid="public-figure">
            <dt className="font-serif text-lg">{figure.label}</dt>
            {shown && (
              <dd className="mt-0.5">
                <span className="text-2xl font-semibold tabular-nums">{formatFigureNumber(shown.value)}</span>
                {figure.unit && ` ${figure.unit}`}
                {shown.asOf && <span className="text-muted">, as of {formatPartialDate(shown.asOf)}</span>}
                {!figure.disputed && <Attribution account={shown} />}
              </dd>
            )}
            {figure.disputed && (
              <dd className="mt-2 rounded border-l-4 border-caution bg-caution/10 px-3 py-2 text-sm">
                <p className="font-semibold">Sources disagree:</p>
                <ul className="mt-1 space-y-0.5">
                  {figure.accounts.map((a, i) => (
                    <li key={i}>
                      <span className="tabular-nums">{formatFigureNumber(a.value)}</span>
                      {a.asOf && `, as of ${formatPartialDate(a.asOf)}`}
                      <Attribution account={a} />
                      {a.preferred && " (shown above)"}
                    </li>
                  ))}
                </ul>
              </dd>
            )}
            {figure.note && <dd className="mt-1 text-sm text-muted">{figure.note}</dd>}
          </div>
        );
      })}
    </dl>
  );
}

/**
 * " — Source (printed “2.4 million”)": the source, and its own wording where it says the number in
 * words; one that differs only in how digits are grouped ("18 000") adds nothing.
 */
function Attribution({ account }: { account: PublicFigureAccount }) {
  const wording = /\p{L}/u.test(account.wording) ? ` (printed “${account.wording}”)` : "";
  if (!account.sourceTitle) return wording ? <span className="text-sm text-muted">{wording}</span> : null;
  return (
    <span className="text-sm text-muted">
      {" — "}
      {account.sourceUrl ? (
        <a href={account.sourceUrl} className="underline underline-offset-2">
          {account.sourceTitle}
        </a>
      ) : (
        account.sourceTitle
      )}
      {wording}
    </span>
  );
}
