import { getDatabase } from "@/db";
import { env, productionSettingsProblem } from "@/env";
import { describeError } from "@/lib/describe-error";
import { authSecret } from "@/modules/auth/secret";
import { stampSocketAddresses } from "@/modules/auth/socket-address";
import { startExtraction } from "@/modules/files/extraction";
import { startScheduler } from "@/modules/workflow/scheduler";
import { startPageCacheSync } from "./page-cache-sync";
import { backfillPublicIndex, backfillRevisions } from "./backfill";
import { firstAdminBanner, hasAccounts, seed } from "./seed";

/**
 * What the server does before it takes requests: check configuration, open and migrate the
 * database, and on the embedded default give a new user demo content and a first admin. Then
 * publish, every few seconds, what is scheduled: first whatever fell due while the server was down.
 */
export async function boot(): Promise<void> {
  stampSocketAddresses();
  const database = await prepare();
  await backfillRevisions(database.db);
  await backfillPublicIndex(database.db);
  startScheduler(database.db);
  startExtraction(database.db);
  startPageCacheSync();
}

async function prepare() {
  const config = env();
  authSecret();
  const problem = productionSettingsProblem(config);
  if (problem) throw new Error(problem);
  // Said before each slow step: on a first start the terminal would otherwise stay silent while
  // the browser waits.
  console.log("Marginalia: opening the database and applying its migrations…");
  const opened = performance.now();
  const database = await getDatabase();
  console.log(
    `Marginalia: using ${database.driver === "pglite" ? "the embedded database in" : "PostgreSQL at"} ${database.location} (ready in ${seconds(opened)})`,
  );

  const seeding = config.SEED_DEMO === "always" || (config.SEED_DEMO === "auto" && database.driver === "pglite");
  if (!seeding) return database;
  // Demo content arrives only with the first admin, so that what an editor deletes stays deleted.
  if (config.SEED_DEMO === "auto" && (await hasAccounts(database.db))) return database;
  console.log("Marginalia: adding the demo content…");
  const seedStarted = performance.now();
  const { admin } = await seed(database.db, {
    adminEmail: config.ADMIN_EMAIL,
    adminPassword: config.SEED_ADMIN_PASSWORD,
  });
  console.log(`Marginalia: demo content ready (${seconds(seedStarted)})`);
  if (admin) console.log(firstAdminBanner(admin));
  return database;
}

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

/** Boots the server process, or stops it with one line a person can act on, not a stack trace. */
export async function bootOrExit(): Promise<void> {
  try {
    await boot();
  } catch (error) {
    console.error(`Marginalia cannot start: ${describeError(error)}`);
    process.exit(1);
  }
}
