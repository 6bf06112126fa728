import { formatPartialDate } from "@/lib/partial-date";
import type { Figure } from "@/modules/figures/read";

/** A figure's value as the preferred source gives it, and every other account when they disagree. */
export function FigureSummary({ figure }: { figure: Figure }) {
  const [first, ...others] = figure.accounts;
  if (!first) return null;
  const unit = figure.unit ? ` ${figure.unit}` : "";
  return (
    <div className="text-sm">
      <p>
        <span className="font-semibold">
          {first.value}
          {unit}
        </span>{" "}
        <span className="text-muted">
          as of {formatPartialDate(first.asOf)} — {first.sourceTitle ?? "no source given"}
        </span>
        {figure.disputed && (
          <span className="ml-2 rounded bg-caution/15 px-2 py-0.5 text-xs font-semibold text-caution">
            Sources disagree
          </span>
        )}
      </p>
      {others.length > 0 && (
        <ul className="mt-0.5 space-y-0.5 text-muted">
          {others.map((a) => (
            <li key={a.id}>
              {a.value}
              {unit} as of {formatPartialDate(a.asOf)} — {a.sourceTitle ?? "no source given"}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
