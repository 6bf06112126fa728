import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db";
import { users } from "@/db/schema";
import type { Actor } from "./context";

/**
 * A session lasts this long from sign-in, however active it is: a copied cookie cannot be kept
 * alive by using it, and an editor signs in once a working day (docs/adr/0002).
 */
export const sessionLifetimeSeconds = 12 * 60 * 60;

/** What the session cookie carries: who, which generation of their sessions, and when they signed in (epoch seconds). */
export const sessionClaims = z.object({
  id: z.coerce.number().int().positive(),
  sv: z.number().int(),
  at: z.number().int().positive(),
});

export type SessionClaims = z.infer<typeof sessionClaims>;

/** When a session signed in at `at` (epoch seconds) ends. */
export function sessionExpiry(at: number): Date {
  return new Date((at + sessionLifetimeSeconds) * 1000);
}

/** Valid claims that have not outlived the session's lifetime, or null. */
export function liveClaims(claims: unknown, now = new Date()): SessionClaims | null {
  const parsed = sessionClaims.safeParse(claims);
  if (!parsed.success || sessionExpiry(parsed.data.at) <= now) return null;
  return parsed.data;
}

/**
 * Re-reads the user behind a session on every request, so that a deactivation, a role change, a
 * password reset or a sign-out elsewhere takes effect at once rather than when the cookie expires.
 */
export async function loadActor(db: Db, claims: unknown, now = new Date()): Promise<Actor | null> {
  const live = liveClaims(claims, now);
  if (!live) return null;
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role })
    .from(users)
    .where(and(eq(users.id, live.id), eq(users.active, true), eq(users.sessionVersion, live.sv)))
    .limit(1);
  return user ?? null;
}
