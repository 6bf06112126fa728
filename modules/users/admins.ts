import { and, eq, ne, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { users } from "@/db/schema";
import { ConflictError, NotFoundError } from "@/lib/errors";

// Names the advisory lock that serializes changes to roles and active flags.
const ACCOUNT_CHANGES_LOCK = 727_274_003;

/**
 * Starts a change to an account: takes the account-changes lock, then returns the user. One lock
 * for all such changes, rather than row locks taken in changing order, so that two admins
 * demoting each other at once wait in turn instead of deadlocking.
 */
export async function lockUser(tx: Tx, userId: number) {
  await tx.execute(sql`select pg_advisory_xact_lock(${ACCOUNT_CHANGES_LOCK})`);
  const [user] = await tx.select().from(users).where(eq(users.id, userId));
  if (!user) throw new NotFoundError("No such user.");
  return user;
}

/** Refuses a change that would leave nobody able to manage accounts. Call after lockUser. */
export async function assertAnotherActiveAdmin(tx: Tx, exceptUserId: number): Promise<void> {
  const others = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "admin"), eq(users.active, true), ne(users.id, exceptUserId)))
    .limit(1);
  if (others.length === 0) {
    throw new ConflictError("This is the last active admin. Make another user an admin first.");
  }
}

export const bumpSessionVersion = sql`${users.sessionVersion} + 1`;
