import { randomBytes } from "node:crypto";
import type { Db } from "@/db";
import { jurisdictions, type Role } from "@/db/schema";
import { commandLineActor, type Actor, type Ctx } from "@/modules/auth/context";
import { createUser } from "@/modules/users/create";

export const testPassword = "test-password-long-enough";

/** Creates an account with a known password and returns it with a context acting as that user. */
export async function makeUser(db: Db, role: Role, overrides: { email?: string; name?: string } = {}) {
  const email = overrides.email ?? `${role}-${randomBytes(4).toString("hex")}@example.org`;
  const { user } = await createUser(
    { db, actor: commandLineActor },
    { email, name: overrides.name ?? `Test ${role}`, role, password: testPassword },
  );
  const actor: Actor = { id: user.id, email: user.email, name: user.name, role: user.role };
  const ctx: Ctx = { db, actor };
  return { user, actor, ctx };
}

export function anonymous(db: Db): Ctx {
  return { db, actor: null };
}

/** A jurisdiction row for items that need one; a second call for the same code is harmless. */
export async function makeJurisdiction(db: Db, code = "KG", name = `Jurisdiction ${code}`) {
  await db.insert(jurisdictions).values({ code, name }).onConflictDoNothing();
  return code;
}
