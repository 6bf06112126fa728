/**
 * The framework's ceiling: the tiny app in scripts/bench/minimal-next/ (one static page of about
 * the law page's size), built with the repository's `next` into its own gitignored .next folder,
 * then served with `next start`. It is rebuilt only when its sources, its page size or `next` change.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { nextBin, startNext, type Server } from "./next-server";

const dir = path.join(process.cwd(), "scripts/bench/minimal-next");
const stampFile = path.join(dir, ".next/bench-stamp");

/** Builds the minimal app for a page of about `bytes` bytes (rounded to 10 KB) unless that build exists. */
export function ensureMinimalBuild(bytes: number): { bytes: number; built: boolean } {
  const rounded = Math.max(10_000, Math.round(bytes / 10_000) * 10_000);
  const stamp = stampOf(rounded);
  if (fs.existsSync(stampFile) && fs.readFileSync(stampFile, "utf8") === stamp) return { bytes: rounded, built: false };
  console.log(`[bench] building the minimal Next.js page (${(rounded / 1024).toFixed(0)} KB)…`);
  // Webpack, not Turbopack: Turbopack takes the repository (the nearest lockfile) as its
  // workspace and compiles the repository's instrumentation.ts into this app, which then fails.
  const build = spawnSync(nextBin, ["build", "--webpack"], {
    cwd: dir,
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", MINIMAL_PAGE_BYTES: String(rounded) },
  });
  if (build.status !== 0) throw new Error(`next build of ${dir} failed (exit ${build.status}):\n${build.stdout}`);
  fs.writeFileSync(stampFile, stamp);
  return { bytes: rounded, built: true };
}

export function startMinimalNext(nodeArgs: string[] = []): Promise<Server> {
  return startNext({ cwd: dir, env: () => ({ NEXT_TELEMETRY_DISABLED: "1" }), readyPath: "/", nodeArgs });
}

function stampOf(bytes: number): string {
  const hash = createHash("sha256");
  hash.update(String(bytes));
  hash.update(fs.readFileSync(path.join(process.cwd(), "node_modules/next/package.json")));
  for (const file of ["next.config.ts", "app/layout.tsx", "app/page.tsx"])
    hash.update(fs.readFileSync(path.join(dir, file)));
  return hash.digest("hex");
}
