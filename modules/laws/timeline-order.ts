import type { LawEventKind } from "@/db/schema/vocabulary";
import { lastDayOf, type PartialDate } from "@/lib/partial-date";

export type EventAccount = {
  id: number;
  date: PartialDate | null;
  sourceId: number | null;
  sourceTitle: string | null;
  preferred: boolean;
  note: string;
};
export type LawEvent = {
  id: number;
  kind: LawEventKind;
  agentId: number | null;
  agentName: string | null;
  note: string;
  accounts: EventAccount[];
  /** The preferred account's date, which places the event on the timeline. */
  date: PartialDate | null;
  /** True when the sources give different dates: readers see every account, not a silent pick. */
  disputed: boolean;
};

/**
 * Dates each event by its preferred account, flags disagreement, and orders the timeline: an event
 * whose date lies wholly before another's comes first; among events whose dates overlap at their
 * precision ("2024" and "June 2024", or two events of 3 May), the editor's order (the order given)
 * stands; unknown dates come last. Pure: a live revision's snapshot is placed the same way.
 */
export function placeOnTimeline(events: Omit<LawEvent, "date" | "disputed">[]): LawEvent[] {
  const remaining = events.map((event) => {
    const preferred = event.accounts.find((a) => a.preferred) ?? event.accounts[0];
    const distinct = new Set(event.accounts.map((a) => (a.date ? `${a.date.date}/${a.date.precision}` : "unknown")));
    return { ...event, date: preferred?.date ?? null, disputed: distinct.size > 1 };
  });
  // The first event that nothing left must precede, again and again: the editor's order wherever
  // the dates allow it (a topological order, since "wholly before" never runs in a circle).
  const timeline: LawEvent[] = [];
  while (remaining.length > 0) {
    const next = remaining.findIndex((event) => !remaining.some((other) => precedes(other.date, event.date)));
    timeline.push(...remaining.splice(next, 1));
  }
  return timeline;
}

/**
 * Where a new or re-dated event goes in a timeline so that the default stays chronological: before
 * the first event whose earliest possible day is later than its own. The editor may then move it
 * among the events its date overlaps.
 */
export function chronologicalPlace(
  timeline: readonly { date: PartialDate | null }[],
  date: PartialDate | null,
): number {
  const place = timeline.findIndex((event) => earliestDay(event.date) > earliestDay(date));
  return place === -1 ? timeline.length : place;
}

/** Whether two events may change places: their dates overlap at their precision, or both are unknown. */
export function datesOverlap(a: PartialDate | null, b: PartialDate | null): boolean {
  if (a === null || b === null) return a === b;
  return a.date <= lastDayOf(b) && b.date <= lastDayOf(a);
}

/** Whether the event dated `a` comes before the event dated `b` whatever the editor's order. */
function precedes(a: PartialDate | null, b: PartialDate | null): boolean {
  if (a === null) return false;
  return b === null || lastDayOf(a) < b.date;
}

/** A partial date is stored as the first day of its period (lib/partial-date.ts). */
const earliestDay = (date: PartialDate | null) => date?.date ?? "9999-99-99";
