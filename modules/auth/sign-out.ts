import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { users } from "@/db/schema";
import { bumpSessionVersion } from "@/modules/users/admins";
import { liveClaims } from "./actor";

/**
 * Ends every session of the user a live session belongs to: deleting the cookie alone would
 * leave a copy of it valid until it expires. Every way of signing out comes here (the admin's
 * button and next-auth's own endpoint). Compare-and-set on the session's generation: a stale or
 * already ended cookie, replayed, cannot sign its owner out of the sessions they started since.
 */
export async function endSessions(db: Db, claims: unknown): Promise<void> {
  const live = liveClaims(claims);
  if (!live) return;
  await db
    .update(users)
    .set({ sessionVersion: bumpSessionVersion })
    .where(and(eq(users.id, live.id), eq(users.sessionVersion, live.sv)));
}
