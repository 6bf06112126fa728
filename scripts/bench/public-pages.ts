/**
 * How fast readers are served (issue 5): requests/s and p50/p95/p99 latency of public pages — a
 * law, the laws index, search — from a production build. A benchmark, never a test.
 *
 *   node --conditions=react-server --import tsx scripts/bench/public-pages.ts [--laws 10000] [--target name=/path …]
 *
 * It prepares a database of its own (a temporary PGlite data folder, or a scratch database when
 * DATABASE_URL names a PostgreSQL server) with the demo content and a synthetic archive, starts
 * `next start` on it, and runs autocannon against each target; a target this build does not have
 * (404) is reported as missing and skipped. Everything it made is removed at the end, also on
 * failure or Ctrl-C. See scripts/bench/README.md.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type { PGlite } from "@electric-sql/pglite";
import type pg from "pg";
import { openDatabase, type Database } from "@/db/client";
import { migrate } from "@/db/migrate";
import { describeError } from "@/lib/describe-error";
import { commandLineActor } from "@/modules/auth/context";
import { seed } from "@/modules/system/seed";
import { createUser } from "@/modules/users/create";
import { createScratchDatabase } from "@/tests/scratch";
import { backendsOf, cpuSnapshot, cpuUsage, machineLine } from "./machine";
import {
  buildId,
  ensureBuild,
  load,
  sourcesNewerThanBuild,
  startServer,
  type LoadResult,
  type Server,
} from "./next-server";
import { annotatedLawSlug, seedAnnotatedLaw } from "./annotated-law";
import { seedSyntheticArchive } from "./synthetic-archive";

type Target = {
  name: string;
  path: string;
  /** Text a right answer contains, beyond the generic checks. */ expect?: string;
  /** Words that replace `{q}` in the path, two at a time, a different pair for each request. */
  vary?: string[];
};

// Words of the demo content and of the synthetic archive's titles, Latin and Cyrillic.
const searchWords = [
  "rehabilitation",
  "victims",
  "repression",
  "amendments",
  "legislative",
  "taxes",
  "education",
  "health",
  "media",
  "elections",
  "president",
  "archives",
  "Kyrgyz",
  "Kazakhstan",
  "Japarov",
  "law",
  "decree",
  "реабилитации",
  "изменений",
  "образовании",
  "выборах",
  "налогах",
  "здоровья",
  "Жапаров",
  "Uzbekistan",
  "Soviet",
  "citizens",
  "property",
  "code",
  "resolution",
  "охране",
  "средствах",
  "закон",
];

/** What readers ask for most; /search is measured once the build has it. */
const defaultTargets: Target[] = [
  {
    name: "law page",
    path: "/laws/kg/rehabilitation-of-victims-of-soviet-political-repression",
    expect: 'data-testid="last-reviewed"',
  },
  {
    name: "law page, 200 annotations",
    path: `/laws/kg/${annotatedLawSlug}`,
    expect: 'class="annotation-note',
  },
  { name: "laws index", path: "/laws" },
  { name: "laws index, filtered", path: "/laws?jurisdiction=kg&status=in_force" },
  { name: "search, Latin", path: "/search?q=rehabilitation" },
  { name: "search, Cyrillic", path: "/search?q=реабилитация" },
  { name: "search, a new query each request", path: "/search?q={q}", vary: searchWords },
];

const usage = `Usage: node --conditions=react-server --import tsx scripts/bench/public-pages.ts [options]
  --laws N          synthetic laws added to the demo content, about 65% published (default 10000; 0 = demo only)
  --target T        a page to measure, as name=/path or /path; repeatable (default: ${defaultTargets.map((t) => t.path).join(", ")})
  --duration S      seconds per autocannon run (default 10)
  --connections N   concurrent connections for the loaded run (default 32; a 1-connection run follows each)
  --warmup S        seconds of untimed load before each target's runs (default 3)
  --out FILE        also write the Markdown report to FILE
With DATABASE_URL=postgres://… the database is a scratch database on that server; otherwise a
temporary PGlite data folder (the embedded default, slower under load).`;

