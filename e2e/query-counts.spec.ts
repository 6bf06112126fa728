/**
 * How many database queries each public page type makes, cold and warm: a count, not a timing,
 * so it holds on any machine. A page that starts reading more (a query per item, a table re-read
 * per request) fails here with the queries it made.
 *
 * Cold is the first request for a page on a fresh server on a copy of the seeded demo
 * (./query-counts/fresh-server.ts): nothing it reads is cached then, whatever the caching is made
 * of, so this does not depend on how publications invalidate, and each page pays for everything it
 * reads. A fresh process can only read more than the first request after a publication, never
 * less, so its count is a safe ceiling for that one. Warm is the same request again.
 *
 * The servers log every query with the request that made it (lib/query-log.ts, MARGINALIA_QUERY_LOG),
 * the proxy's apart from the page's (or route's): a public page (an item's, an index's) is stored
 * whole after its first render, so warm it makes no query, and what the proxy still asks per
 * request is all it costs.
 * The shared e2e server is not used: its caches are warmed by the specs before this one.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { seededArchive, type Archive } from "./query-counts/fresh-server";
import type { Server } from "./production-server";

/** The header lib/query-log.ts reads (not imported: that module is server-only). */
const requestHeader = "x-query-log-request";

const lawPath = "/laws/kg/rehabilitation-of-victims-of-soviet-political-repression";
const articlePath = "/articles/kyrgyzstan-president-signs-law-rehabilitating-victims-of-soviet-repression";

/** What the seeded demo holds that its slugs do not say: found on the seeding server. */
type Found = { olderVersion: number; annotationId: string };

/** At most this many queries by the proxy, and by the page or route it lets answer. */
type Ceiling = { proxy: number; page: number };

type PageType = {
  name: string;
  path: (found: Found) => string;
  status?: number;
  /** Which fresh server it is measured on (see `pageTypes`). */
  server: 1 | 2;
  /** Rendered once and stored whole (proxy.ts): warm, the page makes no query at all. */
  storedWhole?: true;
  cold: Ceiling;
  warm: Ceiling;
};

