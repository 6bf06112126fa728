/**
 * How fast readers are served (issues 5 and 13), from a production build, in one run beside the
 * two ceilings: nginx serving a saved copy of the law page, and a minimal prerendered Next.js page.
 * Each public page type cached, uncached (the first request after a publication) and while an
 * editor publishes every few seconds; the server's memory; publish → visible. A benchmark, never
 * a test.
 *
 *   node --max-http-header-size=262144 --conditions=react-server --import tsx scripts/bench/public-pages.ts [--laws 10000] [--target name=/path …]
 *
 * Everything it starts or makes is stopped or removed at the end, also on failure or Ctrl-C.
 * See scripts/bench/README.md.
 */
import fs from "node:fs";
import { parseArgs } from "node:util";
import { describeError } from "@/lib/describe-error";
import { benchPagesLoader, syntheticLawsLoader } from "./archive-loader";
import { benchDatabase } from "./bench-database";
import { startCeilings } from "./ceilings";
import { cleanup, cleanupOnSignals, onCleanup } from "./cleanup";
import { coldRequests, expireAllOn } from "./cold-requests";
import { machineLine } from "./machine";
import { failed, logRun, measure, type Run } from "./measure";
import { buildId, ensureBuild, load, sourcesNewerThanBuild, startServer, type Server } from "./next-server";
import {
  addresses,
  checkTargets,
  defaultTargets,
  targetFromOption,
  verifier,
  type CheckedTarget,
} from "./public-targets";
import { startPublishLoop } from "./publish-loop";
import { publishToVisible } from "./publish-visible";
import { httpPublisher, setUpPublisher } from "./publisher";
import { renderReport, type Ceilings, type PageRun, type Report } from "./report";
import { sampleRss } from "./rss";

const usage = `Usage: node --max-http-header-size=262144 --conditions=react-server --import tsx scripts/bench/public-pages.ts [options]
  --laws N            synthetic laws added to the demo content, about 65% published (default 10000; 0 = demo only)
  --database-ready    use the database DATABASE_URL (or DATA_DIR, on PGlite) names as it is, already seeded
  --target T          a page to measure, as name=/path or /path; repeatable (default: every public page type)
  --duration S        seconds per autocannon run (default 10)
  --connections N     concurrent connections for the loaded runs (default 32; a 1-connection run follows each cached one)
  --warmup S          seconds of untimed load before each page's cached runs (default 3)
  --ceilings-every N  measure nginx and the minimal page again after every N pages (default 4)
  --cold-rounds N     first requests after a publication, per page type (default 3)
  --visible-rounds N  publications timed from commit to visible (default 5)
  --publish-every S   seconds between an editor's publications during the publishing runs (default 3)
  --out FILE          also write the Markdown report to FILE
With DATABASE_URL=postgres://… the database is a scratch database on that server (or that database
with --database-ready); otherwise a temporary PGlite data folder (the embedded default).`;

