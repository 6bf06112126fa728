import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterEach, beforeEach, expect, test } from "vitest";
import type { Database } from "@/db";
import { migrate, migrationsFolder } from "@/db/migrate";
import { readPeriods } from "@/modules/laws/covered-periods";
import { readTimeline } from "@/modules/laws/timeline";
import { createEmptyDatabase } from "./db";

/** The migrations as they stood before `tag`: a database made by an older release. */
function migrationsBefore(tag: string): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "migrations-"));
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, "meta/_journal.json"), "utf8"));
  const index = journal.entries.findIndex((e: { tag: string }) => e.tag === tag);
  journal.entries = journal.entries.slice(0, index);
  fs.mkdirSync(path.join(folder, "meta"));
  fs.writeFileSync(path.join(folder, "meta/_journal.json"), JSON.stringify(journal));
  for (const { tag: older } of journal.entries)
    fs.copyFileSync(path.join(migrationsFolder, `${older}.sql`), path.join(folder, `${older}.sql`));
  return folder;
}

let database: Database;
/** A jurisdiction in an older schema: only the columns every release had. */
const oldJurisdiction = (code: string) =>
  database.db.execute(sql`insert into jurisdictions (code, name) values (${code}, ${`Jurisdiction ${code}`})`);

beforeEach(async () => {
  database = await createEmptyDatabase();
});
afterEach(() => database.close());

test("periods saved as whole years before partial dates keep their years, as one account each", async () => {
  await migrate(database, migrationsBefore("0024_law_period_accounts"));
  await oldJurisdiction("KZ");
  const [law] = (
    await database.db.execute(
      sql`insert into laws (slug, jurisdiction_code, title, summary, status) values ('old', 'KZ', 'Old', '', 'bill') returning id`,
    )
  ).rows as { id: number }[];
  await database.db.execute(
    sql`insert into law_periods (law_id, start_year, end_year) values (${law!.id}, 1917, 1953), (${law!.id}, 1956, 1961)`,
  );

  await migrate(database);

  const periods = await readPeriods(database.db, law!.id);
  expect(periods).toMatchObject([
    {
      note: "",
      start: { date: "1917-01-01", precision: "year" },
      end: { date: "1953-01-01", precision: "year" },
      disputed: false,
      accounts: [{ sourceId: null, preferred: true, note: "" }],
    },
    { start: { date: "1956-01-01" }, end: { date: "1961-01-01" } },
  ]);
});

test("a timeline keeps the order it was shown in: positions become that order", async () => {
  await migrate(database, migrationsBefore("0029_timeline_positions"));
  await oldJurisdiction("KG");
  const [law] = (
    await database.db.execute(
      sql`insert into laws (slug, jurisdiction_code, title, summary, status) values ('t', 'KG', 'T', '', 'bill') returning id`,
    )
  ).rows as { id: number }[];
  // Added in this order; shown by first day: 1990 (1 January), March 1990, then the unknown date.
  const added = [
    ["unknown", null, null],
    ["march", "1990-03-01", "month"],
    ["year", "1990-01-01", "year"],
  ] as const;
  for (const [position, [note, date, precision]] of added.entries()) {
    const [event] = (
      await database.db.execute(
        sql`insert into law_events (law_id, kind, note, position) values (${law!.id}, 'other', ${note}, ${position}) returning id`,
      )
    ).rows as { id: number }[];
    await database.db.execute(
      sql`insert into law_event_accounts (event_id, date, precision, preferred) values (${event!.id}, ${date}, ${precision}, true)`,
    );
  }

  await migrate(database);

  expect((await readTimeline(database.db, law!.id)).map((e) => e.note)).toEqual(["year", "march", "unknown"]);
});

test("a figure saved before its last editor was recorded counts its creator as that editor", async () => {
  await migrate(database, migrationsBefore("0028_figures_edited_by"));
  const [user] = (
    await database.db.execute(
      sql`insert into users (email, name, password_hash, role) values ('e@example.org', 'E', 'x', 'editor') returning id`,
    )
  ).rows as { id: number }[];
  await database.db.execute(sql`insert into figures (label, created_by_id) values ('Counted', ${user!.id})`);

  await migrate(database);

  const [figure] = (await database.db.execute(sql`select edited_by_id from figures`)).rows as {
    edited_by_id: number;
  }[];
  expect(figure!.edited_by_id).toBe(user!.id);
});

test("figures readers already saw keep their sources as they stood; figures not approved get none", async () => {
  await migrate(database, migrationsBefore("0032_figure_sources_as_approved"));
  await database.db.execute(sql`insert into sources (title, url) values ('Report', 'https://example.org/r')`);
  await database.db.execute(sql`insert into figures (label, approved_at) values ('Shown', now()), ('Waiting', null)`);
  await database.db.execute(
    sql`insert into figure_accounts (figure_id, value, source_id) select id, '1', (select id from sources) from figures`,
  );

  await migrate(database);

  const rows = (
    await database.db.execute(
      sql`select f.label, a.approved_source_title, a.approved_source_url from figure_accounts a join figures f on f.id = a.figure_id order by f.label`,
    )
  ).rows;
  expect(rows).toEqual([
    { label: "Shown", approved_source_title: "Report", approved_source_url: "https://example.org/r" },
    { label: "Waiting", approved_source_title: null, approved_source_url: null },
  ]);
});
