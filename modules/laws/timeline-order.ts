import type { LawEventKind } from "@/db/schema/vocabulary";
import type { PartialDate } from "@/lib/partial-date";

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
 * Dates each event by its preferred account, flags disagreement, and orders by date (unknown dates
 * last), ties in the order given. Pure: a live revision's snapshot is placed the same way.
 */
export function placeOnTimeline(events: Omit<LawEvent, "date" | "disputed">[]): LawEvent[] {
  const timeline = events.map((event) => {
    const preferred = event.accounts.find((a) => a.preferred) ?? event.accounts[0];
    const distinct = new Set(event.accounts.map((a) => (a.date ? `${a.date.date}/${a.date.precision}` : "unknown")));
    return { ...event, date: preferred?.date ?? null, disputed: distinct.size > 1 };
  });
  // Stable sort: events the editor ordered keep that order among equal dates.
  return timeline.sort((a, b) => (a.date?.date ?? "9999").localeCompare(b.date?.date ?? "9999"));
}
