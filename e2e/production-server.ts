/** Production servers of the build in .next, started by a spec that needs its own. */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import net from "node:net";
import { productionNodeOptions } from "../scripts/production-node-options";

export type Server = { origin: string; stop(): Promise<void> };

/**
 * Starts `next start` of the build in .next on a database of its own choosing (`database`: DATA_DIR
 * and EMBEDDED_DATABASE, or DATABASE_URL), as a production server with a fresh secret, and waits
 * until it answers. `queryLog` turns the query log on (lib/query-log.ts).
 */
export async function startServer(
  database: Record<string, string>,
  { seed, queryLog }: { seed: "always" | "never"; queryLog?: string },
): Promise<Server> {
  const port = await freePort();
  const origin = `http://localhost:${port}`;
  const { DATABASE_URL: _url, DATA_DIR: _dir, EMBEDDED_DATABASE: _embedded, ...inherited } = process.env;
  const child = spawn("node_modules/.bin/next", ["start", "-p", String(port)], {
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...inherited,
      ...database,
      NODE_ENV: "production",
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      SITE_URL: origin,
      SEED_DEMO: seed,
      ...(queryLog ? { MARGINALIA_QUERY_LOG: queryLog } : {}),
      SEED_ADMIN_PASSWORD: randomBytes(18).toString("base64url"),
      NEXT_MANUAL_SIG_HANDLE: "1",
      NODE_OPTIONS: productionNodeOptions(inherited),
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
