import "server-only";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * PGlite has no lock of its own: a second process can open the same data folder and its writes are
 * silently lost. Every process that opens the embedded database takes this lock first.
 */
export type LockHolder = { pid: number; hostname: string; command: string; startedAt: string };

export class DataDirLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly holder: LockHolder,
  ) {
    super(
      `The embedded database in ${dir} is in use by another process ` +
        `(pid ${holder.pid} on ${holder.hostname}: ${holder.command}, since ${holder.startedAt}). ` +
        `Stop that process first, or set DATABASE_URL to use PostgreSQL.`,
    );
  }
}

export type DataDirLock = { file: string; release(): void };

// Locks this process holds, so that a second open from the same process is refused too (kept on
// globalThis: dev-mode module reloads must not forget them).
const heldHere: Map<string, LockHolder> = ((
  globalThis as { __marginaliaLocks?: Map<string, LockHolder> }
).__marginaliaLocks ??= new Map());

export async function acquireDataDirLock(dir: string): Promise<DataDirLock> {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "lock");
  const me: LockHolder = {
    pid: process.pid,
    hostname: os.hostname(),
    command: describeCommand(),
    startedAt: new Date().toISOString(),
  };

  const mine = heldHere.get(file);
  if (mine) throw new DataDirLockedError(dir, mine);

  if (tryCreate(file, me)) return held(file, me);
  const holder = readHolder(file);
  if (holder && !isStale(holder)) throw new DataDirLockedError(dir, holder);
  // An unreadable lock may be one another process is writing this instant.
  if (!holder && isFresh(file)) throw new DataDirLockedError(dir, unknownHolder(file));
  return takeOver(dir, file, holder, me);
}

/**
 * Replaces a stale lock. A second file, created exclusively, makes the takeover itself exclusive:
 * of two processes that saw the same stale lock, the second finds the first one's fresh lock and
 * is refused, instead of deleting it.
 */
function takeOver(dir: string, file: string, stale: LockHolder | null, me: LockHolder): DataDirLock {
  const mutex = `${file}.takeover`;
  if (!tryCreate(mutex, me)) {
    if (isFresh(mutex)) throw new DataDirLockedError(dir, readHolder(mutex) ?? unknownHolder(mutex));
    // Left by a process that died mid-takeover.
    fs.rmSync(mutex, { force: true });
    if (!tryCreate(mutex, me)) throw new DataDirLockedError(dir, readHolder(mutex) ?? unknownHolder(mutex));
  }
  try {
    const current = readHolder(file);
    if (current && !(stale && sameHolder(current, stale))) throw new DataDirLockedError(dir, current);
    fs.rmSync(file, { force: true });
    if (!tryCreate(file, me)) throw new DataDirLockedError(dir, readHolder(file) ?? unknownHolder(file));
    return held(file, me);
  } finally {
    fs.rmSync(mutex, { force: true });
  }
}

function held(file: string, me: LockHolder): DataDirLock {
  heldHere.set(file, me);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    heldHere.delete(file);
    process.off("exit", release);
    // Only remove the lock if it is still ours.
    if (sameHolder(readHolder(file), me)) fs.rmSync(file, { force: true });
  };
  process.on("exit", release);
  return { file, release };
}

function sameHolder(a: LockHolder | null, b: LockHolder): boolean {
  return a?.pid === b.pid && a.hostname === b.hostname && a.startedAt === b.startedAt;
}

function tryCreate(file: string, holder: LockHolder): boolean {
  try {
    fs.writeFileSync(file, JSON.stringify(holder), { flag: "wx", mode: 0o644 });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
}

function readHolder(file: string): LockHolder | null {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as LockHolder;
  } catch {
    // Missing, or a half-written lock of a process that died while writing it.
    return null;
  }
}

function isFresh(file: string): boolean {
  try {
    return Date.now() - fs.statSync(file).mtimeMs < 5_000;
  } catch {
    return false;
  }
}

function unknownHolder(file: string): LockHolder {
  return {
    pid: 0,
    hostname: os.hostname(),
    command: "unknown (lock being written)",
    startedAt: fs.statSync(file).mtime.toISOString(),
  };
}

function isStale(holder: LockHolder): boolean {
  // A lock from another machine (a shared folder) cannot be checked: treat it as held.
  if (holder.hostname !== os.hostname()) return false;
  // Our own pid in a lock this process does not hold means a previous life of this pid (a restarted container).
  if (holder.pid === process.pid) return true;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}

function describeCommand(): string {
  const script = process.argv[1] ? path.relative(process.cwd(), process.argv[1]) : "node";
  return process.env.npm_lifecycle_event ? `npm run ${process.env.npm_lifecycle_event}` : script;
}
