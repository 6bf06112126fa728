/**
 * Starts the production server for the e2e suite on a database of its own: a temporary embedded
 * data folder, or a fresh database on the PostgreSQL server named by DATABASE_URL. It builds first
 * unless E2E_NO_BUILD=1 (CI builds once before), then seeds the demo and the draft-leak canaries
 * (their list goes to E2E_CANARY_FILE). Everything it made is removed when it stops.
 */
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { productionNodeOptions } from "../scripts/production-node-options";
import { createScratchDatabase } from "../tests/scratch";
import { serverLogPath } from "./server-log";
import { prepareCanaryDatabase } from "./canaries/prepare";

const port = process.env.E2E_PORT ?? "3210";
const serverUrl = process.env.DATABASE_URL;
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "production",
  AUTH_SECRET: randomBytes(32).toString("base64url"),
  SITE_URL: `http://localhost:${port}`,
  SEED_DEMO: "always",
  SEED_ADMIN_PASSWORD: process.env.E2E_ADMIN_PASSWORD,
  NEXT_MANUAL_SIG_HANDLE: "1",
  // Source capture fetches pages from servers the specs start on this machine.
  CAPTURE_PRIVATE_NETWORK: "1",
};

let cleanup = async () => {};

if (serverUrl) {
  const scratch = await createScratchDatabase(serverUrl, "marginalia_e2e");
  env.DATABASE_URL = scratch.url;
  cleanup = scratch.drop;
} else {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "marginalia-e2e-"));
  env.DATA_DIR = dir;
  // The seeding below runs in this process: the demo's document goes to the server's file store.
  process.env.DATA_DIR = dir;
  env.EMBEDDED_DATABASE = "1";
  delete env.DATABASE_URL;
  cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
}

if (process.env.E2E_NO_BUILD !== "1") {
  const build = spawnSync("node_modules/.bin/next", ["build"], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (build.status !== 0) {
    await cleanup();
    process.exit(build.status ?? 1);
  }
}

// The hostile content goes in first, the demo after it (below, or at boot): the demo stays the
// latest published, as the reader journeys expect.
const hostileSeeded = spawnSync("node_modules/.bin/tsx", ["--conditions=react-server", "e2e/seed.ts"], {
  stdio: "inherit",
  env,
});
if (hostileSeeded.status !== 0) {
  await cleanup();
  process.exit(hostileSeeded.status ?? 1);
}

const canaryFile = process.env.E2E_CANARY_FILE;
if (canaryFile) {
  const removeDatabase = cleanup;
  cleanup = async () => {
    fs.rmSync(canaryFile, { force: true });
    await removeDatabase();
  };
  const seeded = await prepareCanaryDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.DATA_DIR,
    adminEmail: env.ADMIN_EMAIL ?? "admin@marginalia.local",
    adminPassword: env.SEED_ADMIN_PASSWORD,
    canaryFile,
  }).catch(async (error: unknown) => {
    console.error("Seeding the draft-leak canaries failed:", error);
    await cleanup();
    process.exit(1);
  });
  console.log(`e2e: ${seeded} draft-leak canaries seeded`);
}

// Playwright's request contexts and browsers keep a connection idle between steps for longer than
// Node's 5 s: a request sent on one just as the server closes it fails with ECONNRESET.
const server = spawn("node_modules/.bin/next", ["start", "-p", port, "--keepAliveTimeout", "120000"], {
  stdio: ["inherit", "pipe", "pipe"],
  env: { ...env, NODE_OPTIONS: productionNodeOptions(env) },
});
// Specs read what the server logged (e2e/server-log.ts): a bad request must not log an error.
const log = fs.createWriteStream(serverLogPath(port));
server.stdout.on("data", (chunk: Buffer) => (process.stdout.write(chunk), log.write(chunk)));
server.stderr.on("data", (chunk: Buffer) => (process.stderr.write(chunk), log.write(chunk)));
let stopping = false;
const stop = (signal: NodeJS.Signals) => {
  if (stopping) return;
  stopping = true;
  server.kill(signal);
};
process.on("SIGINT", () => stop("SIGINT"));
process.on("SIGTERM", () => stop("SIGTERM"));
server.on("exit", async (code) => {
  await cleanup().catch((error: unknown) => console.error("e2e cleanup failed:", error));
  process.exit(stopping ? 0 : (code ?? 1));
});
