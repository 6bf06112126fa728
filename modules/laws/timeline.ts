import { asc, eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { agents, lawEventAccounts, lawEvents, sources } from "@/db/schema";
import { fromColumns } from "@/lib/partial-date";
import { placeOnTimeline, type LawEvent } from "./timeline-order";

export type { EventAccount, LawEvent } from "./timeline-order";

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
  return placeOnTimeline(
    events.map(({ position: _position, ...event }) => ({
      ...event,
      accounts: accounts
        .filter((a) => a.account.eventId === event.id)
        .map(({ account: a, sourceTitle }) => ({
          id: a.id,
          date: fromColumns(a.date, a.precision, a.approximate),
          sourceId: a.sourceId,
          sourceTitle,
          preferred: a.preferred,
          note: a.note,
        })),
    })),
  );
}
