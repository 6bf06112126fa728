import type { Db } from "@/db";
import { liveClaims, loadActor, sessionExpiry } from "./actor";

export type SessionStatus = { user: { name: string; email: string }; expires: string } | null;

/**
 * What GET /api/auth/session answers: the signed-in person and when the session ends, as the
 * database says now, or null for no, an ended or an expired session. It never renews a session.
 */
export async function sessionStatus(db: Db, claims: unknown, now = new Date()): Promise<SessionStatus> {
  const live = liveClaims(claims, now);
  const actor = live && (await loadActor(db, live, now));
  if (!live || !actor) return null;
  return { user: { name: actor.name, email: actor.email }, expires: sessionExpiry(live.at).toISOString() };
}
