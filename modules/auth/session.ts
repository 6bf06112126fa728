import "server-only";
import { headers } from "next/headers";
import { connection } from "next/server";
import { cache } from "react";
import { getDatabase } from "@/db";
import { loadActor } from "./actor";
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
