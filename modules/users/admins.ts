import { and, eq, ne, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { users } from "@/db/schema";
import { ConflictError, NotFoundError } from "@/lib/errors";

/** Locks and returns the user a change is about, inside the change's transaction. */
export async function lockUser(tx: Tx, userId: number) {
  const [user] = await tx.select().from(users).where(eq(users.id, userId)).for("update");
  if (!user) throw new NotFoundError("No such user.");
  return user;
}

/**
 * Refuses a change that would leave nobody able to manage accounts. The other admins' rows are
 * locked, so two admins demoting each other at once cannot both succeed.
 */
export async function assertAnotherActiveAdmin(tx: Tx, exceptUserId: number): Promise<void> {
  const others = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "admin"), eq(users.active, true), ne(users.id, exceptUserId)))
    .for("update");
  if (others.length === 0) {
    throw new ConflictError("This is the last active admin. Make another user an admin first.");
  }
}

export const bumpSessionVersion = sql`${users.sessionVersion} + 1`;
