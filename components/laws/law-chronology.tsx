import Link from "next/link";
import { formatPartialDate } from "@/lib/partial-date";
import { lawEventKindLabels, lawStatusLabels, lawTypeLabels } from "@/modules/laws/labels";
import type { LawOnTimeline } from "@/modules/public/law-chronology";

/**
 * Several laws on one timeline, each at the date of the step that places it (adoption, else
 * signature, else its first dated step), printed at the precision known.
 */
export function LawChronology({
  laws,
  showJurisdiction = false,
}: {
  laws: LawOnTimeline[];
  showJurisdiction?: boolean;
}) {
  return (
    <ol className="timeline">
      {laws.map((law) => (
        <li key={law.id}>
          <span aria-hidden className="timeline-dot" />
          <p className="timeline-date">
            {law.milestone ? (
              <>
                {lawEventKindLabels[law.milestone.kind]} {formatPartialDate(law.milestone.date)}
              </>
            ) : (
              "Date not recorded"
            )}
          </p>
          <p className="font-serif text-lg leading-snug">
            <Link href={law.path} className="text-ink no-underline hover:underline">
              {law.title}
            </Link>
          </p>
          <p className="text-sm text-muted">
            {[showJurisdiction && law.jurisdictionName, lawTypeLabels[law.type], lawStatusLabels[law.status]]
              .filter(Boolean)
              .join(" · ")}
          </p>
        </li>
      ))}
    </ol>
  );
}