// Ceilings, not targets: today's counts, the largest seen on both databases (three runs, which
// agreed to the query). Lower a ceiling when a page gets cheaper; raising one needs a reason in the
// commit that does it. Counts can vary by one from run to run: a render's concurrent reads of the
// publication clock, and of one cached function not yet filled, each go to the database until the
// first answers. Warm, a page stored whole costs only its proxy's per-request reads: the clock,
// and for a law's older version whether that version was published.
//
// Two servers, not one per page type: pages on one server share nothing a request leaves cached,
// so each is as cold as on a server of its own. What a request leaves is kept by key: a "use cache"
// read by its function and arguments (modules/public/*; none calls another), the proxy's answer by
// address or vocabulary key (modules/public/addresses.ts), a page stored whole by its path, and the
// publication clock for a second, which the wait before every request (`get`) outlasts. So pages
// that share a key are on different servers: the home page reads the topics', the jurisdictions'
// and the articles index's reads (unfiltered), a law's two views its links and its address. The
// feeds, the sitemap's files and the API's answers are each rendered whole under a key of their own
// (modules/public/*-document.ts): warm, they make no query at all; the proxy does not run for them
// (proxy.ts's matcher), so its share is none, cold or warm.
const pageTypes: PageType[] = [
  {
    name: "home",
    server: 1,
    storedWhole: true,
    path: () => "/",
    cold: { proxy: 0, page: 9 },
    warm: { proxy: 0, page: 0 },
  },
  {
    name: "laws index",
    server: 1,
    storedWhole: true,
    path: () => "/laws",
    cold: { proxy: 0, page: 9 },
    warm: { proxy: 0, page: 0 },
  },
  {
    name: "law",
    server: 1,
    storedWhole: true,
    path: () => lawPath,
    // Its documents' types and sizes: one query each time the law is read (the demo law has one).
    cold: { proxy: 2, page: 22 },
    warm: { proxy: 1, page: 0 },
  },
  {
    name: "article",
    server: 1,
    storedWhole: true,
    path: () => articlePath,
    cold: { proxy: 2, page: 4 },
    warm: { proxy: 1, page: 0 },
  },
  {
    name: "agent",
    server: 1,
    storedWhole: true,
    path: () => "/agents/sadyr-japarov",
    // With how many steps, laws and articles name the agent: the page lists the latest.
    cold: { proxy: 2, page: 6 },
    warm: { proxy: 1, page: 0 },
  },
  {
    name: "topic",
    server: 1,
    storedWhole: true,
    path: () => "/topics/rehabilitation",
    // With how many laws and articles there are: the page lists the latest.
    cold: { proxy: 2, page: 8 },
    warm: { proxy: 1, page: 0 },
  },
  {
    name: "jurisdiction",
    server: 1,
    storedWhole: true,
    path: () => "/jurisdictions/kg",
    cold: { proxy: 2, page: 9 },
    warm: { proxy: 1, page: 0 },
  },
  {
    name: "search",
    server: 1,
    storedWhole: true,
    path: () => "/search?q=rehabilitation",
    cold: { proxy: 0, page: 6 },
    warm: { proxy: 0, page: 0 },
  },
  { name: "feed", server: 1, path: () => "/feed.xml", cold: { proxy: 0, page: 2 }, warm: { proxy: 0, page: 0 } },
  { name: "sitemap", server: 1, path: () => "/sitemap.xml", cold: { proxy: 0, page: 4 }, warm: { proxy: 0, page: 0 } },
  {
    name: "robots.txt",
    server: 1,
    path: () => "/robots.txt",
    cold: { proxy: 0, page: 0 },
    warm: { proxy: 0, page: 0 },
  },
  {
    name: "API: annotations on a page",
    server: 1,
    path: () => `/api/v1/annotations?target=${encodeURIComponent(lawPath)}`,
    cold: { proxy: 0, page: 4 },
    warm: { proxy: 0, page: 0 },
  },
  {
    name: "API: one annotation",
    server: 1,
    path: (f) => `/api/v1/annotations/${f.annotationId}`,
    cold: { proxy: 0, page: 1 },
    warm: { proxy: 0, page: 0 },
  },
  {
    name: "API: laws",
    server: 1,
    path: () => "/api/v1/laws?jurisdiction=kg",
    cold: { proxy: 0, page: 1 },
    warm: { proxy: 0, page: 0 },
  },
  {
    name: "API: one law",
    server: 1,
    path: () => `/api/v1${lawPath}`,
    cold: { proxy: 0, page: 9 },
    warm: { proxy: 0, page: 0 },
  },
  {
    name: "API: articles",
    server: 1,
    path: () => "/api/v1/articles?kind=news",
    cold: { proxy: 0, page: 2 },
    warm: { proxy: 0, page: 0 },
  },
  {
    name: "API: one article",
    server: 1,
    path: () => `/api/v1${articlePath}`,
    cold: { proxy: 0, page: 4 },
    warm: { proxy: 0, page: 0 },
  },
  {
    name: "API: agents",
    server: 1,
    path: () => "/api/v1/agents?kind=person",
    cold: { proxy: 0, page: 1 },
    warm: { proxy: 0, page: 0 },
  },
  {
    name: "API: one agent",
    server: 1,
    path: () => "/api/v1/agents/sadyr-japarov",
    cold: { proxy: 0, page: 6 },
    warm: { proxy: 0, page: 0 },
  },
  {
    name: "API: topics",
    server: 1,
    path: () => "/api/v1/topics",
    cold: { proxy: 0, page: 2 },
    warm: { proxy: 0, page: 0 },
  },
  {
    name: "API: one topic",
    server: 1,
    path: () => "/api/v1/topics/rehabilitation",
    cold: { proxy: 0, page: 8 },
    warm: { proxy: 0, page: 0 },
  },
  {
    name: "API: jurisdictions",
    server: 1,
    path: () => "/api/v1/jurisdictions",
    cold: { proxy: 0, page: 1 },
    warm: { proxy: 0, page: 0 },
  },
  {
    name: "API: one jurisdiction",
    server: 1,
    path: () => "/api/v1/jurisdictions/kg",
    cold: { proxy: 0, page: 9 },
    warm: { proxy: 0, page: 0 },
  },
  {
    name: "API: figures",
    server: 1,
    path: () => "/api/v1/figures?jurisdiction=kg",
    cold: { proxy: 0, page: 4 },
    warm: { proxy: 0, page: 0 },
  },
  {
    name: "API: one figure",
    server: 1,
    path: () => "/api/v1/figures/1",
    cold: { proxy: 0, page: 4 },
    warm: { proxy: 0, page: 0 },
  },
  {
    name: "API: sources",
    server: 1,
    path: () => "/api/v1/sources",
    cold: { proxy: 0, page: 1 },
    warm: { proxy: 0, page: 0 },
  },
  {
    name: "API: one source",
    server: 1,
    path: () => "/api/v1/sources/1",
    cold: { proxy: 0, page: 1 },
    warm: { proxy: 0, page: 0 },
  },
  {
    name: "API: search",
    server: 1,
    path: () => "/api/v1/search?q=japarov",
    cold: { proxy: 0, page: 5 },
    warm: { proxy: 0, page: 0 },
  },
  {
    name: "API: OpenAPI document",
    server: 1,
    path: () => "/api/v1/openapi.json",
    cold: { proxy: 0, page: 0 },
    warm: { proxy: 0, page: 0 },
  },
  {
    name: "laws index, filtered",
    server: 2,
    storedWhole: true,
    path: () => "/laws?jurisdiction=kg&status=adopted",
    cold: { proxy: 0, page: 9 },
    warm: { proxy: 0, page: 0 },
  },
  {
    name: "law, older version",
    server: 2,
    storedWhole: true,
    path: (f) => `${lawPath}?version=${f.olderVersion}`,
    cold: { proxy: 3, page: 22 },
    warm: { proxy: 2, page: 0 },
  },
  {
    name: "articles index",
    server: 2,
    storedWhole: true,
    path: () => "/articles",
    cold: { proxy: 0, page: 5 },
    warm: { proxy: 0, page: 0 },
  },
  {
    name: "articles index, filtered",
    server: 2,
    storedWhole: true,
    path: () => "/articles?kind=news",
    cold: { proxy: 0, page: 5 },
    warm: { proxy: 0, page: 0 },
  },
  {
    name: "topics",
    server: 2,
    storedWhole: true,
    path: () => "/topics",
    cold: { proxy: 0, page: 3 },
    warm: { proxy: 0, page: 0 },
  },
  {
    name: "jurisdictions",
    server: 2,
    storedWhole: true,
    path: () => "/jurisdictions",
    cold: { proxy: 0, page: 2 },
    warm: { proxy: 0, page: 0 },
  },
  {
    name: "feed, one jurisdiction",
    server: 2,
    path: () => "/feed.xml?jurisdiction=kg",
    cold: { proxy: 0, page: 3 },
    warm: { proxy: 0, page: 0 },
  },
  // The demo fits in one file, so numbered files answer 404, from the count of pages alone.
  {
    name: "sitemap file",
    server: 2,
    path: () => "/sitemap.xml?page=1",
    status: 404,
    cold: { proxy: 0, page: 1 },
    warm: { proxy: 0, page: 0 },
  },
];

