import { formatPartialDate, toIsoPartial } from "@/lib/partial-date";
import { requestContext } from "@/modules/auth/session";
import { listEvents, type LawEvent } from "@/modules/laws/events";
import { datesOverlap } from "@/modules/laws/timeline-order";
import { lawEventKindLabels } from "@/modules/laws/labels";
import { moveEventAction } from "../event-actions";
import { EventEditor, NewEvent, RemoveEvent } from "./event-editor";
import type { EventFormValues } from "./event-form";
import { BaseRevisionInput } from "@/components/admin/base-revision";

/** The law's timeline on its edit page: each step with every sourced account of its date. */
export async function LawTimelineSection({ lawId }: { lawId: number }) {
  const events = await listEvents(await requestContext(), lawId);
  return (
    <section aria-labelledby="timeline-heading" className="space-y-4 border-t border-rule pt-8">
      <h2 id="timeline-heading" className="font-serif text-2xl">
        Timeline
      </h2>
      {events.length === 0 ? (
        <p className="text-muted">No events yet. Add the first step of this law&apos;s history below.</p>
      ) : (
        <>
          <p id="timeline-order-hint" className="text-sm text-muted">
            Events follow their dates. ↑ and ↓ set the order of events whose dates overlap, such as “2024” and “June
            2024”, or two on the same day.
          </p>
          <ol className="space-y-3">
            {events.map((event, index) => (
              <li key={event.id} className="rounded-lg border border-rule bg-surface p-4" data-testid="timeline-event">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <p>
                    <span className="inline-block font-semibold first-letter:uppercase">
                      {formatPartialDate(event.date)}
                    </span>{" "}
                    · {lawEventKindLabels[event.kind]}
                    {event.agentName && <> · {event.agentName}</>}
                    {event.disputed && (
                      <span className="ml-2 rounded bg-caution/15 px-2 py-0.5 text-xs font-semibold text-caution">
                        Sources disagree
                      </span>
                    )}
                  </p>
                  <div className="flex flex-wrap gap-2 text-sm">
                    <MoveButton
                      lawId={lawId}
                      id={event.id}
                      name={describe(event)}
                      direction="up"
                      disabled={index === 0 || !datesOverlap(events[index - 1]!.date, event.date)}
                    />
                    <MoveButton
                      lawId={lawId}
                      id={event.id}
                      name={describe(event)}
                      direction="down"
                      disabled={index === events.length - 1 || !datesOverlap(events[index + 1]!.date, event.date)}
                    />
                    <EventEditor lawId={lawId} event={toFormValues(event)} name={describe(event)} />
                    <RemoveEvent lawId={lawId} id={event.id} name={describe(event)} />
                  </div>
                </div>
                {(event.accounts.length > 1 || event.accounts.some((a) => a.sourceTitle)) && (
                  <ul className="mt-2 space-y-0.5 text-sm text-muted">
                    {event.accounts.map((a) => (
                      <li key={a.id}>
                        {formatPartialDate(a.date)} — {a.sourceTitle ?? "no source given"}
                        {a.preferred && event.accounts.length > 1 && " (preferred)"}
                        {a.note && `: ${a.note}`}
                      </li>
                    ))}
                  </ul>
                )}
                {event.note && <p className="mt-2 text-sm">{event.note}</p>}
              </li>
            ))}
          </ol>
        </>
      )}
      <NewEvent lawId={lawId} />
    </section>
  );
}

function MoveButton({
  lawId,
  id,
  name,
  direction,
  disabled,
}: {
  lawId: number;
  id: number;
  name: string;
  direction: "up" | "down";
  disabled: boolean;
}) {
  return (
    <form action={moveEventAction}>
      <input type="hidden" name="lawId" value={lawId} />
      <BaseRevisionInput />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="direction" value={direction} />
      <button
        type="submit"
        disabled={disabled}
        className="rounded border border-rule px-2 py-0.5 disabled:opacity-40"
        aria-label={`Move ${name} ${direction}`}
        aria-describedby="timeline-order-hint"
      >
        {direction === "up" ? "↑" : "↓"}
      </button>
    </form>
  );
}

/** "Adopted, December 2024": names an event for screen readers on its row's buttons. */
function describe(event: LawEvent): string {
  return `${lawEventKindLabels[event.kind]}, ${formatPartialDate(event.date)}`;
}

function toFormValues(event: LawEvent): EventFormValues {
  return {
    id: event.id,
    kind: event.kind,
    agent: event.agentId && event.agentName ? { value: String(event.agentId), label: event.agentName } : null,
    note: event.note,
    accounts: event.accounts.map((a) => ({
      fields: { date: a.date ? toIsoPartial(a.date) : "" },
      source: a.sourceId && a.sourceTitle ? { value: String(a.sourceId), label: a.sourceTitle } : null,
      note: a.note,
      preferred: a.preferred,
    })),
  };
}
