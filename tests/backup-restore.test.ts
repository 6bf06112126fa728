import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "@/db";
import { verifyAuditChain } from "@/modules/audit/verify";
import { writeBackup } from "@/modules/system/backup/backup";
import { DatabaseNotEmptyError } from "@/modules/system/backup/empty";
import { BackupFileError, noPasswordHash } from "@/modules/system/backup/format";
import { RestoreRowError } from "@/modules/system/backup/load";
import { restoreBackup } from "@/modules/system/backup/restore";
import { quote, quoteList } from "@/modules/system/backup/sql";
import { describeTables, leftOut, schemaTables } from "@/modules/system/backup/tables";
import { seed } from "@/modules/system/seed";
import { snapshotHash } from "@/modules/workflow/revise";
import { seedSynthetic } from "@/scripts/synthetic/seed";
import { appliedMigration, migrateUpTo, migrationTags } from "@/modules/system/backup/migrations";
import { createEmptyDatabase, createMigratedDataDir, createTestDatabase, openEmbeddedDatabase } from "./db";
import { embeddedEnv, runScript, stackLine, tempDir } from "./processes";

const temp = tempDir("backup");
let files = 0;
const newFile = () => path.join(temp.dir, `backup-${++files}.jsonl.gz`);

/** Every table's rows as PostgreSQL writes them in JSON (exact for every type), in key order. */
async function tableContents(database: Database): Promise<Record<string, string[]>> {
  return database.db.transaction(async (tx) => {
    await tx.execute(sql`set local timezone = 'UTC'`);
    const contents: Record<string, string[]> = {};
    for (const table of await describeTables(tx)) {
      const { rows } = await tx.execute<{ line: string }>(
        sql.raw(
          `select row_to_json(t)::text as line from ${quote(table.name)} t order by ${quoteList(table.primaryKey, "t.")}`,
        ),
      );
      contents[table.name] = rows.map((r) => r.line);
    }
    return contents;
  });
}

const sequences = async (database: Database) =>
  (
    await database.db.execute<{ name: string; last: string | null }>(
      sql`select sequencename as name, last_value::text as last from pg_sequences
          where schemaname = 'public' and sequencename <> 'cache_invalidations_id_seq' order by 1`,
    )
  ).rows;

async function isEmpty(database: Database): Promise<boolean> {
  const contents = await tableContents(database);
  return Object.entries(contents).every(([name, rows]) => rows.length === 0 || name === "publication_clock");
}

/** Restores `file` into a fresh database and checks it holds what `source` holds, row by row. */
async function expectRoundTrip(source: Database, file: string, target: Database, passwordHashes: boolean) {
  await restoreBackup(target, file);
  const before = await tableContents(source);
  const after = await tableContents(target);
  // Every table of the schema is compared, but for the ones a backup leaves out on purpose.
  expect(Object.keys(after).sort()).toEqual(schemaTables().filter((t) => !(t in leftOut)));
  for (const name of Object.keys(before)) {
    if (name === "users" && !passwordHashes) continue;
    expect(after[name], name).toEqual(before[name]);
  }
  const users = (rows: string[]) => rows.map((r) => JSON.parse(r) as Record<string, unknown>);
  const [restoredUsers, sourceUsers] = [users(after.users!), users(before.users!)];
  expect(restoredUsers.length).toBeGreaterThan(0);
  if (passwordHashes) expect(restoredUsers).toEqual(sourceUsers);
  else {
    expect(restoredUsers.map((u) => u.password_hash)).toEqual(restoredUsers.map(() => noPasswordHash));
    expect(restoredUsers).toEqual(sourceUsers.map((u) => ({ ...u, password_hash: noPasswordHash })));
  }
  expect(await sequences(target)).toEqual(await sequences(source));
  expect(await verifyAuditChain(target.db)).toMatchObject({ ok: true });
  const revisions = (
    await target.db.execute<{ id: number; snapshot: Record<string, unknown>; hash: string }>(
      sql`select id, snapshot, hash from revisions order by id`,
    )
  ).rows;
  expect(revisions.length).toBeGreaterThan(0);
  for (const r of revisions) expect(snapshotHash(r.snapshot), `revision ${r.id}`).toBe(r.hash);
}

const databases: Database[] = [];
async function fresh(): Promise<Database> {
  const database = await createTestDatabase();
  databases.push(database);
  return database;
}

let demo: Database;
let demoFile: string;