type Count = { seen: boolean; proxy: string[]; page: string[] };
type Measured = { name: string; cold: Count; warm: Count };

const log = path.join(os.tmpdir(), `marginalia-queries-${process.pid}-${Date.now()}.jsonl`);
const measured: Measured[] = [];
let archive: Archive;
let found: Found;

/** The servers measuring now, each with when it was last asked. */
const servers = new Map<number, { server: Promise<Server>; askedAt: number }>();

test.describe.configure({ timeout: 90_000 });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  archive = await seededArchive(log, async (origin) => {
    const law = await fetch(origin + lawPath);
    expect(law.status).toBe(200);
    const versions = [...(await law.text()).matchAll(/\?version=(\d+)/g)].map((m) => Number(m[1]));
    const annotations = await fetch(`${origin}/api/v1/annotations?target=${encodeURIComponent(lawPath)}`);
    const annotationId = /\/api\/v1\/annotations\/(\d+)/.exec(await annotations.text())?.[1];
    expect(versions.length, "the demo law links an older version").toBeGreaterThan(0);
    expect(annotationId, "the demo law has a published annotation").toBeDefined();
    found = { olderVersion: Math.min(...versions), annotationId: annotationId! };
  });
});

test.afterAll(async () => {
  await Promise.all([...servers.keys()].map(stop));
  await archive?.remove();
  fs.rmSync(log, { force: true });
  const cell = (c: Count) => `${c.proxy.length + c.page.length} (${c.proxy.length})`;
  console.log(
    [
      "Database queries per request, the proxy's in parentheses:",
      "| page | cold | warm |",
      "| --- | ---: | ---: |",
      ...measured.map((m) => `| ${m.name} | ${cell(m.cold)} | ${cell(m.warm)} |`),
    ].join("\n"),
  );
});

