/**
 * The public benchmark's Markdown report: the two ceilings, each page type cached, uncached and
 * while an editor publishes, with its ratio to the ceilings measured next to it, the server's
 * memory and publish → visible.
 */
import os from "node:os";
import { percentile } from "./next-server";
import { cpuText, type Run } from "./measure";
import type { ColdTime } from "./cold-requests";
import type { Visibility } from "./publish-visible";

/** nginx and the minimal Next.js page, measured together between page runs. */
export type Ceilings = { nginx: Run; minimal: Run };

export type PageRun = {
  name: string;
  path: string;
  bytes: number;
  run: Run;
  /** Index of the ceilings measured just before this run; the next ones follow it. */
  ceilingsBefore: number;
  /** While publishing: publications made during the run. */
  publications?: number;
};

export type Report = {
  started: number;
  machine: { atStart: string; beforeRuns: string; atEnd: string };
  data: string;
  settings: { duration: number; warmup: number; connections: number; publishEvery: number };
  nginx: { version: string; bytes: number };
  minimalBytes: number;
  dbName?: string;
  ceilings: Ceilings[];
  cached: PageRun[];
  cold: { name: string; path: string; times: ColdTime[] }[];
  /** Whether every public page was expired before each uncached request (PostgreSQL), or only what the publication changed. */
  expiresAll: boolean;
  publishing: PageRun[];
  visible: Visibility[];
  rss: { maxMb: number; samples: number };
  missing: { name: string; why: string }[];
  /** The distinct warnings and errors the server logged during the run. */
  serverProblems: { line: string; count: number }[];
  build: { id: string | null; changed: boolean; staleSources: number };
};

const ms = (n: number) => (Number.isFinite(n) ? (n < 10 ? n.toFixed(1) : Math.round(n).toString()) : "–");
const rate = (n: number) => (n < 100 ? n.toFixed(1) : Math.round(n).toLocaleString("en"));
const ratio = (n: number) =>
  Number.isFinite(n) && n > 0 ? (n < 0.1 ? n.toPrecision(2) : n.toFixed(2)) : n === 0 ? "0" : "–";
const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );

const bad = (r: Run) => `${r.non2xx} / ${r.errors + r.timeouts} / ${r.mismatches}`;

/** The ceilings' req/s around a page run: the mean of those measured just before and just after it. */
function around(report: Report, row: PageRun, pick: (c: Ceilings) => Run): number {
  const before = report.ceilings[row.ceilingsBefore];
  const after = report.ceilings[row.ceilingsBefore + 1] ?? before;
  return before && after ? (pick(before).reqPerSec + pick(after).reqPerSec) / 2 : NaN;
}

function pageRows(report: Report, rows: PageRun[], cached?: PageRun[]): string[] {
  return rows.map((row) => {
    const r = row.run;
    const loaded = r.connections === report.settings.connections;
    const vsNginx = loaded ? r.reqPerSec / around(report, row, (c) => c.nginx) : NaN;
    const vsMinimal = loaded ? r.reqPerSec / around(report, row, (c) => c.minimal) : NaN;
    const same = cached?.find((c) => c.name === row.name && c.run.connections === r.connections);
    const extra = cached ? [ratio(same ? r.reqPerSec / same.run.reqPerSec : NaN), String(row.publications ?? 0)] : [];
    return `| ${row.name}: \`${row.path.slice(0, 70)}\` (${(row.bytes / 1024).toFixed(0)} KB) | ${r.connections} | ${rate(r.reqPerSec)} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${ratio(vsNginx)} | ${ratio(vsMinimal)} | ${extra.map((e) => `${e} | `).join("")}${bad(r)} | ${cpuText(r.cpu)} |`;
  });
}

