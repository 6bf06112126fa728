/**
 * How long the admin list of laws takes with 100,000 laws (issue 3; DESIGN.md's target: an admin
 * list page p95 under 200 ms). A benchmark, never a test: it is not part of `npm test` or CI.
 *
 *   DATABASE_URL=postgres://… node --conditions=react-server --import tsx scripts/bench/admin-lists.ts [--laws 100000]
 *
 * On the PostgreSQL server named by DATABASE_URL it creates a scratch database, migrates it, loads
 * a synthetic archive, then measures listLaws directly (the query alone) and the /admin/laws page
 * end to end (production server, signed-in editor, autocannon), prints a Markdown report, and
 * drops the scratch database, also on failure or Ctrl-C. See scripts/bench/README.md.
 */
import fs from "node:fs";
import os from "node:os";
import { parseArgs } from "node:util";
import { drizzle } from "drizzle-orm/node-postgres";
import { openDatabase, type Database, type Db } from "@/db/client";
import { migrate } from "@/db/migrate";
import * as schema from "@/db/schema";
import { describeError } from "@/lib/describe-error";
import { commandLineActor, type Ctx } from "@/modules/auth/context";
import { encodeCursor } from "@/modules/content/cursor";
import { listLaws } from "@/modules/laws/list";
import { createUser } from "@/modules/users/create";
import { createScratchDatabase } from "@/tests/scratch";
import { backendsOf, cpuSnapshot, cpuUsage, machineLine } from "./machine";
import {
  buildId,
  ensureBuild,
  load,
  percentile,
  signIn,
  sourcesNewerThanBuild,
  startServer,
  type LoadResult,
  type Server,
} from "./next-server";
import { facetJurisdictions, probe, seedSyntheticArchive } from "./synthetic-archive";

const usage = `Usage: DATABASE_URL=postgres://… node --conditions=react-server --import tsx scripts/bench/admin-lists.ts [options]
  --laws N          laws in the synthetic archive (default 100000)
  --runs N          timed runs per listLaws case (default 30, after 3 untimed)
  --duration S      seconds per autocannon run (default 10)
  --connections N   concurrent connections for the loaded runs (default 32; a 1-connection run follows each)
  --explain-ms MS   EXPLAIN ANALYZE every listLaws case whose median is above MS (default 50; 0 = all)
  --no-http         measure listLaws only (no production server)
  --keep            keep the scratch database at the end (for EXPLAIN experiments) and print its URL
  --out FILE        also write the Markdown report to FILE`;

