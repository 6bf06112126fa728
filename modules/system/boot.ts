import { getDatabase } from "@/db";
import { ensureFirstAdmin, firstAdminBanner, seedDemoContent } from "@/db/seed";
import { env } from "@/env";
import { missingSecretMessage } from "@/modules/auth/secret";

/**
 * What the server does before it takes requests: check configuration, open and migrate the
 * database, and on the embedded default give a new user demo content and a first admin.
 */
export async function boot(): Promise<void> {
  const config = env();
  if (config.NODE_ENV === "production" && !config.AUTH_SECRET) throw new Error(missingSecretMessage);

  const database = await getDatabase();
  const seed = config.SEED_DEMO === "always" || (config.SEED_DEMO === "auto" && database.driver === "pglite");
  if (!seed) return;

  const admin = await ensureFirstAdmin(database.db, {
    email: config.ADMIN_EMAIL,
    password: config.SEED_ADMIN_PASSWORD,
  });
  // Demo content arrives with the first admin, so content an editor deleted later stays deleted.
  if (admin) {
    await seedDemoContent(database.db);
    console.log(firstAdminBanner(admin));
  }
  console.log(
    `Marginalia: using ${database.driver === "pglite" ? "the embedded database in" : "PostgreSQL at"} ${database.location}`,
  );
}

/** Boots the server process, or stops it with one line a person can act on, not a stack trace. */
export async function bootOrExit(): Promise<void> {
  try {
    await boot();
  } catch (error) {
    console.error(`Marginalia cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
