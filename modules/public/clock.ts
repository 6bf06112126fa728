import { eq } from "drizzle-orm";
import { getDatabase } from "@/db";
import { publicationClock } from "@/db/schema";

/** How long an instance trusts the clock it last read: the delay before another instance's publication shows. */
const trustMs = 1000;

type Memo = { current?: { version: number; readAt: number } };
// On globalThis: proxy.ts and the pages are separate bundles in one process, and must agree.
const memo = ((globalThis as { __marginaliaClock?: Memo }).__marginaliaClock ??= {});

/**
 * How many times anything was published or withdrawn. Public cached reads take it as an argument,
 * so a publication shows on every instance within a second (at once on the one that made it,
 * which calls forgetPublicationVersion), including those the scheduler makes.
 */
export async function publicationVersion(): Promise<number> {
  // performance.now(), not Date.now(): a page may read this while Next.js is still prerendering.
  const now = performance.now();
  if (memo.current && now - memo.current.readAt < trustMs) return memo.current.version;
  const { db } = await getDatabase();
  const [clock] = await db
    .select({ version: publicationClock.version })
    .from(publicationClock)
    .where(eq(publicationClock.id, 1));
  memo.current = { version: clock?.version ?? 0, readAt: now };
  return memo.current.version;
}

/** Called after this process published or withdrew something: the next read goes to the database. */
export function forgetPublicationVersion(): void {
  memo.current = undefined;
}

export const publicCacheTag = "public";
