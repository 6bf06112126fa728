/**
 * The production server for the HTTP benchmarks: `next start` on a free port and a given database,
 * an editor signed in over HTTP as a browser would, and autocannon runs against it.
 */
import { spawn, spawnSync, type ChildProcess, type SpawnOptions } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import autocannon from "autocannon";
import { productionNodeOptions } from "../production-node-options";

const root = process.cwd();
export const nextBin = path.join(root, "node_modules/.bin/next");
/** The script behind nextBin, for running it under a Node with flags of its own. */
const nextScript = path.join(root, "node_modules/next/dist/bin/next");
const buildIdFile = path.join(root, ".next/BUILD_ID");

export function buildId(): string | null {
  try {
    return fs.readFileSync(buildIdFile, "utf8").trim();
  } catch {
    return null;
  }
}

// What `next build` compiles; db/migrations is read at run time, not built in.
const builtSources = [
  "app",
  "components",
  "lib",
  "modules",
  "db",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.ts",
  "env.ts",
];

/** Source files changed after the build in .next: the server runs the build, not them. */
export function sourcesNewerThanBuild(): string[] {
  let built: number;
  try {
    built = fs.statSync(buildIdFile).mtimeMs;
  } catch {
    return [];
  }
  const newer: string[] = [];
  const visit = (relative: string) => {
    const full = path.join(root, relative);
    const stat = fs.statSync(full, { throwIfNoEntry: false });
    if (!stat || relative === path.join("db", "migrations")) return;
    if (stat.isDirectory()) for (const entry of fs.readdirSync(full)) visit(path.join(relative, entry));
    else if (stat.mtimeMs > built) newer.push(relative);
  };
  builtSources.forEach(visit);
  return newer.sort();
}

/** Builds only when no build exists: another engineer may be rebuilding .next, which we then reuse. */
export function ensureBuild(): void {
  if (buildId()) return;
  console.log("No production build in .next: running next build…");
  const build = spawnSync(nextBin, ["build"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
  if (build.status !== 0) throw new Error(`next build failed (exit ${build.status})`);
}

/** A free port from the OS (never 3000 or 3210, which other engineers use). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => (port === 3000 || port === 3210 ? freePort().then(resolve, reject) : resolve(port)));
    });
  });
}

export type Server = {
  base: string;
  pid: number;
  stop(): Promise<void>;
  log(): string;
  /** Each distinct warning or error line the server logged, with how often: a benchmark reports them. */
  problems(): { line: string; count: number }[];
};

/** A PostgreSQL database's URL, or an embedded (PGlite) data folder no other process has open. */
export type ServerDatabase = string | { dataDir: string };

/**
 * Starts `next start` and waits until it answers. Retried a few times, because a `next build`
 * running elsewhere replaces .next under a starting server.
 */
export async function startServer(database: ServerDatabase, nodeArgs: string[] = []): Promise<Server> {
  const attempts = 3;
  let lastError: unknown;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      return await startOnce(database, nodeArgs);
    } catch (error) {
      lastError = error;
      console.warn(`The server did not start (attempt ${attempt} of ${attempts}): ${(error as Error).message}`);
      await waitForBuild(60_000);
    }
  }
  throw lastError;
}

async function waitForBuild(timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  await sleep(2_000);
  while (!buildId() && Date.now() < until) await sleep(1_000);
  ensureBuild();
}

async function startOnce(database: ServerDatabase, nodeArgs: string[]): Promise<Server> {
  return startNext({
    cwd: root,
    nodeArgs,
    env: (base) => ({
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      // An undefined variable is left out of the child's environment.
      ...(typeof database === "string"
        ? { DATABASE_URL: database }
        : { DATABASE_URL: undefined, EMBEDDED_DATABASE: "1", DATA_DIR: database.dataDir }),
      SITE_URL: base,
      SEED_DEMO: "never",
      // The app closes its database pool on SIGTERM itself.
      NEXT_MANUAL_SIG_HANDLE: "1",
    }),
    // The sign-in page: it renders, so "ready" includes the server's boot (database opened, migrated).
    readyPath: "/login",
  });
}

const problemLine = /\b(error|warn(ing)?|unexpected|failed)\b/i;

