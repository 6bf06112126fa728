/**
 * Start-up: a production server that cannot run says why in one line a person can act on, with no
 * stack trace, and exits non-zero. Runs `next start` on the build the suite's web server made.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";

type Server = {
  child: ChildProcess;
  port: number;
  /** Settles with the exit code once the process has ended and all it wrote has been read. */
  closed: Promise<number | null>;
  stderr: () => string;
  stdout: () => string;
};

const started: Server[] = [];
const tempDirs: string[] = [];
const secret = "e2e-startup-secret-0123456789abcdefghijklmnopqrstuvwxyz";
const siteUrl = "https://archive.example.org";

test.afterEach(async () => {
  await Promise.all(started.splice(0).map(stop));
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function tempDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "marginalia-startup-"));
  tempDirs.push(dir);
  return dir;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** `next start` with the production environment given, and nothing inherited that could help it. */
async function startServer(vars: Record<string, string>): Promise<Server> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", NEXT_MANUAL_SIG_HANDLE: "1", ...vars };
  for (const name of ["AUTH_SECRET", "DATABASE_URL", "EMBEDDED_DATABASE", "SITE_URL", "SEED_ADMIN_PASSWORD"]) {
    if (!(name in vars)) delete env[name];
  }
  // Its own process group, so that stopping it also stops anything it spawned.
  const child = spawn("node_modules/.bin/next", ["start", "-p", String(port)], {
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let err = "";
  let out = "";
  child.stdout!.on("data", (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (err += chunk.toString()));
  const closed = new Promise<number | null>((resolve) => child.once("close", (code) => resolve(code)));
  const server = { child, port, closed, stderr: () => err, stdout: () => out };
  started.push(server);
  return server;
}

function exited(server: Server, timeoutMs: number): Promise<number | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the server did not exit within ${timeoutMs / 1000} s`)), timeoutMs);
  });
  return Promise.race([server.closed, timeout]).finally(() => clearTimeout(timer));
}

async function stop(server: Server): Promise<void> {
  const { child } = server;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // Already gone.
    }
  };
  signalGroup("SIGTERM");
  await exited(server, 10_000).catch(() => signalGroup("SIGKILL"));
}

async function expectRefusal(server: Server, prefix: string): Promise<string> {
  const code = await exited(server, 20_000);
  expect(code, `exit code; stderr:\n${server.stderr()}`).not.toBe(0);
  const lines = server.stderr().split("\n");
  const reasons = lines.filter((line) => line.startsWith(prefix));
  expect(reasons, `stderr:\n${server.stderr()}`).toHaveLength(1);
  expect(
    lines.filter((line) => /^\s+at\s/.test(line)),
    "stack trace lines",
  ).toEqual([]);
  return reasons[0]!;
}

async function waitUntilServing(server: Server, timeoutMs: number): Promise<void> {
  const serving = expect
    .poll(
      () =>
        fetch(`http://127.0.0.1:${server.port}/`).then(
          (response) => response.status,
          () => 0,
        ),
      { timeout: timeoutMs, message: "the first server serves /" },
    )
    .toBe(200);
  const died = server.closed.then((code) => {
    throw new Error(`the first server exited with ${code}:\n${server.stderr()}`);
  });
  await Promise.race([serving, died]);
}

test("production without AUTH_SECRET refuses to start", async () => {
  const server = await startServer({ DATA_DIR: tempDataDir() });
  await expectRefusal(server, "Marginalia cannot start: AUTH_SECRET is not set");
});

test("production without SITE_URL refuses to start, whatever a request's Host would say", async () => {
  const server = await startServer({ AUTH_SECRET: secret, EMBEDDED_DATABASE: "1", DATA_DIR: tempDataDir() });
  await expectRefusal(server, "Marginalia cannot start: SITE_URL is not set");
});

test("production without DATABASE_URL refuses to start unless the embedded database is chosen, and creates nothing", async () => {
  const dataDir = tempDataDir();
  const server = await startServer({ AUTH_SECRET: secret, SITE_URL: siteUrl, DATA_DIR: dataDir });
  const reason = await expectRefusal(server, "Marginalia cannot start: DATABASE_URL is not set");
  expect(reason).toContain("EMBEDDED_DATABASE=1");
  // No embedded database was opened, so no demo content and no admin password were made.
  expect(fs.readdirSync(dataDir)).toEqual([]);
  expect(server.stderr() + server.stdout()).not.toContain("first admin account");
});

test("an unreachable PostgreSQL stops the start with one line naming it", async () => {
  const server = await startServer({
    AUTH_SECRET: secret,
    SITE_URL: siteUrl,
    DATABASE_URL: "postgres://127.0.0.1:1/x",
    DATA_DIR: tempDataDir(),
  });
  const reason = await expectRefusal(server, "Marginalia cannot start:");
  expect(reason).toContain("127.0.0.1:1");
});

test("a second server on the same embedded database is refused, naming the first one's pid", async () => {
  test.setTimeout(90_000);
  const dataDir = tempDataDir();
  const embedded = { AUTH_SECRET: secret, SITE_URL: siteUrl, EMBEDDED_DATABASE: "1", DATA_DIR: dataDir };
  const first = await startServer(embedded);
  await waitUntilServing(first, 60_000);
  // A first start says what it is doing before each slow step, and how long each took.
  const said = first.stdout();
  const steps = [
    "Marginalia: opening the database and applying its migrations…",
    `Marginalia: using the embedded database in ${dataDir}`,
    "Marginalia: adding the demo content…",
    "Marginalia: demo content ready (",
  ].map((step) => said.indexOf(step));
  expect(steps, said).not.toContain(-1);
  expect(steps, said).toEqual([...steps].sort((a, b) => a - b));
  expect(said).toMatch(/ \(ready in \d+\.\d s\)/);

  const second = await startServer(embedded);
  const reason = await expectRefusal(second, "Marginalia cannot start:");
  expect(reason).toContain(`pid ${first.child.pid} `);
  expect(reason).toContain(dataDir);

  // The first server is untouched and still holds the folder.
  expect(first.child.exitCode).toBeNull();
  const holder = JSON.parse(fs.readFileSync(path.join(dataDir, "lock"), "utf8")) as { pid: number };
  expect(holder.pid).toBe(first.child.pid);
  expect((await fetch(`http://127.0.0.1:${first.port}/`)).status).toBe(200);
});
