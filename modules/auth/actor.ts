import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db";
import { users } from "@/db/schema";
import type { Actor } from "./context";

/** What the session cookie carries: only who, and which generation of their sessions. */
export const sessionClaims = z.object({ id: z.coerce.number().int().positive(), sv: z.number().int() });

/**
 * Re-reads the user behind a session on every request, so that a deactivation, a role change or
 * a password reset takes effect at once rather than when the cookie expires.
 */
export async function loadActor(db: Db, claims: unknown): Promise<Actor | null> {
  const parsed = sessionClaims.safeParse(claims);
  if (!parsed.success) return null;
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role })
    .from(users)
    .where(and(eq(users.id, parsed.data.id), eq(users.active, true), eq(users.sessionVersion, parsed.data.sv)))
    .limit(1);
  return user ?? null;
}
