import { asc, eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { agents, lawEventAccounts, lawEvents, sources } from "@/db/schema";
import type { LawEventKind } from "@/db/schema/vocabulary";
import { fromColumns, type PartialDate } from "@/lib/partial-date";

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
 * A law's timeline: by date (unknown dates last), ties in the order the editor set. No access
 * check of its own: its two callers check first (listEvents for editors; public.ts only for a
 * published law).
 */
export async function readTimeline(db: Db | Tx, lawId: number): Promise<LawEvent[]> {
  const events = await db
    .select({
      id: lawEvents.id,
      kind: lawEvents.kind,
      agentId: lawEvents.agentId,
      agentName: agents.preferredName,
      note: lawEvents.note,
      position: lawEvents.position,
    })
    .from(lawEvents)
    .leftJoin(agents, eq(agents.id, lawEvents.agentId))
    .where(eq(lawEvents.lawId, lawId))
    .orderBy(asc(lawEvents.position), asc(lawEvents.id));
  if (events.length === 0) return [];
  const accounts = await db
    .select({ account: lawEventAccounts, sourceTitle: sources.title })
    .from(lawEventAccounts)
    .leftJoin(sources, eq(sources.id, lawEventAccounts.sourceId))
    .where(
      inArray(
        lawEventAccounts.eventId,
        events.map((e) => e.id),
      ),
    )
    .orderBy(asc(lawEventAccounts.id));
  const timeline = events.map(({ position: _position, ...event }) => {
    const own: EventAccount[] = accounts
      .filter((a) => a.account.eventId === event.id)
      .map(({ account: a, sourceTitle }) => ({
        id: a.id,
        date: fromColumns(a.date, a.precision, a.approximate),
        sourceId: a.sourceId,
        sourceTitle,
        preferred: a.preferred,
        note: a.note,
      }));
    const preferred = own.find((a) => a.preferred) ?? own[0];
    const distinct = new Set(own.map((a) => (a.date ? `${a.date.date}/${a.date.precision}` : "unknown")));
    return { ...event, accounts: own, date: preferred?.date ?? null, disputed: distinct.size > 1 };
  });
  // Stable sort: events the editor ordered keep that order among equal dates.
  return timeline.sort((a, b) => (a.date?.date ?? "9999").localeCompare(b.date?.date ?? "9999"));
}
