/**
 * Production servers of the build in .next, each started fresh on its own copy of one seeded
 * database, with the query log on (lib/query-log.ts). A fresh process has nothing cached, whatever
 * the caching is made of (Next's "use cache", the proxy's memos, a cache kept in the database,
 * which a copy made before any page was served does not hold either), so its first request is a
 * cold render.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export type Server = { origin: string; stop(): Promise<void> };

type Place = { env: Record<string, string>; remove(): Promise<void> };

/** The demo archive seeded once; `fresh` starts a server on a copy of it. */
export type Archive = {
  fresh(): Promise<Server>;
  remove(): Promise<void>;
};

/**
 * Seeds the demo into a new database (PostgreSQL at DATABASE_URL, else the embedded one) through a
 * first server, which `explore` may ask for what the demo holds before it stops.
 */
export async function seededArchive(log: string, explore: (origin: string) => Promise<void>): Promise<Archive> {
  const serverUrl = process.env.DATABASE_URL;
  const template = serverUrl ? await newPostgres(serverUrl) : newEmbedded();
  try {
    const seeding = await startServer(template, log, "always");
    try {
      await explore(seeding.origin);
    } finally {
      await seeding.stop();
    }
  } catch (error) {
    await template.remove();
    throw error;
  }
  return {
    async fresh() {
      const copy = serverUrl ? await copyPostgres(serverUrl, template) : copyEmbedded(template);
      const server = await startServer(copy, log, "never").catch(async (error: unknown) => {
        await copy.remove();
        throw error;
      });
      return { origin: server.origin, stop: () => server.stop().finally(() => copy.remove()) };
    },
    remove: () => template.remove(),
  };
}

function newEmbedded(): Place {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "marginalia-queries-"));
  return {
    env: { DATA_DIR: dir, EMBEDDED_DATABASE: "1" },
    remove: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

function copyEmbedded(template: Place): Place {
  const copy = newEmbedded();
  fs.cpSync(template.env.DATA_DIR!, copy.env.DATA_DIR!, { recursive: true });
  return copy;
}

async function newPostgres(serverUrl: string, template?: Place): Promise<Place> {
  const name = `marginalia_queries_${randomBytes(6).toString("hex")}`;
  const from = template ? ` template ${new URL(template.env.DATABASE_URL!).pathname.slice(1)}` : "";
  await adminQuery(serverUrl, `create database ${name}${from}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    remove: () => adminQuery(serverUrl, `drop database if exists ${name} with (force)`),
  };
}

const copyPostgres = (serverUrl: string, template: Place) => newPostgres(serverUrl, template);

async function adminQuery(url: string, statement: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

async function startServer(place: Place, log: string, seed: "always" | "never"): Promise<Server> {
  const port = await freePort();
  const origin = `http://localhost:${port}`;
  const { DATABASE_URL: _url, DATA_DIR: _dir, EMBEDDED_DATABASE: _embedded, ...inherited } = process.env;
  const child = spawn("node_modules/.bin/next", ["start", "-p", String(port)], {
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...inherited,
      ...place.env,
      NODE_ENV: "production",
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      SITE_URL: origin,
      SEED_DEMO: seed,
      SEED_ADMIN_PASSWORD: randomBytes(18).toString("base64url"),
      NEXT_MANUAL_SIG_HANDLE: "1",
      MARGINALIA_QUERY_LOG: log,
    },
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited;
  };
  try {
    await ready(origin, () => child.exitCode !== null);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${output}`);
  }
  return { origin, stop };
}

/**
 * Waits until the server answers a request the proxy answers alone (a visitor sent from /admin to
 * sign in): that reads no database and renders nothing, so it warms nothing a page uses.
 */
async function ready(origin: string, exited: () => boolean) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (exited()) throw new Error("The server stopped before it was ready.");
    const status = await fetch(`${origin}/admin`, { redirect: "manual" }).then(
      (response) => response.status,
      () => 0,
    );
    if (status >= 300 && status < 400) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("The server was not ready within two minutes.");
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