for (const page of pageTypes) {
  const ceiling = (c: Ceiling) => c.proxy + c.page;
  test(`${page.name}: at most ${ceiling(page.cold)} queries cold and ${ceiling(page.warm)} warm`, async () => {
    const url = page.path(found);
    const answers: Answer[] = [];
    for (const run of ["cold", "warm"]) answers.push(await get(page.server, url, `${page.name}/${run}`));
    expect(
      answers.map((a) => a.status),
      url,
    ).toEqual([page.status ?? 200, page.status ?? 200]);
    // Stored by the cold request (so no page before it on that server stored it), served by the warm.
    if (page.storedWhole)
      expect(
        answers.map((a) => a.pageCache),
        `${url} in the page cache`,
      ).toEqual(["MISS", "HIT"]);
    // Stopped, a server has written every query it made, even those after the response; one that
    // goes on has been quiet for as long as it waits before its next request anyway.
    if (page === pageTypes.findLast((p) => p.server === page.server)) await stop(page.server);
    else await quiet(page.server);
    const lines = readLog();
    const cold = countOf(lines, `${page.name}/cold`);
    const warm = countOf(lines, `${page.name}/warm`);
    measured.push({ name: page.name, cold, warm });
    // The log saw both requests, and a cold page whose ceiling is not 0 reads the archive: this
    // cannot pass on an empty log.
    expect(cold.seen && warm.seen, `the query log recorded both requests to ${url}`).toBe(true);
    if (ceiling(page.cold) > 0)
      expect(cold.proxy.length + cold.page.length, `the cold render of ${url} read the database`).toBeGreaterThan(0);
    for (const [run, count, limit] of [["cold", cold, page.cold] as const, ["warm", warm, page.warm] as const]) {
      expect(count.proxy.length, `${run} ${url}, the proxy:\n${count.proxy.join("\n")}`).toBeLessThanOrEqual(
        limit.proxy,
      );
      expect(count.page.length, `${run} ${url}, the page:\n${count.page.join("\n")}`).toBeLessThanOrEqual(limit.page);
    }
    if (page.storedWhole) expect(warm.page, `warm ${url} is served whole, without a query`).toEqual([]);
    // The cache-sync poller (modules/system/page-cache-sync.ts) queries every quarter second outside
    // any request: logged under none, it is charged to no page.
    const polls = lines.filter((line) => line.text.includes(pollerTable));
    expect(polls.length, "the log holds the cache-sync poller's queries").toBeGreaterThan(0);
    expect(polls.filter((line) => line.request !== null)).toEqual([]);
  });
}

/** A response's status, and whether Next's page cache served it (HIT) or stored it (MISS). */
type Answer = { status: number; pageCache: string | null };

/**
 * Asks the page type's server for `url` under the log name `request`, starting the server first if
 * it is not running, and answers the status. Every request comes more than a second after the
 * server started or last answered, so it reads the publication clock (modules/public/clock.ts)
 * afresh, as the first request of a server would.
 */
async function get(server: number, url: string, request: string): Promise<Answer> {
  let running = servers.get(server);
  if (!running) {
    const started = archive.fresh();
    running = { server: started, askedAt: Date.now() };
    servers.set(server, running);
    await started;
    running.askedAt = Date.now();
  }
  const { origin } = await running.server;
  await quiet(server);
  try {
    const response = await fetch(origin + url, { headers: { [requestHeader]: request }, redirect: "manual" });
    // The whole body: a streamed page may still be reading when its headers arrive.
    await response.text();
    return { status: response.status, pageCache: response.headers.get("x-nextjs-cache") };
  } finally {
    running.askedAt = Date.now();
  }
}

/** Waits until the server last answered more than a second ago (the clock's trust). */
async function quiet(server: number) {
  const askedAt = servers.get(server)?.askedAt ?? 0;
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, askedAt + 1_200 - Date.now())));
}

async function stop(server: number) {
  const running = servers.get(server);
  servers.delete(server);
  await (await running?.server.catch(() => null))?.stop();
}

type Line = { request: string | null; phase: "request" | "proxy" | "render"; text: string };

/** The table the cache-sync poller reads. */
const pollerTable = '"cache_invalidations"';

function readLog(): Line[] {
  return fs
    .readFileSync(log, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Line);
}

function countOf(log: Line[], request: string): Count {
  const lines = log.filter((line) => line.request === request);
  return {
    seen: lines.some((line) => line.phase === "request"),
    proxy: lines.filter((line) => line.phase === "proxy").map((line) => line.text),
    page: lines.filter((line) => line.phase === "render").map((line) => line.text),
  };
}
