import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** The repository root: scripts resolve migrations and tsconfig paths from the working directory. */
export const root = path.resolve(import.meta.dirname, "..");
const tsx = path.join(root, "node_modules", ".bin", "tsx");
/** Server modules import "server-only", which only the react-server condition lets load (package.json's scripts pass it too). */
const serverConditions = ["--conditions=react-server"];

export type Finished = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string };

/** A new empty folder under the system's temp dir, removed by the returned function. */
export function tempDir(prefix: string): { dir: string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `marginalia-${prefix}-`));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/**
 * The environment of a command-line process on the embedded database in `dataDir`. DATABASE_URL
 * is removed so that the embedded path is what is tested even when the suite runs on PostgreSQL;
 * so are the variables that would change what the seed prints.
 */
export function embeddedEnv(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, ...extra };
  for (const name of ["DATABASE_URL", "SEED_ADMIN_PASSWORD", "ADMIN_EMAIL", "npm_lifecycle_event"]) {
    if (!(name in extra)) delete env[name];
  }
  return env;
}

/** Starts a TypeScript script with tsx, as the npm scripts do. */
export function startScript(script: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(tsx, [...serverConditions, script, ...args], { cwd: root, env, stdio: ["pipe", "pipe", "pipe"] });
}

/** Runs a script to its end, with `input` on its standard input (then closed). */
export async function runScript(
  script: string,
  args: string[],
  options: { env: NodeJS.ProcessEnv; input?: string },
): Promise<Finished> {
  const child = startScript(script, args, options.env);
  child.stdin!.end(options.input ?? "");
  return finished(child);
}

export function finished(child: ChildProcess): Promise<Finished> {
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (chunk) => (stdout += String(chunk)));
  child.stderr!.on("data", (chunk) => (stderr += String(chunk)));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** Resolves with the first stdout line matching `pattern`; rejects if the process ends first. */
export function waitForLine(child: ChildProcess, pattern: RegExp): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let buffered = "";
    let errors = "";
    const onData = (chunk: Buffer) => {
      buffered += String(chunk);
      for (const line of buffered.split("\n")) {
        const match = line.match(pattern);
        if (match) {
          child.stdout!.off("data", onData);
          resolve(match);
          return;
        }
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", (chunk) => (errors += String(chunk)));
    child.once("exit", (code) => reject(new Error(`process exited (${code}) before printing ${pattern}: ${errors}`)));
  });
}

/** The pid of a process that has already exited: a lock naming it is stale. */
export async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
  await new Promise((resolve) => child.on("exit", resolve));
  return child.pid!;
}

/** Lines a stack trace would print. */
export const stackLine = /^\s+at /m;
