import "server-only";
import type { Db } from "@/db";
import type { Role } from "@/db/schema";

/** Who is acting. `id: null` is the operator at the command line, who holds every permission. */
export type Actor = { id: number | null; email: string; name: string; role: Role };

/** What every domain function receives: the database and the actor, re-read for this request. */
export type Ctx = { db: Db; actor: Actor | null; ip?: string | null };

export const commandLineActor: Actor = { id: null, email: "", name: "Command line", role: "admin" };
