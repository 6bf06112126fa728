import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { afterAll, expect, test } from "vitest";
import { laws, users } from "@/db/schema";
import { signInWithPassword } from "@/modules/auth/sign-in";
import { openEmbeddedDatabase } from "./db";
import { embeddedEnv, finished, runScript, stackLine, startScript, tempDir, waitForLine } from "./processes";

// PGlite has no lock of its own: without the product's lock a second process opens the folder
// and its writes, or the first one's, are silently lost. This runs the real processes.
const folder = tempDir("two-processes");
const processA: { wrapper?: ChildProcess; pid?: number } = {};
afterAll(() => {
  // If an assertion failed while A was holding the folder, do not leave it (tsx and its node) running.
  if (processA.wrapper && processA.wrapper.exitCode === null && processA.wrapper.signalCode === null) {
    if (processA.pid) process.kill(processA.pid, "SIGKILL");
    processA.wrapper.kill("SIGKILL");
  }
  folder.remove();
});

const rowsWrittenByA = 50;
const password = "a-long-enough-password";

test("a second process is refused while the first holds the embedded database, and nothing is lost", async () => {
  const env = embeddedEnv(folder.dir);

  // Process A: opens the folder, writes, and holds it.
  const a = startScript("tests/fixtures/hold-db.ts", [String(rowsWrittenByA)], env);
  processA.wrapper = a;
  const aFinished = finished(a);
  const [, pidText] = await waitForLine(a, /^ready (\d+)$/);
  const holderPid = Number(pidText);
  processA.pid = holderPid;
  expect(JSON.parse(fs.readFileSync(path.join(folder.dir, "lock"), "utf8"))).toMatchObject({ pid: holderPid });

  // Process B: refused with one line naming A, no stack trace, exit code 1.
  const refused = await runScript("scripts/user-create.ts", ["--email", "x@example.org", "--role", "admin"], {
    env,
    input: `${password}\n`,
  });
  expect(refused.code).toBe(1);
  const errorLines = refused.stderr.trim().split("\n");
  expect(errorLines).toHaveLength(1);
  expect(errorLines[0]).toContain(`pid ${holderPid}`);
  expect(errorLines[0]).toMatch(/in use by another process/);
  expect(refused.stderr).not.toMatch(stackLine);
  expect(refused.stdout).not.toContain("Created");

  // Stopped as the message says, by the pid it names, A closes the database before it exits.
  // (Signalling that pid rather than the tsx wrapper also avoids tsx's 30 ms relay deadline.)
  process.kill(holderPid, "SIGTERM");
  const aResult = await aFinished;
  expect(aResult.stdout).toContain("closed");
  expect(aResult.code).toBe(143);
  expect(fs.existsSync(path.join(folder.dir, "lock"))).toBe(false);

  // Every row A wrote is there; B wrote nothing.
  const reopened = await openEmbeddedDatabase(folder.dir);
  try {
    const [lawCount] = await reopened.db.select({ n: count() }).from(laws);
    expect(lawCount?.n).toBe(rowsWrittenByA);
    const [userCount] = await reopened.db.select({ n: count() }).from(users);
    expect(userCount?.n).toBe(0);
  } finally {
    await reopened.close();
  }

  // On the free folder the same command succeeds, with the password read from stdin.
  const created = await runScript("scripts/user-create.ts", ["--email", "x@example.org", "--role", "admin"], {
    env,
    input: `${password}\n`,
  });
  expect(created.stderr).toBe("");
  expect(created.code).toBe(0);
  expect(created.stdout).toMatch(/^Created admin x@example\.org \(id \d+\)\.$/m);

  const afterwards = await openEmbeddedDatabase(folder.dir);
  try {
    const signedIn = await signInWithPassword(afterwards.db, { email: "x@example.org", password, ip: "127.0.0.1" });
    expect(signedIn.email).toBe("x@example.org");
    const [admin] = await afterwards.db.select().from(users).where(eq(users.email, "x@example.org"));
    expect(admin?.role).toBe("admin");
    const [lawCount] = await afterwards.db.select({ n: count() }).from(laws);
    expect(lawCount?.n).toBe(rowsWrittenByA);
  } finally {
    await afterwards.close();
  }
}, 60_000);