const args = (() => {
  try {
    return parseArgs({
      options: {
        laws: { type: "string", default: "10000" },
        "database-ready": { type: "boolean", default: false },
        target: { type: "string", multiple: true },
        duration: { type: "string", default: "10" },
        connections: { type: "string", default: "32" },
        warmup: { type: "string", default: "3" },
        "ceilings-every": { type: "string", default: "4" },
        "cold-rounds": { type: "string", default: "3" },
        "visible-rounds": { type: "string", default: "5" },
        "publish-every": { type: "string", default: "3" },
        out: { type: "string" },
        help: { type: "boolean", default: false },
      },
      strict: true,
    }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    process.exit(2);
  }
})();
if (args.help) {
  console.log(usage);
  process.exit(0);
}

function fail(message: string): never {
  console.error(`${message}\n${usage}`);
  process.exit(2);
}
const count = (name: string, min: number) => {
  const n = Number(args[name as keyof typeof args]);
  if (!Number.isInteger(n) || n < min) fail(`--${name} must be a whole number of at least ${min}.`);
  return n;
};
const settings = {
  laws: count("laws", 0),
  duration: count("duration", 1),
  connections: count("connections", 1),
  warmup: count("warmup", 0),
  ceilingsEvery: count("ceilings-every", 1),
  coldRounds: count("cold-rounds", 0),
  visibleRounds: count("visible-rounds", 0),
  publishEvery: count("publish-every", 1),
  targets: args.target?.length
    ? args.target.map((t) => targetFromOption(t) ?? fail(`--target ${t}: the path must start with "/".`))
    : defaultTargets,
};
const serverUrl = process.env.DATABASE_URL || undefined;
if (serverUrl && !/^postgres(ql)?:\/\//.test(serverUrl))
  fail("DATABASE_URL must be a postgres:// URL, or unset for PGlite.");

const log = (line: string) => console.log(`[bench] ${line}`);
// What the server said last, for a failure that is the server's.
let serverLog: (() => string) | undefined;
cleanupOnSignals();
try {
  await main();
} catch (error) {
  console.error(`Benchmark failed: ${describeError(error)}`);
  if (error instanceof Error && error.stack) console.error(error.stack);
  if (serverLog) console.error(`The server's last lines:\n${serverLog().split("\n").slice(-40).join("\n")}`);
  process.exitCode = 1;
} finally {
  await cleanup();
}

async function main() {
  const started = Date.now();
  const atStart = machineLine();
  log(atStart);

  // 1. The database, and the editor's accounts and law, written before the server opens it.
  const prepared = await benchDatabase({
    serverUrl,
    ready: args["database-ready"],
    load: syntheticLawsLoader(settings.laws),
    complete: benchPagesLoader,
    alsoWithOpen: setUpPublisher,
  });
  log(prepared.description);

  // 2. The production server, its memory sampled from now on, and the editor signed in.
  ensureBuild();
  const buildUsed = buildId();
  const staleSources = sourcesNewerThanBuild();
  if (staleSources.length) log(`WARNING: ${staleSources.length} source file(s) changed after this build`);
  const server: Server = await startServer(prepared.server);
  serverLog = server.log;
  onCleanup("stop the server", () => server.stop());
  const rss = sampleRss(server.pid, 500);
  log(`next start (pid ${server.pid}) at ${server.base}, build ${buildUsed}`);
  const publisher = await httpPublisher(server.base, prepared.also);

  // 3. The pages this build and archive have, each checked once.
  const { targets, missing } = await checkTargets(server.base, settings.targets);
  if (!targets.length) throw new Error("None of the targets exists on this build");

  // 4. The ceilings: nginx with the law page's HTML, the minimal Next.js page of about its size.
  const lawPage = targets.find((t) => t.name === "law page") ?? targets.find((t) => t.html) ?? targets[0]!;
  const ceilingServers = await startCeilings(lawPage.body);
  log(ceilingServers.describe);
  const beforeRuns = machineLine(prepared.dbName);
  log(beforeRuns);

  const ceilings: Ceilings[] = [];
  const pageRun = async (target: CheckedTarget, connections: number): Promise<Run> => {
    const address = addresses(target, server.base);
    const run = await measure(new URL(address.first, server.base).href, {
      connections,
      duration: settings.duration,
      verifyBody: verifier(target),
      nextPath: address.next,
      serverPid: server.pid,
      dbName: prepared.dbName,
    });
    logRun(target.path.slice(0, 60), run);
    return run;
  };
  // A, B, A, B: the ceilings again after every few pages, so that each page's ratio compares runs
  // made minutes apart at most, whatever else the machine did meanwhile.
  const interleaved = async (each: (target: CheckedTarget, ceilingsBefore: number) => Promise<void>) => {
    const measureCeilings = async () =>
      ceilings.push(await ceilingServers.measure({ connections: settings.connections, duration: settings.duration }));
    await measureCeilings();
    for (const [i, target] of targets.entries()) {
      await each(target, ceilings.length - 1);
      if ((i + 1) % settings.ceilingsEvery === 0 || i === targets.length - 1) await measureCeilings();
    }
  };

  // 5. Cached: warmed up, then loaded and at one connection.
  log("Cached pages:");
  await ceilingServers.warm(settings.warmup);
  const cached: PageRun[] = [];
  await interleaved(async (target, ceilingsBefore) => {
    const address = addresses(target, server.base);
    if (settings.warmup)
      await load(new URL(address.first, server.base).href, {
        connections: 8,
        duration: settings.warmup,
        verifyBody: verifier(target),
        nextPath: address.next,
      });
    for (const connections of [...new Set([settings.connections, 1])])
      cached.push({ ...target, run: await pageRun(target, connections), ceilingsBefore });
  });

  // 6. Uncached: the first request of each page type after a publication.
  log(`Uncached pages (${settings.coldRounds} rounds):`);
  const expireAll = typeof prepared.server === "string" ? expireAllOn(prepared.server) : undefined;
  const coldTimes = await coldRequests(server.base, publisher, targets, settings.coldRounds, expireAll);
  const cold = targets.map((t) => ({ name: t.name, path: t.path, times: coldTimes.get(t.name)! }));
  for (const c of cold)
    log(
      `  ${c.path.slice(0, 60)}: ${c.times.map((t) => `${t.ms.toFixed(0)}${t.stored ? " (stored)" : ""}`).join(", ")} ms`,
    );

  // 7. Publish → visible, on a server otherwise idle.
  const visible = await publishToVisible(server.base, publisher, settings.visibleRounds);
  log(
    `Publish → visible: ${visible.map((v) => v.afterAnswerMs.toFixed(0)).join(", ")} ms after the publish action answered`,
  );

  // 8. Loaded while an editor publishes every few seconds.
  log(`While an editor publishes every ${settings.publishEvery} s:`);
  const publishing: PageRun[] = [];
  await interleaved(async (target, ceilingsBefore) => {
    const loop = startPublishLoop(publisher, settings.publishEvery * 1000);
    const run = await pageRun(target, settings.connections);
    const made = await loop.stop();
    if (made.failures.length) throw new Error(`Publishing during the run failed: ${made.failures[0]}`);
    publishing.push({ ...target, run, ceilingsBefore, publications: made.publications });
  });

  const memory = rss.stop();
  const report: Report = {
    started,
    machine: { atStart, beforeRuns, atEnd: machineLine(prepared.dbName) },
    data: prepared.description,
    settings,
    expiresAll: expireAll !== undefined,
    nginx: { version: ceilingServers.nginxVersion, bytes: lawPage.bytes },
    minimalBytes: ceilingServers.minimalBytes,
    dbName: prepared.dbName,
    ceilings,
    cached,
    cold,
    publishing,
    visible,
    rss: memory,
    missing,
    serverProblems: server.problems(),
    build: { id: buildUsed, changed: buildId() !== buildUsed, staleSources: staleSources.length },
  };
  const text = renderReport(report);
  console.log(`\n${text}\n`);
  if (args.out) fs.writeFileSync(args.out, `${text}\n`);

  const runs = [
    ...ceilings.flatMap((c) => [c.nginx, c.minimal]),
    ...cached.map((c) => c.run),
    ...publishing.map((p) => p.run),
  ];
  const failures = runs.filter(failed);
  if (failures.length) throw new Error(`${failures.length} run(s) had non-2xx answers, errors or wrong pages`);
}
