/**
 * Loads the content some e2e suites need into the server's database before the server starts,
 * through the domain functions (fast, and bound by every rule the forms are): each module in
 * e2e/seeds/ exports `seed(db)`. Run by e2e/server.ts, in a process of its own, so that the
 * embedded database is closed (and its lock released) before the server opens it.
 */
import fs from "node:fs";
import path from "node:path";
import { openDatabase } from "@/db/client";
import { migrate } from "@/db/migrate";

const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: process.env.DATA_DIR });
try {
  await migrate(database);
  const dir = path.join(import.meta.dirname, "seeds");
  for (const file of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".ts"))
    .sort()) {
    const started = Date.now();
    const { seed } = (await import(path.join(dir, file))) as { seed: (db: typeof database.db) => Promise<void> };
    await seed(database.db);
    console.log(`e2e seed ${file}: ${Date.now() - started} ms`);
  }
} finally {
  await database.close();
}
