import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3210);
// One random admin password per run, shared with the workers through the environment.
process.env.E2E_ADMIN_PASSWORD ??= randomBytes(18).toString("base64url");
// Where the server writes the draft-leak canaries it seeds, for e2e/draft-leak.spec.ts to read.
process.env.E2E_CANARY_FILE ??= path.join(os.tmpdir(), `marginalia-canaries-${randomBytes(6).toString("hex")}.json`);

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  // One server and one database for the run; journeys change shared state, so they run in order.
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [{ name: "desktop", use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 900 } } }],
  webServer: {
    command: "node_modules/.bin/tsx --conditions=react-server e2e/server.ts",
    // A page that reads the database, so "ready" includes opening and migrating it.
    url: `http://localhost:${port}/`,
    timeout: 300_000,
    reuseExistingServer: false,
    // SIGTERM lets e2e/server.ts close the database and remove what it made.
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    stdout: "pipe",
    stderr: "pipe",
    env: {
      E2E_PORT: String(port),
      E2E_ADMIN_PASSWORD: process.env.E2E_ADMIN_PASSWORD,
      E2E_CANARY_FILE: process.env.E2E_CANARY_FILE,
    },
  },
});