const args = (() => {
  try {
    return parseArgs({
      options: {
        laws: { type: "string", default: "10000" },
        target: { type: "string", multiple: true },
        duration: { type: "string", default: "10" },
        connections: { type: "string", default: "32" },
        warmup: { type: "string", default: "3" },
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
const count = (name: string, value: string | undefined, min: number) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) fail(`--${name} must be a whole number of at least ${min}.`);
  return n;
};
function parseTarget(value: string): Target {
  const eq = value.indexOf("=");
  const [name, pagePath] =
    eq > 0 && !value.startsWith("/") ? [value.slice(0, eq), value.slice(eq + 1)] : [value, value];
  if (!pagePath.startsWith("/")) fail(`--target ${value}: the path must start with "/".`);
  return { name, path: pagePath };
}
const settings = {
  laws: count("laws", args.laws, 0),
  duration: count("duration", args.duration, 1),
  connections: count("connections", args.connections, 1),
  warmup: count("warmup", args.warmup, 0),
  targets: args.target?.length ? args.target.map(parseTarget) : defaultTargets,
};
const serverUrl = process.env.DATABASE_URL || undefined;
if (serverUrl && !/^postgres(ql)?:\/\//.test(serverUrl))
  fail("DATABASE_URL must be a postgres:// URL, or unset for PGlite.");

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
    console.error(`\n${signal}: stopping the server and removing the benchmark's database…`);
    void cleanup().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  });
}

const ms = (n: number) => (Number.isFinite(n) ? (n < 10 ? n.toFixed(1) : Math.round(n).toString()) : "–");
const log = (line: string) => console.log(`[bench] ${line}`);

type Measured = Target & { url: string; bytes: number; runs: (LoadResult & { cpu: Record<string, number> })[] };
type Missing = Target & { status: number };

const machineAtStart = machineLine();

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

  // 1. The database: demo content and the synthetic archive, loaded before the server opens it.
  const prepared = await prepareDatabase();
  log(prepared.description);

  // 2. The production server.
  ensureBuild();
  const buildUsed = buildId();
  const staleSources = sourcesNewerThanBuild();
  if (staleSources.length) log(`WARNING: ${staleSources.length} source file(s) changed after this build`);
  const server: Server = await startServer(prepared.server);
  undo.push({ label: "stop the server", run: () => server.stop() });
  log(`next start (pid ${server.pid}) at ${server.base}, build ${buildUsed}`);
  const machineBeforeHttp = machineLine(prepared.dbName);
  log(machineBeforeHttp);

  // 3. Each target: checked once, warmed up, then loaded and measured alone.
  const groups = {
    server: () => [server.pid],
    database: () => (prepared.dbName ? backendsOf(prepared.dbName) : []),
    client: () => [process.pid],
  };
  const measured: Measured[] = [];
  const missing: Missing[] = [];
  for (const target of settings.targets) {
    // Non-ASCII queries (Cyrillic) travel percent-encoded, as a browser sends them.
    const pairs = (target.vary ?? []).flatMap((a) =>
      (target.vary ?? []).filter((b) => b !== a).map((b) => `${a} ${b}`),
    );
    let turn = 0;
    const pathFor = (q: string) => new URL(target.path.replace("{q}", encodeURIComponent(q)), server.base);
    const nextPath = pairs.length
      ? () => {
          const url = pathFor(pairs[turn++ % pairs.length]!);
          return url.pathname + url.search;
        }
      : undefined;
    const url = (pairs.length ? pathFor(pairs[0]!) : new URL(target.path, server.base)).href;
    const verify = (body: string) =>
      body.includes('id="main"') && !notFoundIn(body) && (!target.expect || body.includes(target.expect));
    const check = await fetch(url, { redirect: "manual" });
    const body = await check.text();
    if (check.status === 404 || (check.status === 200 && notFoundIn(body))) {
      log(`  ${target.path}: not on this build (${check.status}), skipped`);
      missing.push({ ...target, status: check.status });
      continue;
    }
    if (check.status !== 200 || !verify(body)) {
      throw new Error(
        `${target.path} answered ${check.status} without the expected page (${body.length} bytes):\n${body.slice(0, 400)}\n${server.log()}`,
      );
    }
    // Warm-up: compiled code paths, the page's cache entry, the database's caches.
    if (settings.warmup) await load(url, { connections: 8, duration: settings.warmup, verifyBody: verify, nextPath });
    const runs: Measured["runs"] = [];
    for (const connections of [...new Set([settings.connections, 1])]) {
      const before = cpuSnapshot(groups);
      const result = await load(url, { connections, duration: settings.duration, verifyBody: verify, nextPath });
      const cpu = cpuUsage(before, cpuSnapshot(groups));
      runs.push({ ...result, cpu });
      log(
        `  ${target.path.slice(0, 60)} ×${connections}: ${result.reqPerSec.toFixed(1)} req/s, p50 ${ms(result.p50)} ms, p95 ${ms(result.p95)} ms, p99 ${ms(result.p99)} ms, non-2xx ${result.non2xx}, mismatches ${result.mismatches}, CPU ${cpuText(cpu)}`,
      );
    }
    measured.push({ ...target, url, bytes: Buffer.byteLength(body), runs });
  }
  const buildChanged = buildId() !== buildUsed;

  // 4. The report.
  const cores = os.cpus();
  const report = [
    "## Public pages",
    "",
    `Run ${new Date().toISOString()}, ${((Date.now() - started) / 1000).toFixed(0)} s in all.`,
    `Machine: ${cores.length} × ${cores[0]?.model.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}; client (autocannon), server and database on the same cores.`,
    `Machine at start: ${machineAtStart}.`,
    `Machine before the runs: ${machineBeforeHttp}.`,
    `Machine at end: ${machineLine(prepared.dbName)}.`,
    "",
    `Data: ${prepared.description}.`,
    "",
    `next start, anonymous reader, autocannon ${settings.duration} s per run after ${settings.warmup} s of warm-up, no compression. p50/p95/p99 are exact, computed from every response time (autocannon's histogram has p97.5 but no p95). "mismatched" counts answers that were not the expected page. CPU in % of one core (200% = both): the Next server${prepared.dbName ? " / its PostgreSQL backends" : " (PGlite runs inside it)"} / the autocannon client / every other process.`,
    "",
    "| page | conns | req/s | p50 ms | p95 ms | p99 ms | max ms | non-2xx | errors | mismatched | CPU server / DB / client / others |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...measured.flatMap((m) =>
      m.runs.map(
        (r) =>
          `| ${m.name}: \`${m.path}\` (${(m.bytes / 1024).toFixed(0)} KB) | ${r.connections} | ${r.reqPerSec.toFixed(1)} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${ms(r.max)} | ${r.non2xx} | ${r.errors + r.timeouts} | ${r.mismatches} | ${cpuText(r.cpu)} |`,
      ),
    ),
    ...(missing.length
      ? ["", `Not on this build (skipped): ${missing.map((m) => `${m.name} \`${m.path}\` (${m.status})`).join(", ")}.`]
      : []),
    "",
    `Build ${buildUsed}${buildChanged ? " — WARNING: .next was rebuilt during the run; numbers may mix two builds" : ""}.`,
    ...(staleSources.length
      ? ["", `WARNING: ${staleSources.length} source file(s) changed after this build; the numbers measure the build.`]
      : []),
  ].join("\n");
  console.log(`\n${report}\n`);
  if (args.out) fs.writeFileSync(args.out, `${report}\n`);

  const failures = measured.flatMap((m) => m.runs.filter((r) => r.non2xx || r.errors || r.timeouts || r.mismatches));
  if (failures.length) throw new Error(`${failures.length} run(s) had non-2xx answers, errors or wrong pages`);
  if (!measured.length) throw new Error("None of the targets exists on this build");
}

/**
 * Migrates, loads the synthetic archive first (its laws take ids from 1), makes its published laws
 * public in bulk, then the demo content through the editors' own functions; closes the database so
 * the server can open it (a PGlite folder admits one process).
 */
async function prepareDatabase(): Promise<{
  server: string | { dataDir: string };
  dbName?: string;
  description: string;
}> {
  let server: string | { dataDir: string };
  let database: Database;
  let dbName: string | undefined;
  if (serverUrl) {
    const scratch = await createScratchDatabase(serverUrl, "marginalia_bench_public");
    undo.push({ label: "drop the scratch database", run: scratch.drop });
    dbName = new URL(scratch.url).pathname.slice(1);
    database = await openDatabase({ databaseUrl: scratch.url });
    server = scratch.url;
  } else {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "marginalia-bench-public-"));
    undo.push({
      label: "remove the data folder",
      run: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
    });
    database = await openDatabase({ dataDir });
    server = { dataDir };
  }
  try {
    await migrate(database);
    const ctx = { db: database.db, actor: commandLineActor };
    const { user } = await createUser(ctx, {
      email: "bench-editor@marginalia.local",
      name: "Bench Editor",
      role: "editor",
    });
    let synthetic = "no synthetic laws";
    if (settings.laws > 0) {
      const t0 = Date.now();
      const pool = database.pool ?? pglitePool((database.db as unknown as { $client: PGlite }).$client);
      const seeded = await seedSyntheticArchive(pool, { count: settings.laws, createdById: user.id });
      const live = await publishSynthetic(pool);
      synthetic = `${seeded.laws.toLocaleString("en")} synthetic laws (${live.toLocaleString("en")} public, ${seeded.titles.toLocaleString("en")} titles, ${seeded.jurisdictions} jurisdictions) loaded in ${((Date.now() - t0) / 1000).toFixed(1)} s`;
    }
    await seed(database.db, { adminEmail: "admin@marginalia.local" });
    const t1 = Date.now();
    const annotated = await seedAnnotatedLaw(database.db);
    const annotatedLaw = `a law of ${annotated.characters.toLocaleString("en")} characters with ${annotated.annotations} published annotations (made in ${((Date.now() - t1) / 1000).toFixed(1)} s)`;
    const driver = serverUrl ? `PostgreSQL scratch database ${dbName}` : "PGlite (temporary data folder)";
    return { server, dbName, description: `${driver}; demo content, ${annotatedLaw}, and ${synthetic}` };
  } finally {
    await database.close();
  }
}

/**
 * What publishing writes for a law besides its publication, done in bulk for the synthetic ones:
 * the citable version, the public index row (whose year stands in from the creation date,
 * since synthetic laws have no dated events) and the search index row with its words. The server's start-up
 * backfill would do the last two one law at a time.
 */
async function publishSynthetic(pool: pg.Pool): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query(
      `insert into published_revisions (item_type, item_id, number, revision_id, published_at)
       select p.item_type, p.item_id, 1, p.revision_id, p.published_at from publications p
       where p.item_type = 'law' on conflict do nothing`,
    );
    const { rows } = await client.query<{ n: number }>(
      `with inserted as (
         insert into public_laws (law_id, revision_id, jurisdiction_code, slug, title, summary, type, status, year,
                                  first_published_at, published_at)
         select l.id, p.revision_id, l.jurisdiction_code, l.slug, l.title, l.summary, l.type, l.status,
                extract(year from l.created_at)::int, p.first_published_at, p.published_at
         from publications p join laws l on l.id = p.item_id
         where p.item_type = 'law' and p.gone_at is null
         on conflict do nothing returning 1)
       select count(*)::int as n from inserted`,
    );
    // The search index from the folded titles and identifiers the synthetic laws already carry
    // (laws.search_text); their summaries are English, so lower-casing them folds them too.
    await client.query(
      `insert into public_search (item_type, item_id, revision_id, scope, slug, title, kind, jurisdiction_codes,
                                  aliases, names, body, document, published_at)
       select 'law', l.id, p.revision_id, l.jurisdiction_code, l.slug, l.title, l.type::text,
              array[l.jurisdiction_code], '{}', l.search_text, l.summary,
              setweight(to_tsvector('simple', l.search_text), 'A') || setweight(to_tsvector('simple', lower(l.summary)), 'B'),
              p.published_at
       from publications p join laws l on l.id = p.item_id
       where p.item_type = 'law' and p.gone_at is null
       on conflict do nothing`,
    );
    await client.query(
      `insert into search_words (word)
       select distinct w from public_search, unnest(string_to_array(names, ' ')) as w where length(w) >= 3
       on conflict do nothing`,
    );
    await client.query("analyze");
    return rows[0]!.n;
  } finally {
    client.release();
  }
}

/**
 * The slice of pg.Pool the synthetic archive uses, over PGlite's single connection. Arrays go as
 * array literals: PGlite serializes arrays only of the types it knows, not of enums.
 */
function pglitePool(client: PGlite): pg.Pool {
  const connection = {
    query: async (text: string, params?: unknown[]) => ({
      rows: (
        await client.query(
          text,
          params?.map((p) => (Array.isArray(p) ? arrayLiteral(p) : p)),
        )
      ).rows,
    }),
    release: () => undefined,
  };
  return { connect: async () => connection } as unknown as pg.Pool;
}

function arrayLiteral(values: unknown[]): string {
  const element = (v: unknown) =>
    v === null || v === undefined
      ? "NULL"
      : typeof v === "boolean"
        ? String(v)
        : `"${String(v).replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
  return `{${values.map(element).join(",")}}`;
}

/** A not-found answer that kept status 200 because the page had begun streaming (notFound() under Suspense). */
function notFoundIn(body: string): boolean {
  return body.includes("NEXT_HTTP_ERROR_FALLBACK;404");
}

function cpuText(cpu: Record<string, number>): string {
  return [cpu.server, cpu.database, cpu.client, cpu.others].map((n) => `${(n ?? NaN).toFixed(0)}%`).join(" / ");
}
