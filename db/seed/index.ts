import { count } from "drizzle-orm";
import type { Db } from "../client";
import { laws, users } from "../schema";
import { demoLaws } from "./demo-laws";
import { commandLineActor } from "@/modules/auth/context";
import { createUser } from "@/modules/users/create";

/** Loads the demo content; rows that already exist (by slug) are left as they are. */
export async function seedDemoContent(db: Db): Promise<{ lawsAdded: number }> {
  const added = await db
    .insert(laws)
    .values(demoLaws)
    .onConflictDoNothing({ target: laws.slug })
    .returning({ id: laws.id });
  return { lawsAdded: added.length };
}

/**
 * Creates the first admin when the database has no account at all. The password is generated
 * unless one is given, and returned to be shown once; only its hash is stored.
 */
export async function ensureFirstAdmin(
  db: Db,
  options: { email: string; password?: string },
): Promise<{ email: string; password: string } | null> {
  const [row] = await db.select({ n: count() }).from(users);
  if ((row?.n ?? 0) > 0) return null;
  const { user, password } = await createUser(
    { db, actor: commandLineActor },
    { email: options.email, name: "Administrator", role: "admin", password: options.password },
  );
  return { email: user.email, password };
}

export function firstAdminBanner(admin: { email: string; password: string }): string {
  const lines = [
    "Marginalia: the first admin account was created.",
    `  email:    ${admin.email}`,
    `  password: ${admin.password}`,
    "This password is shown only this once and is not stored anywhere. Keep it now;",
    "an admin can reset it later under Admin > Users.",
  ];
  const width = Math.max(...lines.map((l) => l.length));
  const rule = "=".repeat(width);
  return ["", rule, ...lines, rule, ""].join("\n");
}