beforeAll(async () => {
  demo = await fresh();
  await seed(demo.db, { adminEmail: "admin@example.org", adminPassword: "a long enough password" });
  // Values a seed does not make: a sign-in attempt and a saved view, with microseconds.
  await demo.db.execute(
    sql`insert into sign_in_attempts (email, ip, succeeded, at) values ('x@example.org', '203.0.113.9', false, '2026-01-02 03:04:05.123456+00')`,
  );
  demoFile = newFile();
  await writeBackup(demo.db, demoFile);
}, 120_000);

afterAll(async () => {
  for (const database of databases) await database.close();
  temp.remove();
});

describe("backup and restore", () => {
  test("round-trip the demo content into a fresh database, every table row by row, users without hashes", async () => {
    const text = zlib.gunzipSync(fs.readFileSync(demoFile)).toString("utf8");
    expect(text).not.toContain("$argon2");
    expect(fs.statSync(demoFile).mode & 0o777).toBe(0o600);
    const header = JSON.parse(text.slice(0, text.indexOf("\n")));
    expect(header).toMatchObject({ format: "marginalia-backup", version: 1, passwordHashes: false });
    expect(header.migration).toMatch(/^\d{4}_/);
    await expectRoundTrip(demo, demoFile, await fresh(), false);
  });

  test("round-trip a synthetic archive with password hashes when asked", async () => {
    const synthetic = await fresh();
    await seedSynthetic(synthetic.db, {
      laws: 20,
      articles: 40,
      annotations: 60,
      agents: 20,
      draftShare: 0.3,
      seed: 11,
      append: false,
    });
    await seed(synthetic.db, { adminEmail: "admin@example.org", adminPassword: "a long enough password" });
    const file = newFile();
    await writeBackup(synthetic.db, file, { withPasswordHashes: true });
    expect(zlib.gunzipSync(fs.readFileSync(file)).toString("utf8")).toContain("$argon2");
    await expectRoundTrip(synthetic, file, await fresh(), true);
  }, 120_000);

  test("refuses a database that is not empty, and leaves it as it was", async () => {
    const before = await tableContents(demo);
    await expect(restoreBackup(demo, demoFile)).rejects.toThrow(DatabaseNotEmptyError);
    await expect(restoreBackup(demo, demoFile)).rejects.toThrow(/not empty: .*laws \(2\)/);
    expect(await tableContents(demo)).toEqual(before);
  });

  test("refuses a truncated file, and writes nothing", async () => {
    const bytes = fs.readFileSync(demoFile);
    const file = newFile();
    fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length * 0.7)));
    const target = await fresh();
    await expect(restoreBackup(target, file)).rejects.toThrow(BackupFileError);
    await expect(restoreBackup(target, file)).rejects.toThrow(/truncated/);
    expect(await isEmpty(target)).toBe(true);
  });

  test("refuses a damaged file, naming the table and the row, and writes nothing", async () => {
    const lines = zlib.gunzipSync(fs.readFileSync(demoFile)).toString("utf8").split("\n");
    const at = lines.findIndex((l) => l.startsWith('{"table":"laws"')) + 1;
    lines[at] = lines[at]!.replace(/"jurisdiction_code":"[^"]*"/, '"jurisdiction_code":"XX"');
    const file = newFile();
    fs.writeFileSync(file, zlib.gzipSync(lines.join("\n")));
    const target = await fresh();
    await expect(restoreBackup(target, file)).rejects.toThrow(RestoreRowError);
    await expect(restoreBackup(target, file)).rejects.toThrow(
      new RegExp(`^Table laws, line ${at + 1} of the file \\(id \\d+\\): .*foreign key`),
    );
    expect(await isEmpty(target)).toBe(true);

    const notJson = [...lines];
    notJson[at] = "{not json";
    fs.writeFileSync(file, zlib.gzipSync(notJson.join("\n")));
    await expect(restoreBackup(target, file)).rejects.toThrow(`Line ${at + 1} of the backup file is not JSON`);
    fs.writeFileSync(file, "plain text, not gzip\n");
    await expect(restoreBackup(target, file)).rejects.toThrow(/not a gzip'd backup/);
    expect(await isEmpty(target)).toBe(true);
  });

  test("refuses an unknown format version, or a file from newer code, and writes nothing", async () => {
    const lines = zlib.gunzipSync(fs.readFileSync(demoFile)).toString("utf8").split("\n");
    const header = JSON.parse(lines[0]!);
    const target = await fresh();
    const withHeader = (changes: Record<string, unknown>) => {
      const file = newFile();
      fs.writeFileSync(file, zlib.gzipSync([JSON.stringify({ ...header, ...changes }), ...lines.slice(1)].join("\n")));
      return file;
    };
    await expect(restoreBackup(target, withHeader({ version: 2 }))).rejects.toThrow(
      "This backup file is in format version 2; this version of Marginalia reads version 1 only.",
    );
    await expect(restoreBackup(target, withHeader({ format: "something-else" }))).rejects.toThrow(
      /not a Marginalia backup/,
    );
    await expect(restoreBackup(target, withHeader({ migration: "9999_from_the_future" }))).rejects.toThrow(
      /written by a newer version of Marginalia \(its migration 9999_from_the_future is unknown here\)/,
    );
    expect(await isEmpty(target)).toBe(true);
  });

  test("fails loudly on a table it does not know, and writes no file", async () => {
    const database = await fresh();
    await database.db.execute(sql`create table stray (id int primary key)`);
    const file = newFile();
    await expect(writeBackup(database.db, file)).rejects.toThrow(/table\(s\) stray that the backup does not know/);
    expect(fs.existsSync(file)).toBe(false);
    expect(fs.existsSync(`${file}.partial`)).toBe(false);
  });

  test("fails on a fully migrated database that lacks one of the app's tables, and writes no file", async () => {
    const database = await fresh();
    await database.db.execute(sql`drop table public_source_citations`);
    const file = newFile();
    await expect(writeBackup(database.db, file)).rejects.toThrow(/lacks table\(s\) public_source_citations/);
    expect(fs.existsSync(file)).toBe(false);
  });

  test("restores a file from an older migration: loads it there, then migrates the rest", async () => {
    const tags = migrationTags().map((e) => e.tag);
    const older = tags[tags.length - 2]!;
    const source = await createEmptyDatabase();
    databases.push(source);
    await migrateUpTo(source, older);
    await source.db.execute(
      sql`insert into users (email, name, role, password_hash) values ('old@example.org', 'Old', 'admin', 'h')`,
    );
    // A child before its parent: a table that refers to its own rows loads in one statement.
    await source.db.execute(
      sql`insert into topics (id, slug, name) overriding system value values (5, 'parent', 'Parent')`,
    );
    await source.db.execute(
      sql`insert into topics (id, slug, name, parent_id) overriding system value values (2, 'child', 'Child', 5)`,
    );
    const file = newFile();
    await writeBackup(source.db, file);
    const text = zlib.gunzipSync(fs.readFileSync(file)).toString("utf8");
    expect(JSON.parse(text.slice(0, text.indexOf("\n")))).toMatchObject({ migration: older });

    const target = await createEmptyDatabase();
    databases.push(target);
    await restoreBackup(target, file);
    expect(await appliedMigration(target.db)).toBe(tags[tags.length - 1]);
    const topics = await target.db.execute<{ id: number; parent_id: number | null }>(
      sql`select id, parent_id from topics order by id`,
    );
    expect(topics.rows).toEqual([
      { id: 2, parent_id: 5 },
      { id: 5, parent_id: null },
    ]);
    const [next] = (
      await target.db.execute<{ id: number }>(sql`insert into topics (slug, name) values ('new', 'New') returning id`)
    ).rows;
    expect(next!.id).toBe(6);
  }, 60_000);

  // Both directions between the two databases: only when the suite has a PostgreSQL server
  // (DATABASE_URL); on PGlite alone there is no other database to go to. CI runs it on PostgreSQL.
  test.skipIf(!process.env.DATABASE_URL)(
    "moves an embedded archive to PostgreSQL and back",
    async () => {
      const embedded = path.join(temp.dir, "embedded");
      await createMigratedDataDir(embedded);
      const source = await openEmbeddedDatabase(embedded);
      databases.push(source);
      await seed(source.db, { adminEmail: "admin@example.org", adminPassword: "a long enough password" });
      const toServer = newFile();
      await writeBackup(source.db, toServer, { withPasswordHashes: true });
      const server = await fresh();
      await expectRoundTrip(source, toServer, server, true);

      const back = path.join(temp.dir, "back");
      await createMigratedDataDir(back);
      const returned = await openEmbeddedDatabase(back);
      databases.push(returned);
      const toEmbedded = newFile();
      await writeBackup(server.db, toEmbedded, { withPasswordHashes: true });
      await expectRoundTrip(server, toEmbedded, returned, true);
    },
    120_000,
  );
});

