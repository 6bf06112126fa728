import { inArray } from "drizzle-orm";
import type { Db } from "@/db";
import { sources } from "@/db/schema";
import type { LawSnapshot } from "@/modules/laws/snapshot";

/**
 * The addresses of the sources a law's history cites that are not among the law's own sources
 * (those carry their address in the revision). Sources are reference data, public once saved, so
 * their current address is read; one query, and none when every cited source is the law's own.
 */
export async function citedSourceUrls(db: Db, revision: Pick<LawSnapshot, "events" | "sources">) {
  const own = new Set(revision.sources.map((s) => s.id));
  const cited = [
    ...new Set(
      revision.events.flatMap((e) =>
        e.accounts.flatMap((a) => (a.sourceId !== null && !own.has(a.sourceId) ? [a.sourceId] : [])),
      ),
    ),
  ];
  if (!cited.length) return new Map<number, string | null>();
  const rows = await db.select({ id: sources.id, url: sources.url }).from(sources).where(inArray(sources.id, cited));
  return new Map(rows.map((r) => [r.id, r.url]));
}
