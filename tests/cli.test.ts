import fs from "node:fs";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, test } from "vitest";
import { laws, users } from "@/db/schema";
import { demoLaws } from "@/db/seed/demo-laws";
import { createMigratedDataDir, openEmbeddedDatabase } from "./db";
import { embeddedEnv, runScript, stackLine, tempDir } from "./processes";

// Each spawned tsx costs 1-3 s, so each case here spawns only what it must, and the cases run
// concurrently (each on its own folder; `expect` comes from the test context for that reason).
// The folders that need a database start from a copy of one migrated, empty data folder.
const temp = tempDir("cli");
const template = path.join(temp.dir, "template");
let folders = 0;

beforeAll(() => createMigratedDataDir(template));
afterAll(() => temp.remove());

/** A data folder of its own for one case: migrated, no users, no laws. */
function freshDataDir(): string {
  const dir = path.join(temp.dir, `data-${++folders}`);
  fs.cpSync(template, dir, { recursive: true });
  return dir;
}

const usage = /^Usage: npm run user:create -- --email/m;

describe.concurrent("user:create", () => {
  test("refuses a password shorter than 12 characters with one line, and creates nothing", async ({ expect }) => {
    const dataDir = freshDataDir();
    const result = await runScript("scripts/user-create.ts", ["--email", "short@example.org", "--role", "editor"], {
      env: embeddedEnv(dataDir),
      input: "too-short\n",
    });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split("\n")).toEqual(["Error: password: Use at least 12 characters."]);
    expect(result.stdout).toBe("");

    const database = await openEmbeddedDatabase(dataDir);
    try {
      expect(await database.db.select().from(users).where(eq(users.email, "short@example.org"))).toEqual([]);
    } finally {
      await database.close();
    }
  });

  test("without --email prints the usage and exits 2, before asking for a password", async ({ expect }) => {
    const result = await runScript("scripts/user-create.ts", ["--role", "admin"], {
      env: embeddedEnv(path.join(temp.dir, "never-opened")),
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(usage);
    expect(result.stderr).not.toMatch(stackLine);
    expect(fs.existsSync(path.join(temp.dir, "never-opened"))).toBe(false);
  });

  test("an unknown flag prints what is wrong and the usage, and exits 2", async ({ expect }) => {
    const result = await runScript(
      "scripts/user-create.ts",
      ["--email", "a@example.org", "--role", "admin", "--password", "on-the-command-line"],
      { env: embeddedEnv(path.join(temp.dir, "never-opened")) },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Unknown option '--password'/);
    expect(result.stderr).toMatch(usage);
    expect(result.stderr).not.toMatch(stackLine);
  });
});

describe.concurrent("db:seed", () => {
  test("is idempotent: demo laws once, and the first-admin banner only when there was no account", async ({
    expect,
  }) => {
    const dataDir = freshDataDir();
    const env = embeddedEnv(dataDir);

    const first = await runScript("scripts/db-seed.ts", [], { env });
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`${demoLaws.length} new law(s)`);
    expect(first.stdout).toContain("the first admin account was created");
    const shownPassword = first.stdout.match(/password: (\S+)/)?.[1];
    expect(shownPassword).toMatch(/^[a-zA-Z2-9]{5}(-[a-zA-Z2-9]{5}){3}$/);

    const second = await runScript("scripts/db-seed.ts", [], { env });
    expect(second.code).toBe(0);
    expect(second.stdout).toContain("0 new law(s)");
    expect(second.stdout).not.toContain("first admin");
    expect(second.stdout).not.toContain("password");

    const database = await openEmbeddedDatabase(dataDir);
    try {
      for (const law of demoLaws) {
        const [row] = await database.db.select({ n: count() }).from(laws).where(eq(laws.slug, law.slug));
        expect(row?.n, law.slug).toBe(1);
      }
      const admins = await database.db.select().from(users);
      expect(admins).toHaveLength(1);
      expect(admins[0]).toMatchObject({ email: "admin@marginalia.local", role: "admin", active: true });
      // Only the hash is kept, never the password the banner showed.
      expect(admins[0]?.passwordHash).not.toContain(shownPassword);
    } finally {
      await database.close();
    }
    // Two whole seeds in processes of their own, the demo's PDF read each time: slower than one test's default on a busy machine.
  }, 90_000);
});

describe.concurrent("db:migrate", () => {
  test("an unreachable PostgreSQL server gives one line naming host and port, exit 1, no stack", async ({ expect }) => {
    const result = await runScript("scripts/db-migrate.ts", [], {
      env: embeddedEnv(path.join(temp.dir, "never-opened"), { DATABASE_URL: "postgres://127.0.0.1:1/nothing" }),
    });
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("127.0.0.1:1");
    expect(lines[0]).toMatch(/connection refused/);
    expect(result.stderr).not.toMatch(stackLine);
    expect(result.stdout).toBe("");
  });
});
