import { and, desc, eq, gt, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { signInAttempts } from "@/db/schema";

export const throttlePolicy = {
  windowMs: 15 * 60 * 1000,
  // Per account: a guessing attack on one person.
  maxFailuresPerAccount: 5,
  // Per address: higher, because a newsroom or library shares one address.
  maxFailuresPerIp: 20,
} as const;

/** Seconds until another attempt is allowed, or 0 when it is allowed now. */
export async function secondsUntilAllowed(db: Db, email: string, ip: string, now = new Date()): Promise<number> {
  const since = new Date(now.getTime() - throttlePolicy.windowMs);
  const [byAccount, byIp] = await Promise.all([
    blockingFailure(db, eq(signInAttempts.email, email), since, throttlePolicy.maxFailuresPerAccount, email),
    blockingFailure(db, eq(signInAttempts.ip, ip), since, throttlePolicy.maxFailuresPerIp),
  ]);
  const until = Math.max(byAccount?.getTime() ?? 0, byIp?.getTime() ?? 0);
  return until > now.getTime() ? Math.ceil((until - now.getTime()) / 1000) : 0;
}

/**
 * With `limit` failures in the window, the oldest of the last `limit` failures decides: once it
 * leaves the window, the count drops below the limit. For an account, a success resets the count.
 */
async function blockingFailure(
  db: Db,
  scope: ReturnType<typeof eq>,
  since: Date,
  limit: number,
  accountEmail?: string,
): Promise<Date | null> {
  const afterLastSuccess = accountEmail
    ? sql`${signInAttempts.at} > coalesce((select max(s.at) from sign_in_attempts s where s.email = ${accountEmail} and s.succeeded), '-infinity')`
    : sql`true`;
  const failures = await db
    .select({ at: signInAttempts.at })
    .from(signInAttempts)
    .where(and(scope, eq(signInAttempts.succeeded, false), gt(signInAttempts.at, since), afterLastSuccess))
    .orderBy(desc(signInAttempts.at))
    .limit(limit);
  if (failures.length < limit) return null;
  const oldest = failures[limit - 1]!.at;
  return new Date(oldest.getTime() + throttlePolicy.windowMs);
}

export async function recordAttempt(db: Db, email: string, ip: string, succeeded: boolean): Promise<void> {
  await db.insert(signInAttempts).values({ email, ip, succeeded });
}
