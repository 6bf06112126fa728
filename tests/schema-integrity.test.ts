import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "@/db";
import { migrate, migrationsFolder } from "@/db/migrate";
import { createEmptyDatabase } from "./db";

/**
 * What the database itself guarantees, whatever code writes to it: a partial date always has its
 * precision, an old slug leads to one item, and the lists the admin pages filter have indexes.
 */
let database: Database;
let tmp: string;
beforeAll(async () => {
  database = await createEmptyDatabase();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "marginalia-migrations-"));
});
afterAll(async () => {
  await database.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const run = (query: ReturnType<typeof sql>) => database.db.execute(query);
const rows = async <T>(query: ReturnType<typeof sql>) => (await run(query)).rows as T[];

/** The committed migrations up to and including `tag`, as a folder of their own. */
function migrationsUpTo(tag: string): string {
  const folder = path.join(tmp, tag);
  fs.cpSync(migrationsFolder, folder, { recursive: true });
  const journalFile = path.join(folder, "meta", "_journal.json");
  const journal = JSON.parse(fs.readFileSync(journalFile, "utf8")) as { entries: { tag: string }[] };
  const last = journal.entries.findIndex((e) => e.tag === tag);
  expect(last).toBeGreaterThanOrEqual(0);
  journal.entries = journal.entries.slice(0, last + 1);
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  return folder;
}

async function migrateFrom(folder: string) {
  if (database.driver === "pglite") {
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder: folder });
  } else {
    await migratePg(database.db, { migrationsFolder: folder });
  }
}

describe("the data-integrity migration", () => {
  test("tidies rows written before it, then holds", async () => {
    await migrateFrom(migrationsUpTo("0005_lookup_indexes"));
    // Written before: two items behind one old slug, and dates without their precision.
    await run(sql`insert into jurisdictions (code, name) values ('KG', 'Kyrgyzstan')`);
    await run(sql`insert into slug_redirects (item_type, scope, old_slug, item_id) values
      ('law', 'KG', 'shared', 1), ('law', 'KG', 'shared', 2), ('law', 'KZ', 'shared', 3)`);
    await run(sql`insert into articles (slug, kind, title, original_date, original_precision) values
      ('dated', 'news', 'Dated', '2024-01-01', 'month'), ('half', 'news', 'Half', '2024-01-01', null)`);
    await run(
      sql`insert into laws (slug, jurisdiction_code, title, summary, status) values ('l', 'KG', 'L', '', 'bill')`,
    );
    await run(sql`insert into law_text_versions (law_id, lang, body, effective_precision)
      select id, 'en', 'Text', 'day' from laws`);
    await run(sql`insert into figures (label) values ('Counted')`);
    await run(
      sql`insert into figure_accounts (figure_id, value, as_of_date) select id, '1', '2020-01-01' from figures`,
    );

    await migrate(database);

    expect(await rows(sql`select scope, old_slug, item_id from slug_redirects order by scope, item_id`)).toEqual([
      { scope: "KG", old_slug: "shared", item_id: 2 },
      { scope: "KZ", old_slug: "shared", item_id: 3 },
    ]);
    expect(await rows(sql`select slug, original_date, original_precision from articles order by slug`)).toEqual([
      { slug: "dated", original_date: "2024-01-01", original_precision: "month" },
      { slug: "half", original_date: null, original_precision: null },
    ]);
    expect(await rows(sql`select effective_date, effective_precision from law_text_versions`)).toEqual([
      { effective_date: null, effective_precision: null },
    ]);
    expect(await rows(sql`select as_of_date, as_of_precision from figure_accounts`)).toEqual([
      { as_of_date: null, as_of_precision: null },
    ]);
  });

  const checkViolation = "23514";
  const uniqueViolation = "23505";
  test.each([
    [
      "an article's date without precision",
      sql`update articles set original_precision = null where slug = 'dated'`,
      checkViolation,
    ],
    [
      "an article's precision without date",
      sql`update articles set original_precision = 'day' where slug = 'half'`,
      checkViolation,
    ],
    [
      "a text version's date without precision",
      sql`update law_text_versions set effective_date = '2024-01-01'`,
      checkViolation,
    ],
    ["a figure's precision without date", sql`update figure_accounts set as_of_precision = 'year'`, checkViolation],
    [
      "a second item behind an old slug",
      sql`insert into slug_redirects (item_type, scope, old_slug, item_id) values ('law', 'KG', 'shared', 9)`,
      uniqueViolation,
    ],
  ])("refuses %s", async (_what, write, code) => {
    const error = await run(write).then(
      () => null,
      (e: unknown) => e,
    );
    // Drizzle wraps the driver's error, which carries PostgreSQL's code.
    expect((error as { cause?: { code?: string } } | null)?.cause?.code).toBe(code);
  });

  test("indexes the lists: figures by change, jurisdiction and label; articles by jurisdiction", async () => {
    const indexes = await rows<{ indexname: string; indexdef: string }>(
      sql`select indexname, indexdef from pg_indexes where schemaname = 'public'`,
    );
    const definitionOf = (name: string) => indexes.find((i) => i.indexname === name)?.indexdef;
    expect(definitionOf("figures_updated_at_idx")).toMatch(/\(updated_at, id\)/);
    expect(definitionOf("figures_jurisdiction_idx")).toMatch(/\(jurisdiction_code\)/);
    expect(definitionOf("figures_label_trgm_idx")).toMatch(/gin \(label gin_trgm_ops\)/);
    expect(definitionOf("article_jurisdictions_jurisdiction_idx")).toMatch(/\(jurisdiction_code\)/);
    expect(definitionOf("slug_redirects_old_slug_idx")).toMatch(/UNIQUE INDEX .*\(item_type, scope, old_slug\)/);
  });
});