const args = (() => {
  try {
    return parseArgs({
      options: {
        laws: { type: "string", default: "100000" },
        runs: { type: "string", default: "30" },
        duration: { type: "string", default: "10" },
        connections: { type: "string", default: "32" },
        "explain-ms": { type: "string", default: "50" },
        "no-http": { type: "boolean", default: false },
        keep: { type: "boolean", default: false },
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

const serverUrl = process.env.DATABASE_URL;
if (!serverUrl || !/^postgres(ql)?:\/\//.test(serverUrl)) {
  console.error(
    "DATABASE_URL must name a PostgreSQL server (postgres://…): this benchmark loads a database, which the embedded PGlite is not for.\n" +
      "For a throwaway server: source .ci/postgres.sh && pg_throwaway_start && DATABASE_URL=$PG_THROWAWAY_URL node --conditions=react-server --import tsx scripts/bench/admin-lists.ts; pg_throwaway_stop",
  );
  process.exit(2);
}

const count = (name: string, value: string | undefined, min: number) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) {
    console.error(`--${name} must be a whole number of at least ${min}.\n${usage}`);
    process.exit(2);
  }
  return n;
};
const settings = {
  laws: count("laws", args.laws, 1_000),
  runs: count("runs", args.runs, 1),
  duration: count("duration", args.duration, 1),
  connections: count("connections", args.connections, 1),
  explainMs: count("explain-ms", args["explain-ms"], 0),
  http: !args["no-http"],
};

// Everything made is undone in reverse order: on success, on failure and on Ctrl-C.
const undo: { label: string; run: () => Promise<void> }[] = [];
let cleaning: Promise<void> | undefined;
function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    while (undo.length) {
      const step = undo.pop()!;
      await step
        .run()
        .catch((error: unknown) => console.error(`Cleanup (${step.label}) failed: ${describeError(error)}`));
    }
  })();
  return cleaning;
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping the server and dropping the scratch database…`);
    void cleanup().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  });
}

const ms = (n: number) => (Number.isFinite(n) ? (n < 10 ? n.toFixed(1) : Math.round(n).toString()) : "–");
const log = (line: string) => console.log(`[bench] ${line}`);

type DomainCase = { name: string; input: Record<string, unknown>; note?: string };
type DomainResult = DomainCase & {
  rows: number;
  matching: number;
  p50: number;
  p95: number;
  max: number;
  sql: Captured;
};
type Captured = { sql: string; params: unknown[] };
type HttpCase = { name: string; path: string; empty?: boolean };
type HttpResult = HttpCase & { runs: (LoadResult & { cpu: Record<string, number> })[]; bytes: number };

const machineAtStart = machineLine();
let keptLogin = "";
const report: string[] = [];

try {
  await main();
} catch (error) {
  console.error(`Benchmark failed: ${describeError(error)}`);
  if (error instanceof Error && error.stack) console.error(error.stack);
  process.exitCode = 1;
} finally {
  await cleanup();
}

async function main() {
  const started = Date.now();
  log(machineAtStart);

  // 1. A scratch database with the synthetic archive.
  const scratch = await createScratchDatabase(serverUrl!, "marginalia_bench");
  undo.push({
    label: "drop the scratch database",
    run: args.keep
      ? async () => console.log(`[bench] kept the scratch database: ${scratch.url} (editor ${keptLogin})`)
      : scratch.drop,
  });
  const dbName = new URL(scratch.url).pathname.slice(1);
  log(`scratch database ${dbName}`);
  const database: Database = await openDatabase({ databaseUrl: scratch.url });
  undo.push({ label: "close the pool", run: () => database.close() });
  await migrate(database);

  let captured: Captured | null = null;
  // The same pool and options as the app's, plus a logger that keeps the last statement for EXPLAIN.
  const db = drizzle(database.pool!, {
    schema,
    casing: "snake_case",
    logger: { logQuery: (sql, params) => (captured = { sql, params }) },
  }) as unknown as Db;

  const { user: editor, password } = await createUser(
    { db, actor: commandLineActor },
    { email: "bench-editor@marginalia.local", name: "Bench Editor", role: "editor" },
  );
  keptLogin = `${editor.email}, password ${password}`;
  const ctx: Ctx = { db, actor: { id: editor.id, email: editor.email, name: editor.name, role: editor.role } };

  const seedStarted = Date.now();
  const seeded = await seedSyntheticArchive(database.pool!, { count: settings.laws, createdById: editor.id });
  const seedSeconds = (Date.now() - seedStarted) / 1000;
  const { rows: sizeRows } = await database.pool!.query<{ size: string; version: string }>(
    "select pg_size_pretty(pg_database_size(current_database())) as size, current_setting('server_version') as version",
  );
  log(
    `seeded ${seeded.laws} laws, ${seeded.titles} titles, ${seeded.identifiers} identifiers in ${seedSeconds.toFixed(1)} s (rows ${(seeded.timings.insert / 1000).toFixed(1)} s, trigram indexes ${(seeded.timings.indexes / 1000).toFixed(1)} s, VACUUM ANALYZE ${(seeded.timings.vacuum / 1000).toFixed(1)} s); database ${sizeRows[0]!.size}`,
  );

  // 2. listLaws directly: the query and its mapping, without HTTP or rendering.
  const follow = async (input: Record<string, unknown>, pages: number) => {
    let after: string | undefined;
    for (let i = 0; i < pages; i++) {
      const page = await listLaws(ctx, { ...input, after });
      if (!page.nextAfter) break;
      after = page.nextAfter;
    }
    return after;
  };
  const middle = Math.floor(settings.laws / 2);
  const { rows: middleRows } = await database.pool!.query<{ key: string; id: number }>(
    `select to_char(updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as key, id
     from laws order by updated_at desc, id desc offset $1 limit 1`,
    [middle - 1],
  );
  const cursorAt20 = await follow({}, 20);
  const cases: DomainCase[] = [
    { name: "first page (recently changed)", input: {} },
    { name: "page 21 (cursor followed 20 pages)", input: { after: cursorAt20 } },
    {
      name: `row ${middle.toLocaleString("en")} (cursor from the data)`,
      input: { after: encodeCursor(middleRows[0]!.key, middleRows[0]!.id) },
    },
    { name: `q=${probe.manyLatin} (many)`, input: { q: probe.manyLatin } },
    { name: `q=${probe.manyCyrillic} (many, Cyrillic)`, input: { q: probe.manyCyrillic } },
    {
      name: `q=${probe.manyLatin}, page 21`,
      input: { q: probe.manyLatin, after: await follow({ q: probe.manyLatin }, 20) },
    },
    { name: `q=${probe.few} (few)`, input: { q: probe.few } },
    { name: `q=${probe.none} (none)`, input: { q: probe.none } },
    { name: `q=${seeded.sampleIdentifier} (one identifier)`, input: { q: seeded.sampleIdentifier } },
    { name: `jurisdiction=${facetJurisdictions.large} (largest)`, input: { jurisdiction: facetJurisdictions.large } },
    { name: `jurisdiction=${facetJurisdictions.small} (small)`, input: { jurisdiction: facetJurisdictions.small } },
    { name: `jurisdiction=${facetJurisdictions.empty} (no laws)`, input: { jurisdiction: facetJurisdictions.empty } },
    { name: "status=repealed", input: { status: "repealed" } },
    { name: "type=code", input: { type: "code" } },
    {
      name: `jurisdiction=${facetJurisdictions.large}&status=in_force`,
      input: { jurisdiction: facetJurisdictions.large, status: "in_force" },
    },
    {
      name: `jurisdiction=${facetJurisdictions.small}&status=adopted&type=code (rare mix)`,
      input: { jurisdiction: facetJurisdictions.small, status: "adopted", type: "code" },
    },
    {
      name: `q=${probe.manyLatin}&jurisdiction=${facetJurisdictions.small}`,
      input: { q: probe.manyLatin, jurisdiction: facetJurisdictions.small },
    },
    { name: "sort=title, first page", input: { sort: "title" } },
    { name: "sort=title, page 21", input: { sort: "title", after: await follow({ sort: "title" }, 20) } },
  ];

  log(`listLaws: ${cases.length} cases × ${settings.runs} runs`);
  const domain: DomainResult[] = [];
  const domainGroups = { benchmark: () => [process.pid], database: () => backendsOf(dbName) };
  const domainCpu = cpuSnapshot(domainGroups);
  for (const c of cases) {
    for (let i = 0; i < 3; i++) await listLaws(ctx, c.input);
    const times: number[] = [];
    let rows = 0;
    for (let i = 0; i < settings.runs; i++) {
      const t0 = performance.now();
      const page = await listLaws(ctx, c.input);
      times.push(performance.now() - t0);
      rows = page.laws.length;
    }
    const sql = captured! as Captured;
    times.sort((a, b) => a - b);
    // How many laws the filters match, from the first page on (a cursor only moves the start).
    await listLaws(ctx, { ...c.input, after: undefined });
    const matching = await countMatching(database, captured! as Captured);
    const result = {
      ...c,
      rows,
      matching,
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      max: times.at(-1)!,
      sql,
    };
    domain.push(result);
    log(`  ${c.name}: ${rows} rows shown of ${matching}; p50 ${ms(result.p50)} ms, p95 ${ms(result.p95)} ms`);
  }

  const domainOthersCpu = cpuUsage(domainCpu, cpuSnapshot(domainGroups)).others!;
  const slow = domain.filter((d) => d.p50 > settings.explainMs);
  const plans: string[] = [];
  for (const d of slow) {
    const { rows } = await database.pool!.query<{ "QUERY PLAN": string }>(
      `explain (analyze, buffers) ${d.sql.sql}`,
      d.sql.params,
    );
    plans.push(
      `#### ${d.name} (p50 ${ms(d.p50)} ms)\n\n\`\`\`\n${rows.map((r) => r["QUERY PLAN"]).join("\n")}\n\`\`\``,
    );
  }

  // 3. The page end to end.
  const http: HttpResult[] = [];
  let buildUsed: string | null = null;
  let buildChanged = false;
  let staleSources: string[] = [];
  let machineBeforeHttp = "";
  if (settings.http) {
    ensureBuild();
    buildUsed = buildId();
    staleSources = sourcesNewerThanBuild();
    if (staleSources.length) {
      log(`WARNING: ${staleSources.length} source file(s) changed after this build: ${listSome(staleSources)}`);
    }
    const server: Server = await startServer(scratch.url);
    undo.push({ label: "stop the server", run: () => server.stop() });
    log(`next start (pid ${server.pid}) at ${server.base}, build ${buildUsed}`);
    machineBeforeHttp = machineLine(dbName);
    log(machineBeforeHttp);
    const cookie = await signIn(server.base, editor.email, password);
    log("editor signed in over HTTP");

    const paths: HttpCase[] = [
      { name: "first page", path: "/admin/laws" },
      { name: `q=${probe.manyLatin} (many)`, path: `/admin/laws?q=${encodeURIComponent(probe.manyLatin)}` },
      {
        name: `jurisdiction=${facetJurisdictions.large}&status=in_force`,
        path: `/admin/laws?jurisdiction=${facetJurisdictions.large}&status=in_force`,
      },
      { name: "page 21", path: `/admin/laws?after=${cursorAt20}` },
      { name: `q=${probe.none} (none)`, path: `/admin/laws?q=${probe.none}`, empty: true },
    ];
    const groups = { server: () => [server.pid], database: () => backendsOf(dbName), client: () => [process.pid] };
    for (const p of paths) {
      // A real list page for this editor: their name in the header, and laws (or the empty message).
      const verify = (body: string) =>
        body.includes('data-testid="current-user"') &&
        (p.empty ? body.includes("No law matches these filters.") : /href="\/admin\/laws\/\d+"/.test(body));
      const url = server.base + p.path;
      const check = await fetch(url, { headers: { cookie }, redirect: "manual" });
      const body = await check.text();
      if (check.status !== 200 || !verify(body)) {
        throw new Error(
          `${p.path} answered ${check.status} without the expected list (${body.length} bytes):\n${body.slice(0, 400)}\n${server.log()}`,
        );
      }
      // Warm-up: compiled code paths, the pool's connections, PostgreSQL's caches.
      await load(url, { connections: 8, duration: 3, cookie, verifyBody: verify });
      const runs: HttpResult["runs"] = [];
      for (const connections of [settings.connections, 1]) {
        const before = cpuSnapshot(groups);
        const result = await load(url, { connections, duration: settings.duration, cookie, verifyBody: verify });
        const cpu = cpuUsage(before, cpuSnapshot(groups));
        runs.push({ ...result, cpu });
        log(
          `  ${p.path.slice(0, 60)} ×${connections}: ${result.reqPerSec.toFixed(1)} req/s, p50 ${ms(result.p50)} ms, p95 ${ms(result.p95)} ms, non-2xx ${result.non2xx}, mismatches ${result.mismatches}, CPU ${cpuText(cpu)}`,
        );
      }
      http.push({ ...p, runs, bytes: Buffer.byteLength(body) });
    }
    buildChanged = buildId() !== buildUsed;
  }

  // 4. The report.
  const cores = os.cpus();
  report.push(
    `## Admin list of laws: ${settings.laws.toLocaleString("en")} laws`,
    "",
    `Run ${new Date().toISOString()}, ${((Date.now() - started) / 1000).toFixed(0)} s in all.`,
    `Machine: ${cores.length} × ${cores[0]?.model.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, PostgreSQL ${sizeRows[0]!.version}; client (autocannon), server and PostgreSQL on the same cores.`,
    `Machine at start: ${machineAtStart}.`,
    `Machine at end: ${machineLine(dbName)}.`,
    "",
    `Data: ${seeded.laws.toLocaleString("en")} laws, ${seeded.titles.toLocaleString("en")} titles, ${seeded.identifiers.toLocaleString("en")} identifiers in ${seeded.jurisdictions} jurisdictions; seeded in ${seedSeconds.toFixed(1)} s including index builds and VACUUM ANALYZE; database ${sizeRows[0]!.size}.`,
    "",
    `### listLaws (the domain function: query + mapping), ${settings.runs} runs each after 3 untimed, 50 rows a page`,
    "",
    `Other processes used ≈${domainOthersCpu.toFixed(0)}% CPU (of 200%) during these runs.`,
    "",
    "| case | rows shown / laws matching the filters | p50 ms | p95 ms | max ms |",
    "| --- | ---: | ---: | ---: | ---: |",
    ...domain.map(
      (d) =>
        `| ${d.name} | ${d.rows} / ${Number.isNaN(d.matching) ? "?" : d.matching.toLocaleString("en")} | ${ms(d.p50)} | ${ms(d.p95)} | ${ms(d.max)} |`,
    ),
  );
  if (settings.http) {
    report.push(
      "",
      `### GET /admin/laws end to end (next start, signed-in editor, autocannon ${settings.duration} s per run, no compression)`,
      "",
      `Machine before these runs: ${machineBeforeHttp}.`,
      "",
      "p50/p95/p99 are exact, computed from every response time autocannon reported (its histogram has p90 and p97.5 but no p95).",
      `"mismatched" counts responses that were not the signed-in list page. CPU during the run, in % of one core (200% = both): the Next server, its PostgreSQL backends, the autocannon client (this process), and every other process on the machine.`,
      "",
      "| path | conns | req/s | p50 ms | p95 ms | p99 ms | max ms | non-2xx | errors | mismatched | CPU server / PG / client / others |",
      "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
      ...http.flatMap((h) =>
        h.runs.map(
          (r) =>
            `| ${h.name} (${(h.bytes / 1024).toFixed(0)} KB) | ${r.connections} | ${r.reqPerSec.toFixed(1)} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${ms(r.max)} | ${r.non2xx} | ${r.errors + r.timeouts} | ${r.mismatches} | ${cpuText(r.cpu)} |`,
        ),
      ),
      "",
      `Build ${buildUsed}${buildChanged ? " — WARNING: .next was rebuilt during the run; numbers may mix two builds" : ""}.`,
      ...(staleSources.length
        ? [
            "",
            `WARNING: ${staleSources.length} source file(s) changed after this build, so these rows measure the build and the listLaws rows above the working tree: ${listSome(staleSources)}.`,
          ]
        : []),
    );
  }
  if (plans.length) {
    report.push("", `### EXPLAIN ANALYZE of the cases slower than ${settings.explainMs} ms (median)`, "", ...plans);
  }
  const text = report.join("\n");
  console.log(`\n${text}\n`);
  if (args.out) fs.writeFileSync(args.out, `${text}\n`);

  const failures = http.flatMap((h) => h.runs.filter((r) => r.non2xx || r.errors || r.timeouts || r.mismatches));
  if (failures.length) throw new Error(`${failures.length} HTTP run(s) had non-2xx answers, errors or wrong pages`);
}

/** How many laws a case matches: its own statement, with the page limit lifted, counted. */
async function countMatching(database: Database, captured: Captured): Promise<number> {
  const params = [...captured.params];
  // listLaws asks for one row more than a page (51) as its last parameter; if that changes, say so.
  if (params.at(-1) !== 51 || !/limit \$\d+$/i.test(captured.sql.trim())) return NaN;
  params[params.length - 1] = 2_147_483_647;
  const { rows } = await database.pool!.query<{ n: string }>(`select count(*) as n from (${captured.sql}) t`, params);
  return Number(rows[0]!.n);
}

/** The files that matter here first, then a few others. */
function listSome(files: string[]): string {
  const first = files.filter((f) => /laws\/(list|page)|auth|cursor/.test(f));
  const shown = [...first, ...files.filter((f) => !first.includes(f))].slice(0, 8);
  return files.length > shown.length ? `${shown.join(", ")} and ${files.length - shown.length} more` : shown.join(", ");
}

function cpuText(cpu: Record<string, number>): string {
  return [cpu.server, cpu.database, cpu.client, cpu.others].map((n) => `${(n ?? NaN).toFixed(0)}%`).join(" / ");
}