describe("the commands", () => {
  test("back up an embedded data folder and restore it into a new one, saying how to sign in again", async () => {
    const from = path.join(temp.dir, "cli-from");
    await createMigratedDataDir(from);
    const open = await openEmbeddedDatabase(from);
    await seed(open.db, { adminEmail: "admin@example.org", adminPassword: "a long enough password" });
    const file = newFile();

    // The folder is locked while another process has it open.
    const locked = await runScript("scripts/backup.ts", [file], { env: embeddedEnv(from) });
    await open.close();
    expect(locked.code).toBe(1);
    expect(locked.stderr).toMatch(/^Error: The embedded database in .* is in use by another process/);
    expect(fs.existsSync(file)).toBe(false);

    const backup = await runScript("scripts/backup.ts", [file], { env: embeddedEnv(from) });
    expect(backup.stderr).toBe("");
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(/^Backed up .* to .*: \d+ rows in \d+ tables/);
    expect(backup.stdout).toMatch(/password hashes are not in the file/);

    const to = path.join(temp.dir, "cli-to");
    const restore = await runScript("scripts/restore.ts", [file], { env: embeddedEnv(to) });
    // The demo's document was stored by this process, not in the folder's own file store.
    expect(restore.stderr).toMatch(
      /^Warning: 1 of the 1 stored files the backup records are missing or damaged in the disk store; readers get 404 for them until they are back\. Restore them with --files .*\.files/,
    );
    expect(restore.code).toBe(0);
    expect(restore.stdout).toMatch(/none of its 1 account\(s\) can sign in yet/);
    expect(restore.stdout).toMatch(/npm run user:create -- --email you@example.org --role admin/);

    const again = await runScript("scripts/restore.ts", [file], { env: embeddedEnv(to) });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^Error: The database is not empty: .*nothing was changed\.\n$/);
    expect(again.stderr).not.toMatch(stackLine);

    const verify = await runScript("scripts/audit-verify.ts", [], { env: embeddedEnv(to) });
    expect(verify.stdout).toMatch(/is intact/);
    expect(verify.code).toBe(0);
  }, 120_000);

  test("with --with-files and --files the documents' bytes go with the backup, checked against their hashes both ways", async () => {
    const from = path.join(temp.dir, "files-from");
    const seeded = await runScript("scripts/db-seed.ts", [], { env: embeddedEnv(from) });
    expect(seeded.code).toBe(0);
    const file = newFile();

    const backup = await runScript("scripts/backup.ts", [file, "--with-files"], { env: embeddedEnv(from) });
    expect(backup.stderr).toBe("");
    expect(backup.code).toBe(0);
    expect(backup.stdout).toContain(`Copied 1 stored files (0.0 MB) to ${file}.files.`);
    expect(backup.stdout).toContain("Fixity check of the copy passed: 1 files hash to their names.");
    const [copied] = fs
      .readdirSync(`${file}.files`, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile());
    const sha256 = copied!.name;
    expect(sha256).toMatch(/^[0-9a-f]{64}$/);

    const to = path.join(temp.dir, "files-to");
    const restore = await runScript("scripts/restore.ts", [file, "--files", `${file}.files`], { env: embeddedEnv(to) });
    expect(restore.stderr).toBe("");
    expect(restore.code).toBe(0);
    expect(restore.stdout).toContain(`Copied 1 stored files (0.0 MB) from ${file}.files into the disk store.`);
    const fixity = await runScript("scripts/fixity-check.ts", [], { env: embeddedEnv(to) });
    expect(fixity.stdout).toContain("Fixity check passed: 1 files");
    expect(fixity.code).toBe(0);

    // A byte changed in the backup's copy: refused, never put in the store.
    const damaged = path.join(copied!.parentPath, sha256);
    fs.chmodSync(damaged, 0o644);
    const bytes = fs.readFileSync(damaged);
    bytes[100] = bytes[100]! ^ 0xff;
    fs.writeFileSync(damaged, bytes);
    const intoDamaged = path.join(temp.dir, "files-damaged");
    const refused = await runScript("scripts/restore.ts", [file, "--files", `${file}.files`], {
      env: embeddedEnv(intoDamaged),
    });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${sha256} is damaged in the store copied from`);
    expect(fs.existsSync(path.join(intoDamaged, "files", sha256.slice(0, 2), sha256.slice(2, 4), sha256))).toBe(false);
  }, 180_000);

  test("without a file, print the usage and exit 2", async () => {
    const never = path.join(temp.dir, "never-opened");
    const backup = await runScript("scripts/backup.ts", [], { env: embeddedEnv(never) });
    expect(backup.code).toBe(2);
    expect(backup.stderr).toMatch(/^Usage: npm run backup -- FILE/);
    const restore = await runScript("scripts/restore.ts", ["a", "b"], { env: embeddedEnv(never) });
    expect(restore.code).toBe(2);
    expect(restore.stderr).toMatch(/^Usage: npm run restore -- FILE/);
    expect(fs.existsSync(never)).toBe(false);
  });
});
