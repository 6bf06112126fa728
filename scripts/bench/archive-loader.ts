/**
 * What the benchmark's database holds besides the demo content. Replaceable: the loader is a
 * function of the open database, so a fuller seeder (`npm run seed:synthetic`) can take this
 * one's place without touching the rest of the benchmark.
 */
import type { PGlite } from "@electric-sql/pglite";
import { eq } from "drizzle-orm";
import type pg from "pg";
import type { Database } from "@/db/client";
import { laws } from "@/db/schema";
import { seed } from "@/modules/system/seed";
import { commandLineActor } from "@/modules/auth/context";
import { createUser } from "@/modules/users/create";
import { annotatedLawSlug, seedAnnotatedLaw } from "./annotated-law";
import { publishSynthetic } from "./publish-synthetic";
import { seedSyntheticArchive } from "./synthetic-archive";

/** Fills a migrated, empty database; returns a line for the report saying what it loaded. */
export type ArchiveLoader = (database: Database) => Promise<string>;

/**
 * The synthetic laws first (their ids start at 1), made public in bulk, then the demo content and
 * a long law with 200 annotations through the editors' own functions.
 */
export function syntheticLawsLoader(count: number): ArchiveLoader {
  return async (database) => {
    const ctx = { db: database.db, actor: commandLineActor };
    const { user } = await createUser(ctx, {
      email: "bench-loader@marginalia.local",
      name: "Bench Loader",
      role: "editor",
    });
    let synthetic = "no synthetic laws";
    if (count > 0) {
      const t0 = Date.now();
      const pool = database.pool ?? pglitePool((database.db as unknown as { $client: PGlite }).$client);
      const seeded = await seedSyntheticArchive(pool, { count, createdById: user.id });
      const live = await publishSynthetic(pool);
      synthetic = `${seeded.laws.toLocaleString("en")} synthetic laws (${live.toLocaleString("en")} public, ${seeded.titles.toLocaleString("en")} titles, ${seeded.jurisdictions} jurisdictions) loaded in ${((Date.now() - t0) / 1000).toFixed(1)} s`;
    }
    await seed(database.db, { adminEmail: "admin@marginalia.local" });
    const t1 = Date.now();
    const annotated = await seedAnnotatedLaw(database.db);
    const annotatedLaw = `a law of ${annotated.characters.toLocaleString("en")} characters with ${annotated.annotations} published annotations (made in ${((Date.now() - t1) / 1000).toFixed(1)} s)`;
    return `demo content, ${annotatedLaw}, and ${synthetic}`;
  };
}

/**
 * For an archive seeded beforehand (`--database-ready`, e.g. by `npm run seed:synthetic`): the
 * pages the benchmark measures that such an archive lacks, the demo content (its law is the page
 * nginx serves) and the law with 200 annotations, added once, when missing.
 */
export const benchPagesLoader: ArchiveLoader = async (database) => {
  const { lawsAdded } = await seed(database.db, { adminEmail: "admin@marginalia.local" });
  const [annotated] = await database.db.select({ id: laws.id }).from(laws).where(eq(laws.slug, annotatedLawSlug));
  if (annotated) return lawsAdded ? "as it was, plus the demo content" : "as it was";
  const t1 = Date.now();
  const made = await seedAnnotatedLaw(database.db);
  return `as it was, plus ${lawsAdded ? "the demo content and " : ""}a law of ${made.characters.toLocaleString("en")} characters with ${made.annotations} published annotations (made in ${((Date.now() - t1) / 1000).toFixed(1)} s)`;
};

/**
 * The slice of pg.Pool the synthetic archive uses, over PGlite's single connection. Arrays go as
 * array literals: PGlite serializes arrays only of the types it knows, not of enums.
 */
function pglitePool(client: PGlite): pg.Pool {
  const connection = {
    query: async (text: string, params?: unknown[]) => ({
      rows: (
        await client.query(
          text,
          params?.map((p) => (Array.isArray(p) ? arrayLiteral(p) : p)),
        )
      ).rows,
    }),
    release: () => undefined,
  };
  return { connect: async () => connection } as unknown as pg.Pool;
}

function arrayLiteral(values: unknown[]): string {
  const element = (v: unknown) =>
    v === null || v === undefined
      ? "NULL"
      : typeof v === "boolean"
        ? String(v)
        : `"${String(v).replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
  return `{${values.map(element).join(",")}}`;
}
