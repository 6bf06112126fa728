import { count, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { users } from "@/db/schema";
import { commandLineActor } from "@/modules/auth/context";
import { createUser } from "@/modules/users/create";
import { loadDemoContent } from "./demo-content";

export type SeedResult = { lawsAdded: number; admin: { email: string; password: string; generated: boolean } | null };

/**
 * Loads the demo content (rows that exist, by slug, are left alone) and, when the database has no
 * account at all, a first admin, in one transaction: two processes seeding at once cannot both
 * create an admin, and a failure leaves nothing half-seeded.
 */
export async function seed(db: Db, options: { adminEmail: string; adminPassword?: string }): Promise<SeedResult> {
  return db.transaction(async (tx) => {
    // Serializes concurrent seeds (two servers starting together on one PostgreSQL).
    await tx.execute(sql`select pg_advisory_xact_lock(727274002)`);
    const { lawsAdded } = await loadDemoContent(tx);
    if (await hasAccounts(tx)) return { lawsAdded, admin: null };
    const { user, password } = await createUser(
      { db: tx, actor: commandLineActor },
      { email: options.adminEmail, name: "Administrator", role: "admin", password: options.adminPassword },
    );
    return {
      lawsAdded,
      admin: { email: user.email, password, generated: options.adminPassword === undefined },
    };
  });
}

/** The notice of a new first admin. A generated password is shown this once; a given one never. */
export function firstAdminBanner(admin: { email: string; password: string; generated: boolean }): string {
  const lines = admin.generated
    ? [
        "Marginalia: the first admin account was created.",
        `  email:    ${admin.email}`,
        `  password: ${admin.password}`,
        "This password is shown only this once and is not stored anywhere. Keep it now;",
        "an admin can reset it later under Admin > Users.",
      ]
    : [
        "Marginalia: the first admin account was created.",
        `  email:    ${admin.email}`,
        "  password: as given in SEED_ADMIN_PASSWORD",
      ];
  const rule = "=".repeat(Math.max(...lines.map((l) => l.length)));
  return ["", rule, ...lines, rule, ""].join("\n");
}

export async function hasAccounts(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(users);
  return (row?.n ?? 0) > 0;
}