export function renderReport(report: Report): string {
  const s = report.settings;
  const cores = os.cpus();
  const cpuColumns = `CPU in % of one core (200% = both): the server under test${report.dbName ? " / its PostgreSQL backends" : " (PGlite runs inside it)"} / the autocannon client / every other process`;
  const visibleAfter = report.visible.map((v) => v.afterAnswerMs);
  return [
    "## Public pages",
    "",
    `Run ${new Date().toISOString()}, ${((Date.now() - report.started) / 1000).toFixed(0)} s in all.`,
    `Machine: ${cores.length} × ${cores[0]?.model.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}; client (autocannon), servers and database on the same cores.`,
    `Machine at start: ${report.machine.atStart}.`,
    `Machine before the runs: ${report.machine.beforeRuns}.`,
    `Machine at end: ${report.machine.atEnd}.`,
    "",
    `Data: ${report.data}.`,
    "",
    `Anonymous reader, autocannon ${s.duration} s per run, no compression; p50/p95/p99 exact, from every response time. Pages are warmed for ${s.warmup} s before their runs. "× nginx" and "× minimal" divide a page's req/s by the mean of the ceilings measured just before and just after it (same connections). "bad" counts non-2xx answers / errors and timeouts / answers that were not the expected page: all must be 0. A run's requests still unanswered when it ends are not counted: "0" req/s and "–" percentiles mean no answer came within the run (lengthen --duration). ${cpuColumns}.`,
    "",
    "### Ceilings, measured between the page runs",
    "",
    `nginx ${report.nginx.version} serving the law page's saved HTML (${(report.nginx.bytes / 1024).toFixed(0)} KB); the minimal prerendered Next.js page (${(report.minimalBytes / 1024).toFixed(0)} KB, \`next start\` of scripts/bench/minimal-next).`,
    "",
    "| # | nginx req/s | p50 | p95 | p99 | minimal Next req/s | p50 | p95 | p99 | bad (nginx; minimal) |",
    "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...report.ceilings.map(
      (c, i) =>
        `| ${i + 1} | ${rate(c.nginx.reqPerSec)} | ${ms(c.nginx.p50)} | ${ms(c.nginx.p95)} | ${ms(c.nginx.p99)} | ${rate(c.minimal.reqPerSec)} | ${ms(c.minimal.p50)} | ${ms(c.minimal.p95)} | ${ms(c.minimal.p99)} | ${bad(c.nginx)}; ${bad(c.minimal)} |`,
    ),
    "",
    "### Cached (after warm-up)",
    "",
    "| page | conns | req/s | p50 ms | p95 ms | p99 ms | × nginx | × minimal | bad | CPU server / DB / client / others |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...pageRows(report, report.cached),
    "",
    "### Uncached: the first request after a publication (ms, one publication before each)",
    "",
    report.expiresAll
      ? "After each publication every public page and read was expired as well (a `public` row in cache_invalidations, as another instance's change that cannot say more arrives), so each request renders from the database."
      : 'Only what each publication changed was expired (precise invalidation): an answer the server took from its store of whole pages is marked "stored", and the median is of the others.',
    "",
    "| page | each round | median |",
    "| --- | --- | ---: |",
    ...report.cold.map((c) => {
      const rendered = c.times.filter((t) => !t.stored).map((t) => t.ms);
      return `| ${c.name}: \`${c.path.slice(0, 70)}\` | ${c.times.map((t) => `${ms(t.ms)}${t.stored ? " (stored)" : ""}`).join(", ")} | ${rendered.length ? ms(median(rendered)) : "stored"} |`;
    }),
    "",
    `### While an editor publishes every ${s.publishEvery} s`,
    "",
    "Each publication saves the benchmark's own law, submits it, approves and publishes it over HTTP (two accounts), which expires the pages that show it and the law lists.",
    "",
    "| page | conns | req/s | p50 ms | p95 ms | p99 ms | × nginx | × minimal | × cached | publications | bad | CPU server / DB / client / others |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...pageRows(report, report.publishing, report.cached),
    "",
    "### Publish → visible",
    "",
    report.visible.length
      ? `From the publish action's answer to the first anonymous GET of the law's page showing the change (polled every 20 ms), ${report.visible.length} publications: ${visibleAfter.map(ms).join(", ")} ms (median ${ms(median(visibleAfter))}, max ${ms(Math.max(...visibleAfter))}). From the publish request's start: median ${ms(median(report.visible.map((v) => v.afterSendMs)))} ms; the publish action itself took a median ${ms(median(report.visible.map((v) => v.publishMs)))} ms.`
      : "Not measured.",
    "",
    `Server memory: the Marginalia server's RSS (\`next start\` and its children, VmRSS) reached at most ${report.rss.maxMb.toFixed(0)} MB (${report.rss.samples} samples across the run).`,
    ...(report.missing.length
      ? [
          "",
          `Not measured (not on this build or archive): ${report.missing.map((m) => `${m.name} (${m.why})`).join(", ")}.`,
        ]
      : []),
    "",
    report.serverProblems.length
      ? [
          "The server logged these warnings or errors during the run (numbers replaced by N):",
          "",
          ...report.serverProblems.map((p) => `- ${p.count} × \`${p.line.replaceAll("`", "'")}\``),
        ].join("\n")
      : "The server logged no warning or error during the run.",
    "",
    `Build ${report.build.id}${report.build.changed ? " — WARNING: .next was rebuilt during the run; numbers may mix two builds" : ""}.`,
    ...(report.build.staleSources
      ? [
          "",
          `WARNING: ${report.build.staleSources} source file(s) changed after this build; the numbers measure the build.`,
        ]
      : []),
  ].join("\n");
}
