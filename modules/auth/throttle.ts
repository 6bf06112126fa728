import "server-only";
import { and, desc, eq, gt, lt, lte, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db";
import { signInAttempts } from "@/db/schema";

export const throttlePolicy = {
  windowMs: 15 * 60 * 1000,
  // Per account: a guessing attack on one person.
  maxFailuresPerAccount: 5,
  // Per address: higher, because a newsroom or library shares one address.
  maxFailuresPerIp: 20,
  // An address that signed in to an account within this time is its owner's: there, only failures
  // on that account from that address count, up to this many.
  knownAddressMs: 30 * 24 * 60 * 60 * 1000,
  maxFailuresFromKnownAddress: 20,
} as const;

/**
 * Seconds until another attempt is allowed, or 0 when it is allowed now. With `upToAttemptId`,
 * the attempt just recorded is counted against the failures recorded before it, so that
 * simultaneous guesses cannot all slip past a check made before any of them was recorded.
 *
 * From an address the account signed in from lately, failures elsewhere or on other accounts do
 * not count, so that nobody can lock a person out of where they work; guesses made from that very
 * address still do, so it is no way around the limit. `ip` must be the address the request really
 * came from (client-ip.ts), never one a client can claim.
 */
export async function secondsUntilAllowed(
  db: Db,
  email: string,
  ip: string,
  options: { upToAttemptId?: number; now?: Date } = {},
): Promise<number> {
  const now = options.now ?? new Date();
  const since = new Date(now.getTime() - throttlePolicy.windowMs);
  const upTo = options.upToAttemptId ? lte(signInAttempts.id, options.upToAttemptId) : undefined;
  const extra = options.upToAttemptId ? 1 : 0;
  const byEmail = eq(signInAttempts.email, email);
  const byIp = eq(signInAttempts.ip, ip);
  const blocks = (await isKnownAddress(db, email, ip, now))
    ? [
        blockingFailure(
          db,
          and(byEmail, byIp, afterLastSuccess(email), upTo)!,
          since,
          throttlePolicy.maxFailuresFromKnownAddress + extra,
        ),
      ]
    : [
        blockingFailure(
          db,
          and(byEmail, afterLastSuccess(email), upTo)!,
          since,
          throttlePolicy.maxFailuresPerAccount + extra,
        ),
        blockingFailure(db, and(byIp, upTo)!, since, throttlePolicy.maxFailuresPerIp + extra),
      ];
  const until = Math.max(0, ...(await Promise.all(blocks)).map((at) => at?.getTime() ?? 0));
  return until > now.getTime() ? Math.ceil((until - now.getTime()) / 1000) : 0;
}

/**
 * With `limit` failures in the window, the oldest of the last `limit` failures decides: once it
 * leaves the window, the count drops below the limit.
 */
async function blockingFailure(db: Db, scope: SQL, since: Date, limit: number): Promise<Date | null> {
  const failures = await db
    .select({ at: signInAttempts.at })
    .from(signInAttempts)
    .where(and(scope, eq(signInAttempts.succeeded, false), gt(signInAttempts.at, since)))
    .orderBy(desc(signInAttempts.at))
    .limit(limit);
  if (failures.length < limit) return null;
  return new Date(failures[limit - 1]!.at.getTime() + throttlePolicy.windowMs);
}

// A success resets the account's count.
function afterLastSuccess(email: string): SQL {
  return sql`${signInAttempts.at} > coalesce((select max(s.at) from sign_in_attempts s where s.email = ${email} and s.succeeded), '-infinity')`;
}

// Without this, anyone could keep an account (the admin's, say) locked by failing on purpose.
async function isKnownAddress(db: Db, email: string, ip: string, now: Date): Promise<boolean> {
  const [row] = await db
    .select({ id: signInAttempts.id })
    .from(signInAttempts)
    .where(
      and(
        eq(signInAttempts.email, email),
        eq(signInAttempts.ip, ip),
        eq(signInAttempts.succeeded, true),
        gt(signInAttempts.at, new Date(now.getTime() - throttlePolicy.knownAddressMs)),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/** Records an attempt as failed until the password is proven right. */
export async function recordPendingAttempt(db: Db, email: string, ip: string): Promise<number> {
  const [row] = await db
    .insert(signInAttempts)
    .values({ email, ip, succeeded: false })
    .returning({ id: signInAttempts.id });
  return row!.id;
}

export async function markAttemptSucceeded(db: Db, attemptId: number): Promise<void> {
  await db.update(signInAttempts).set({ succeeded: true }).where(eq(signInAttempts.id, attemptId));
  // Attempts are only needed for as long as the throttle looks back.
  await db.delete(signInAttempts).where(lt(signInAttempts.at, new Date(Date.now() - throttlePolicy.knownAddressMs)));
}

export async function forgetAttempt(db: Db, attemptId: number): Promise<void> {
  await db.delete(signInAttempts).where(eq(signInAttempts.id, attemptId));
}
