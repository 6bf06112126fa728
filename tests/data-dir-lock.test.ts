import { spawn, type ChildProcess } from "node:child_process";
import { makeJurisdiction } from "./factories";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "@/db";
import { laws } from "@/db/schema";
import { DataDirLockedError, acquireDataDirLock, type LockHolder } from "@/db/lock";
import { createMigratedDataDir, openEmbeddedDatabase } from "./db";
import { deadPid, tempDir } from "./processes";

const temp = tempDir("lock");
afterAll(() => temp.remove());
let folders = 0;
const newFolder = () => path.join(temp.dir, `data-${++folders}`);
const readLock = (dir: string) => JSON.parse(fs.readFileSync(path.join(dir, "lock"), "utf8")) as LockHolder;

function writeLock(dir: string, holder: Partial<LockHolder>) {
  fs.mkdirSync(dir, { recursive: true });
  const lock: LockHolder = {
    pid: 1,
    hostname: os.hostname(),
    command: "npm run dev",
    startedAt: "2026-01-01T00:00:00.000Z",
    ...holder,
  };
  fs.writeFileSync(path.join(dir, "lock"), JSON.stringify(lock));
}

// A process that is alive for the length of a test: a lock naming it is held.
let sleeper: ChildProcess | undefined;
function liveProcess(): number {
  sleeper = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"], { stdio: "ignore" });
  return sleeper.pid!;
}
afterEach(() => {
  sleeper?.kill();
  sleeper = undefined;
});

describe("acquireDataDirLock", () => {
  test("writes a lock naming this process, and release removes it", async () => {
    const dir = newFolder();
    const lock = await acquireDataDirLock(dir);
    expect(readLock(dir)).toMatchObject({ pid: process.pid, hostname: os.hostname() });
    lock.release();
    expect(fs.existsSync(lock.file)).toBe(false);
    lock.release(); // a second release is harmless
    // The folder can be locked again.
    (await acquireDataDirLock(dir)).release();
  });

  test("a second lock in the same process while held is refused", async () => {
    const dir = newFolder();
    const lock = await acquireDataDirLock(dir);
    await expect(acquireDataDirLock(dir)).rejects.toThrow(`pid ${process.pid}`);
    lock.release();
    (await acquireDataDirLock(dir)).release();
  });

  test("a stale lock is not taken over while another process is taking it over", async () => {
    const dir = newFolder();
    writeLock(dir, { pid: await deadPid() });
    fs.writeFileSync(path.join(dir, "lock.takeover"), JSON.stringify({ pid: liveProcess(), hostname: os.hostname() }));
    await expect(acquireDataDirLock(dir)).rejects.toBeInstanceOf(DataDirLockedError);
  });

  test("a takeover left behind by a process that died is cleared, and the stale lock taken over", async () => {
    const dir = newFolder();
    writeLock(dir, { pid: await deadPid() });
    const mutex = path.join(dir, "lock.takeover");
    fs.writeFileSync(mutex, "");
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(mutex, old, old);
    const lock = await acquireDataDirLock(dir);
    expect(readLock(dir).pid).toBe(process.pid);
    expect(fs.existsSync(mutex)).toBe(false);
    lock.release();
  });

  test("a folder held by another live process is refused with an error naming its pid", async () => {
    const dir = newFolder();
    const pid = liveProcess();
    writeLock(dir, { pid, command: "npm run start" });

    const error = await acquireDataDirLock(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataDirLockedError);
    expect((error as DataDirLockedError).holder.pid).toBe(pid);
    const message = (error as Error).message;
    expect(message).toContain(`pid ${pid}`);
    expect(message).toContain("npm run start");
    expect(message).toContain(dir);
    expect(message).not.toContain("\n");
    // The holder's lock is left alone.
    expect(readLock(dir).pid).toBe(pid);
  });

  test("a stale lock of a process that has exited is taken over", async () => {
    const dir = newFolder();
    const pid = await deadPid();
    writeLock(dir, { pid });

    const lock = await acquireDataDirLock(dir);
    expect(readLock(dir).pid).toBe(process.pid);
    lock.release();
    expect(fs.existsSync(path.join(dir, "lock"))).toBe(false);
  });

  test("a half-written lock is treated as held while fresh, and taken over once old", async () => {
    const dir = newFolder();
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, "lock"), '{"pid":');
    await expect(acquireDataDirLock(dir)).rejects.toBeInstanceOf(DataDirLockedError);

    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(path.join(dir, "lock"), old, old);
    const lock = await acquireDataDirLock(dir);
    expect(readLock(dir).pid).toBe(process.pid);
    lock.release();
  });

  test("a lock taken on another machine (a shared folder) cannot be checked, so it is held", async () => {
    const dir = newFolder();
    writeLock(dir, { hostname: `not-${os.hostname()}`, pid: await deadPid() });
    await expect(acquireDataDirLock(dir)).rejects.toBeInstanceOf(DataDirLockedError);
  });

  test("release does not remove a lock that another process has taken since", async () => {
    const dir = newFolder();
    const lock = await acquireDataDirLock(dir);
    const pid = liveProcess();
    writeLock(dir, { pid });
    lock.release();
    expect(readLock(dir).pid).toBe(pid);
  });
});

describe("openDatabase on a data folder", () => {
  const dir = newFolder();
  let database: Database | undefined;
  beforeAll(async () => {
    await createMigratedDataDir(dir);
    database = await openEmbeddedDatabase(dir);
  });
  afterAll(() => database?.close());

  test("holds the lock while open and releases it on close; the data stays", async () => {
    expect(readLock(dir).pid).toBe(process.pid);
    await makeJurisdiction(database!.db, "KG");
    await database!.db.insert(laws).values({
      slug: "kept",
      jurisdictionCode: "KG",
      title: "Kept",
      summary: "Written before close.",
      status: "bill",
    });
    await database!.close();
    database = undefined;
    expect(fs.existsSync(path.join(dir, "lock"))).toBe(false);

    database = await openEmbeddedDatabase(dir);
    expect((await database.db.select().from(laws)).map((l) => l.slug)).toEqual(["kept"]);
  });

  test("refuses a folder another process holds, before touching the database files", async () => {
    const other = newFolder();
    const pid = liveProcess();
    writeLock(other, { pid });
    await expect(openEmbeddedDatabase(other)).rejects.toThrow(`pid ${pid}`);
    expect(fs.readdirSync(other)).toEqual(["lock"]);
  });
});