/** `next start` of the Next.js app in `cwd` on a free port, once `readyPath` answers 200. */
export async function startNext(options: {
  cwd: string;
  env: (base: string) => Record<string, string | undefined>;
  readyPath: string;
  /** Flags for Node itself that NODE_OPTIONS refuses (`--cpu-prof`). */
  nodeArgs?: string[];
}): Promise<Server> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const lines: string[] = [];
  // "localhost", not "127.0.0.1": Next.js writes the proxy's rewrites with "localhost" and, started
  // on the address, takes them for another server (README, "Production").
  const nextArgs = ["start", "-p", String(port), "-H", "localhost"];
  const spawnOptions: SpawnOptions = {
    cwd: options.cwd,
    // The flags of `npm start`, for Marginalia and the minimal page alike.
    env: { ...process.env, NODE_ENV: "production", NODE_OPTIONS: productionNodeOptions(), ...options.env(base) },
    stdio: ["ignore", "pipe", "pipe"],
  };
  const child: ChildProcess = options.nodeArgs?.length
    ? spawn(process.execPath, [...options.nodeArgs, nextScript, ...nextArgs], spawnOptions)
    : spawn(nextBin, nextArgs, spawnOptions);
  const problems = new Map<string, number>();
  const keep = (chunk: Buffer) => {
    const added = chunk.toString().split("\n").filter(Boolean);
    lines.push(...added);
    if (lines.length > 200) lines.splice(0, lines.length - 200);
    for (const line of added.filter((l) => problemLine.test(l))) {
      // Numbers (ids, times, ports) differ between occurrences of one problem.
      const key = line.replace(/\d+/g, "N").slice(0, 240);
      problems.set(key, (problems.get(key) ?? 0) + 1);
    }
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.on("exit", () => {
      exited = true;
      resolve();
    }),
  );
  const stop = async () => {
    if (exited) return;
    child.kill("SIGTERM");
    const killed = await Promise.race([exit.then(() => true), sleep(10_000).then(() => false)]);
    if (!killed) {
      child.kill("SIGKILL");
      await exit;
    }
  };
  const log = () => lines.join("\n");
  const problemList = () => [...problems].map(([line, count]) => ({ line, count }));

  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`next start exited before it answered:\n${log()}`);
    try {
      const response = await fetch(`${base}${options.readyPath}`, { signal: AbortSignal.timeout(5_000) });
      await response.arrayBuffer();
      if (response.ok) return { base, pid: child.pid!, stop, log, problems: problemList };
    } catch {
      // Not listening yet.
    }
    await sleep(200);
  }
  await stop();
  throw new Error(`next start did not answer within 60 s:\n${log()}`);
}

/** Signs in with the credentials provider as the sign-in form does; returns the Cookie header. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  if (!csrf.ok) throw new Error(`GET /api/auth/csrf answered ${csrf.status}`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = new Map<string, string>();
  const take = (response: Response) => {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const eq = pair!.indexOf("=");
      jar.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
  };
  const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  take(csrf);
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: header() },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${base}/admin/laws` }),
  });
  await response.arrayBuffer();
  take(response);
  const session = [...jar.keys()].find((name) => name.endsWith("marginalia.session"));
  if (!session) {
    throw new Error(
      `Sign-in failed: POST /api/auth/callback/credentials answered ${response.status} → ${response.headers.get("location")}`,
    );
  }
  return `${session}=${jar.get(session)}`;
}

export type LoadResult = {
  connections: number;
  requests: number;
  reqPerSec: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  mismatches: number;
  /** autocannon's own p97.5, from its histogram, as a cross-check of ours. */
  autocannonP97_5: number;
};

/**
 * One autocannon run. Percentiles are exact: computed from every response time autocannon
 * reports (its "response" event), not read off its histogram, which has p90 and p97.5 but no p95.
 */
export async function load(
  url: string,
  options: {
    connections: number;
    duration: number;
    cookie?: string;
    verifyBody: (body: string) => boolean;
    /** A new path for every request (to measure what a cache cannot answer); else the url's. */
    nextPath?: () => string;
  },
): Promise<LoadResult> {
  const times: number[] = [];
  const nextPath = options.nextPath;
  const instance = autocannon({
    url,
    ...(nextPath && {
      requests: [
        {
          setupRequest: (request: { path: string }) => {
            request.path = nextPath();
            return request;
          },
        },
      ],
    }),
    connections: options.connections,
    duration: options.duration,
    timeout: 30,
    headers: options.cookie ? { cookie: options.cookie } : {},
    verifyBody: options.verifyBody,
  });
  instance.on("response", (_client: unknown, _status: number, _bytes: number, ms: number) => times.push(ms));
  const result = await instance;
  times.sort((a, b) => a - b);
  return {
    connections: options.connections,
    // Counted from the responses: autocannon's result has no total of completed requests.
    requests: times.length,
    reqPerSec: result.requests.average,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    max: times.at(-1) ?? NaN,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    mismatches: result.mismatches,
    autocannonP97_5: result.latency.p97_5,
  };
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function sleep(ms: number) {
  return new Promise<void>((resolve) => setTimeout(resolve, ms));
}
