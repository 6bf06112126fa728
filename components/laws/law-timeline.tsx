import Link from "next/link";
import { formatPartialDate } from "@/lib/partial-date";
import { lawEventKindLabels } from "@/modules/laws/labels";
import type { LawEvent } from "@/modules/laws/timeline";

/**
 * A law's history for readers. Dates are printed at the precision known; where sources disagree,
 * every account is shown with its source instead of one picked silently.
 */
export function LawTimeline({ events, agentPaths }: { events: LawEvent[]; agentPaths?: Record<number, string> }) {
  if (events.length === 0) return <p className="text-muted">No steps of this law&apos;s history are recorded yet.</p>;
  return (
    <ol className="timeline">
      {events.map((event) => (
        <li key={event.id}>
          <span aria-hidden className="timeline-dot" />
          <p className="timeline-date">
            <span className="inline-block first-letter:uppercase">{formatPartialDate(event.date)}</span>
          </p>
          <p className="font-serif text-lg">
            {lawEventKindLabels[event.kind]}
            {event.agentName && (
              <span className="text-muted">
                {" · "}
                {/* Linked only to a published agent's page; others stay plain names. */}
                {event.agentId !== null && agentPaths?.[event.agentId] ? (
                  <Link href={agentPaths[event.agentId]!} className="underline underline-offset-2">
                    {event.agentName}
                  </Link>
                ) : (
                  event.agentName
                )}
              </span>
            )}
          </p>
          {event.note && <p className="mt-1 font-serif">{event.note}</p>}
          {event.disputed ? (
            <div className="mt-2 rounded border-l-4 border-caution bg-caution/10 px-3 py-2 text-sm">
              <p className="font-semibold">Sources disagree on this date:</p>
              <ul className="mt-1 space-y-0.5">
                {event.accounts.map((a) => (
                  <li key={a.id}>
                    {formatPartialDate(a.date)} — {a.sourceTitle ?? "source not recorded"}
                    {a.preferred && " (shown above)"}
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            event.accounts[0]?.sourceTitle && (
              <p className="mt-1 text-sm text-muted">Source: {event.accounts[0].sourceTitle}</p>
            )
          )}
        </li>
      ))}
    </ol>
  );
}
