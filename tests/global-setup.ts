import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { wrapPglite } from "@/db/client";
import { migrate } from "@/db/migrate";
import type { TestProject } from "vitest/node";

/**
 * Creating a PGlite costs about 3 s (initdb); loading a migrated snapshot about 0.5 s. So the
 * snapshot is made once per run, and every test file starts from its own copy of it.
 */
export default async function setup(project: TestProject) {
  if (process.env.DATABASE_URL) return;
  const client = await PGlite.create({ extensions: { pg_trgm } });
  await migrate(wrapPglite(client, "memory"));
  const dump = await client.dumpDataDir("none");
  await client.close();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "marginalia-snapshot-")), "migrated.tar");
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide("pgliteSnapshot", file);
  return () => fs.rmSync(path.dirname(file), { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    pgliteSnapshot: string;
  }
}
