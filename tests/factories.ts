import { randomBytes } from "node:crypto";
import type { Db } from "@/db";
import { jurisdictions, type Role } from "@/db/schema";
import type { ContentType } from "@/db/schema/vocabulary";
import { commandLineActor, type Actor, type Ctx } from "@/modules/auth/context";
import { createUser } from "@/modules/users/create";
import { editorialStatus } from "@/modules/workflow/status";
import { moveItem } from "@/modules/workflow/transitions";

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

/**
 * The working revision of an item: the base a form opened now would send with its save. Read as
 * the command line, so that it works for any context, even a signed-out one under test.
 */
export async function workingRevision(ctx: { db: Db }, type: ContentType, id: number): Promise<number> {
  return (await editorialStatus({ db: ctx.db, actor: commandLineActor }, type, id)).workingRevisionId;
}

/**
 * Publishes an item's working revision through the workflow, as the command line (an admin who is
 * never an author): submitted, approved, then made live.
 */
export async function publishItem(db: Db, type: ContentType, id: number) {
  const ctx: Ctx = { db, actor: commandLineActor };
  const baseRevision = await workingRevision(ctx, type, id);
  for (const action of ["submit", "approve", "publish"] as const) {
    await moveItem(ctx, { type, id, action, baseRevision });
  }
  return baseRevision;
}
