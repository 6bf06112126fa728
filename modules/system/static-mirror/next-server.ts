import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

/**
 * The production server the exporter starts when it is not given one (`--url`): `next start` on a
 * free port of localhost, with the current environment, so the mirror shows what the site would.
 */
export type StartedServer = { url: URL; stop(): Promise<void> };

export class ServerStartError extends Error {}

export async function startProductionServer(root: string, nodeOptions: string): Promise<StartedServer> {
  if (!fs.existsSync(path.join(root, ".next", "BUILD_ID")))
    throw new ServerStartError(
      "There is no production build: run `npm run build` first, or pass --url with the address of a running site.",
    );
  const port = await freePort();
  const child = spawn(
    path.join(root, "node_modules", ".bin", "next"),
    ["start", "-p", String(port), "-H", "localhost"],
    {
      cwd: root,
      env: { ...process.env, NODE_ENV: "production", NEXT_MANUAL_SIG_HANDLE: "1", NODE_OPTIONS: nodeOptions },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited;
  };
  const url = new URL(`http://localhost:${port}`);
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new ServerStartError(startFailure(output));
    if (Date.now() > deadline) {
      await stop();
      throw new ServerStartError(`The server did not answer within 3 minutes.\n${output.trim()}`);
    }
    const ready = await fetch(new URL("/sitemap.xml", url), { signal: AbortSignal.timeout(30_000) })
      .then((response) => response.status === 200)
      .catch(() => false);
    if (ready) return { url, stop };
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

function startFailure(output: string): string {
  if (/is in use by another process/.test(output))
    return "The embedded database is in use by the running app: export that app instead, with --url and its address (such as --url http://localhost:3000).";
  return `The server stopped before it answered:\n${output.trim()}`;
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
