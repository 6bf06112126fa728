#!/usr/bin/env node
// `npm test`: unit and integration tests (vitest), then end-to-end tests in Chromium (Playwright).
// Both run on the embedded database, or on PostgreSQL when DATABASE_URL is set.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";

const run = (command, args) => {
  const { status } = spawnSync(command, args, { stdio: "inherit" });
  if (status !== 0) process.exit(status ?? 1);
};

run("node_modules/.bin/vitest", ["run"]);
ensureChromium();
run("node_modules/.bin/playwright", ["test"]);

function ensureChromium() {
  const path = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (fs.existsSync(path)) return;
  const isRoot = process.getuid?.() === 0;
  const hasApt = fs.existsSync("/usr/bin/apt-get");
  if (isRoot && hasApt) {
    console.log("Chromium is missing: installing Debian's chromium package for the end-to-end tests…");
    execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    execFileSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "chromium"], {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
    if (fs.existsSync(path)) return;
  }
  console.error(
    [
      `The end-to-end tests need Chromium, and none was found at ${path}.`,
      "Install it, then run npm test again:",
      "  Debian/Ubuntu: sudo apt-get install chromium",
      "  macOS:         brew install --cask chromium   (then CHROMIUM_PATH=/Applications/Chromium.app/Contents/MacOS/Chromium)",
      "Or point CHROMIUM_PATH at any Chromium or Chrome binary.",
    ].join("\n"),
  );
  process.exit(1);
}
