/**
 * Uncached: the first request of a page type after a publication. A publication expires only the
 * pages that show what it changed (precise invalidation), so on PostgreSQL every public page and
 * read is then expired too, as another instance's change that cannot say more arrives: a
 * `public` row in cache_invalidations, which the server polls every 250 ms. Without access to the
 * database (PGlite: the server holds its folder) an answer the server took from its store of
 * whole pages (`x-nextjs-cache: HIT`) is reported as such, not as a render. Repeated for a few
 * rounds; one publication before each page's request, so that no page is warmed by another's.
 */
import pg from "pg";
import { onCleanup } from "./cleanup";
import { addresses, verifier, type Target } from "./public-targets";
import type { Publisher } from "./publisher";

export type ColdTime = { ms: number; stored: boolean };
export type ColdTimes = Map<string, ColdTime[]>;

export async function coldRequests(
  base: string,
  publisher: Publisher,
  targets: Target[],
  rounds: number,
  expireAll?: () => Promise<void>,
): Promise<ColdTimes> {
  const times: ColdTimes = new Map(targets.map((t) => [t.name, []]));
  const next = new Map(targets.map((t) => [t.name, addresses(t, base)]));
  for (let round = 0; round < rounds; round++) {
    for (const target of targets) {
      await publisher.publish();
      await expireAll?.();
      const address = next.get(target.name)!;
      const path = address.next ? address.next() : address.first;
      const started = performance.now();
      const response = await fetch(new URL(path, base), { redirect: "manual" });
      const body = await response.text();
      const ms = performance.now() - started;
      if (response.status !== 200 || !verifier(target)(body))
        throw new Error(`${path} answered ${response.status} without the expected page after a publication`);
      const stored = /^(HIT|STALE)$/.test(response.headers.get("x-nextjs-cache") ?? "");
      times.get(target.name)!.push({ ms, stored });
    }
  }
  return times;
}

/** Expires every public page and read of the server on this PostgreSQL database, and waits until it has. */
export function expireAllOn(databaseUrl: string): () => Promise<void> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  onCleanup("close the invalidation connection", () => pool.end());
  return async () => {
    // The clock too: the proxy keeps its address answers until it moves.
    await pool.query(
      `with tick as (update publication_clock set version = version + 1 where id = 1)
       insert into cache_invalidations (tags) values ($1)`,
      [["public"]],
    );
    // Two of the server's polls (modules/system/page-cache-sync.ts).
    await new Promise((resolve) => setTimeout(resolve, 600));
  };
}
