import "server-only";
import { headers } from "next/headers";
import { connection } from "next/server";
import { cache } from "react";
import { getDatabase } from "@/db";
import { loadActor } from "./actor";
import { endSessions } from "./sign-out";
import { sessionStatus, type SessionStatus } from "./session-status";
import type { Ctx } from "./context";
import { clientIp } from "./client-ip";
import { auth } from "./nextauth";

/**
 * The context of the current request: the database and the signed-in user as the database says
 * they are now. Cached per request, so a page and its parts share one lookup.
 */
export const requestContext = cache(async (): Promise<Ctx> => {
  // Everything below is per request; say so before anything (the session's crypto) runs.
  await connection();
  const [{ db }, session, requestHeaders] = await Promise.all([getDatabase(), auth(), headers()]);
  const actor = session?.user ? await loadActor(db, session.user) : null;
  return { db, actor, ip: clientIp(requestHeaders) };
});

/** The current request's session as GET /api/auth/session reports it; never renewed. */
export async function currentSessionStatus(): Promise<SessionStatus> {
  await connection();
  const [{ db }, session] = await Promise.all([getDatabase(), auth()]);
  return sessionStatus(db, session?.user);
}

/** Ends every session of the person signed in on this request (see endSessions). */
export async function endCurrentSessions(): Promise<void> {
  const [{ db }, session] = await Promise.all([getDatabase(), auth()]);
  await endSessions(db, session?.user);
}
