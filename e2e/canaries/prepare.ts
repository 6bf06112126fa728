import { openDatabase } from "@/db/client";
import { migrate } from "@/db/migrate";
import { seed } from "@/modules/system/seed";
import { writeCanaries } from "./book";
import { seedCanaries } from "./seed";

/**
 * Migrates the e2e server's database, loads the demo and the first admin as the server would at
 * start, then plants the canaries and writes their list to `canaryFile`. The server opens the
 * database only after this has closed it: the embedded one admits a single process.
 */
export async function prepareCanaryDatabase(options: {
  databaseUrl?: string;
  dataDir?: string;
  adminEmail: string;
  adminPassword?: string;
  canaryFile: string;
}) {
  const database = await openDatabase({ databaseUrl: options.databaseUrl, dataDir: options.dataDir });
  try {
    await migrate(database);
    await seed(database.db, { adminEmail: options.adminEmail, adminPassword: options.adminPassword });
    const canaries = await seedCanaries(database.db);
    writeCanaries(options.canaryFile, canaries);
    return canaries.length;
  } finally {
    await database.close();
  }
}
