import Link from "next/link";
import { formatPartialDate } from "@/lib/partial-date";
import { lawEventKindLabels } from "@/modules/laws/labels";
import type { EventAccount, LawEvent } from "@/modules/laws/timeline";

/** An account as readers see it: its source linked where the law's sources give an address. */
type Account = EventAccount & { sourceUrl?: string | null };

/**
 * A law's history for readers. Dates are printed at the precision known; where sources disagree,
 * every account is shown with its source instead of one picked silently.
 */
export function LawTimeline({
  events,
  agentPaths,
}: {
  events: (LawEvent & { accounts: Account[] })[];
  agentPaths?: Record<number, string>;
}) {
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
                    {formatPartialDate(a.date)} — <Source account={a} />
                    {a.preferred && " (shown above)"}
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            event.accounts[0]?.sourceTitle && (
              <p className="mt-1 text-sm text-muted">
                Source: <Source account={event.accounts[0]} />
              </p>
            )
          )}
        </li>
      ))}
    </ol>
  );
}

/** A source by its title, a link out to it (in a new tab, off the archive) when its address is known. */
function Source({ account }: { account: Account }) {
  if (!account.sourceTitle) return "source not recorded";
  if (!account.sourceUrl) return account.sourceTitle;
  return (
    <a href={account.sourceUrl} target="_blank" rel="noopener noreferrer" className="underline underline-offset-2">
      {account.sourceTitle}
      <span aria-hidden> ↗</span>
      <span className="sr-only"> (opens in a new tab)</span>
    </a>
  );
}
