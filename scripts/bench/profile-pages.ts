/**
 * Where the CPU goes when a stored public page is served, beside the minimal prerendered Next.js
 * page: each target, and the minimal page, served by its own `next start` under `node --cpu-prof`,
 * warmed, loaded, and its profile's samples from the load summed per request (cpu-profile.ts). The
 * profile that says why a page type stays below the minimal page's rate. A benchmark, never a test.
 *
 *   DATABASE_URL=postgres://… node --max-http-header-size=262144 --conditions=react-server --import tsx scripts/bench/profile-pages.ts [--target name=/path …]
 *
 * The database must already hold what `npm run bench:public -- --database-ready` adds (the demo
 * content and the law with 200 annotations). Without `--target`, it profiles the page types that
 * bench:public reports furthest below the minimal page.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { describeError } from "@/lib/describe-error";
import { cleanup, cleanupOnSignals, onCleanup } from "./cleanup";
import { profileOf, summarize, type ProfileSummary } from "./cpu-profile";
import { ensureMinimalBuild, startMinimalNext } from "./minimal-next";
import { ensureBuild, load, startServer, type Server } from "./next-server";
import { addresses, checkTargets, defaultTargets, targetFromOption, verifier, type Target } from "./public-targets";

const profiled = [
  "law page",
  "law page, 200 annotations",
  "laws index",
  "laws index, filtered",
  "jurisdiction page",
  "search, Latin",
  "Atom feed",
  "sitemap",
  "annotations API",
];

const args = parseArgs({
  options: {
    target: { type: "string", multiple: true },
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "32" },
    warmup: { type: "string", default: "3" },
    "keep-profiles": { type: "boolean", default: false },
  },
  strict: true,
}).values;

async function main() {
  cleanupOnSignals();
  const database = process.env.DATABASE_URL ?? (process.env.DATA_DIR && { dataDir: process.env.DATA_DIR });
  if (!database) throw new Error("Name a seeded database: DATABASE_URL=postgres://… or DATA_DIR=<PGlite folder>");
  const settings = {
    duration: Number(args.duration),
    connections: Number(args.connections),
    warmup: Number(args.warmup),
  };
  ensureBuild();
  const chosen = args.target
    ? args.target.map((t) => targetFromOption(t) ?? fail(`--target ${t}: expected name=/path or /path`))
    : defaultTargets.filter((t) => profiled.includes(t.name));

  const finder = await startServer(database);
  const { targets, missing } = await checkTargets(finder.base, chosen).finally(() => finder.stop());
  for (const m of missing) console.log(`[profile] ${m.name}: ${m.why}, skipped`);
  const law = targets.find((t) => t.name === "law page");
  const minimal = ensureMinimalBuild(law?.bytes ?? 50_000);
  const minimalTarget: Target = { name: "minimal Next.js page", path: "/", markers: [], html: false };

  const results: { target: Target; reqPerSec: number; summary: ProfileSummary }[] = [];
  results.push(await profileOne(minimalTarget, startMinimalNext, settings));
  for (const target of targets)
    results.push(await profileOne(target, (nodeArgs) => startServer(database, nodeArgs), settings));

  console.log(`\n${report(results, settings, minimal.bytes)}\n`);
}

/** One server under the profiler: warmed, loaded, stopped; its samples from the load only. */
async function profileOne(
  target: Target,
  start: (nodeArgs: string[]) => Promise<Server>,
  settings: { duration: number; connections: number; warmup: number },
) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "marginalia-cpu-prof-"));
  if (args["keep-profiles"]) console.log(`[profile] ${target.name}: profiles kept in ${dir}`);
  else onCleanup(`remove ${dir}`, async () => fs.rmSync(dir, { recursive: true, force: true }));
  const server = await start(["--cpu-prof", `--cpu-prof-dir=${dir}`]);
  const address = addresses(target, server.base);
  const url = new URL(address.first, server.base).href;
  const options = { connections: settings.connections, verifyBody: verifier(target), nextPath: address.next };
  await load(url, { ...options, duration: settings.warmup });
  const started = performance.now();
  const run = await load(url, { ...options, duration: settings.duration });
  const ended = performance.now();
  await server.stop();
  const stopped = performance.now();
  if (run.non2xx + run.errors + run.mismatches > 0)
    throw new Error(`${target.path}: ${run.non2xx} non-2xx, ${run.errors} errors, ${run.mismatches} wrong pages`);
  const summary = summarize(
    profileOf(dir, server.pid),
    { startBeforeEndMs: stopped - started, endBeforeEndMs: stopped - ended },
    run.requests,
  );
  console.log(
    `[profile] ${target.name}: ${run.reqPerSec.toFixed(0)} req/s, ${summary.perRequestUs.toFixed(0)} µs of CPU per request`,
  );
  return { target, reqPerSec: run.reqPerSec, summary };
}

function report(
  results: { target: Target; reqPerSec: number; summary: ProfileSummary }[],
  settings: { duration: number; connections: number },
  minimalBytes: number,
): string {
  const partNames = [...new Set(results.flatMap((r) => r.summary.parts.map((p) => p.part)))];
  const us = (n: number | undefined) => (n === undefined ? "–" : Math.round(n).toLocaleString("en"));
  return [
    `## Where a request's CPU goes (µs per request, ${settings.connections} connections, ${settings.duration} s each, under --cpu-prof)`,
    "",
    `Each column is its own \`next start\`, loaded alone; the minimal page is ${(minimalBytes / 1024).toFixed(0)} KB. The profiler slows every server alike; compare the columns, not these req/s with bench:public's.`,
    "",
    `| part | ${results.map((r) => r.target.name).join(" | ")} |`,
    `| --- | ${results.map(() => "---:").join(" | ")} |`,
    `| **req/s under the profiler** | ${results.map((r) => r.reqPerSec.toFixed(0)).join(" | ")} |`,
    `| **CPU per request** | ${results.map((r) => us(r.summary.perRequestUs)).join(" | ")} |`,
    ...partNames.map(
      (part) => `| ${part} | ${results.map((r) => us(r.summary.parts.find((p) => p.part === part)?.us)).join(" | ")} |`,
    ),
    "",
    ...results.flatMap((r) => [
      `### ${r.target.name} (${r.target.path}): the functions that took most`,
      "",
      ...r.summary.functions.map((f) => `- ${us(f.us)} µs \`${f.name}\``),
      "",
    ]),
  ].join("\n");
}

function fail(message: string): never {
  throw new Error(message);
}

main()
  .catch((error: unknown) => {
    console.error(`profile-pages failed: ${describeError(error)}`);
    process.exitCode = 1;
  })
  .finally(() => cleanup());
