/**
 * Nothing unpublished reaches a reader. The server starts with canaries planted in every kind of
 * unpublished content (e2e/canaries/seed.ts); this crawls everything public a signed-out reader or
 * a crawler can reach (pages and their RSC payloads, sitemap, feeds, robots.txt, the read API,
 * metadata and JSON-LD, search, old versions) and fails on any canary, saying where it was.
 */
import { readCanaries } from "./canaries/book";
import { Crawler, pool } from "./canaries/crawl";
import { report, Scanner, type Finding } from "./canaries/scan";
import { expect, test } from "./fixtures";

const canaries = () => readCanaries(process.env.E2E_CANARY_FILE!);

const feeds = ["law", "news", "opinion", "commentary", "analysis", "statement"].map((kind) => `/feed.xml?kind=${kind}`);
const seeds = ["/", "/robots.txt", "/sitemap.xml", "/feed.xml", ...feeds, "/feed.xml?jurisdiction=XC", "/search"];
const lawOrArticle = /^\/(laws\/[^/?]+\/[^/?]+|articles\/[^/?]+)$/;

test("no canary on any public page, payload, feed, sitemap, API answer or search", async ({ request, baseURL }) => {
  test.setTimeout(240_000);
  const planted = canaries();
  const crawler = new Crawler(request, new Scanner(planted), new URL(baseURL!).origin);
  const started = Date.now();
  const seconds = () => `${Math.round((Date.now() - started) / 1000)} s`;
  await crawler.crawl(seeds);
  const crawled = seconds();
  const pages = [...crawler.seen].filter((path) => lawOrArticle.test(path));

  // The read API for every law and article page, and annotations by id, published or not.
  const before = crawler.seen.size;
  await crawler.crawl([
    ...pages.map((path) => `/api/v1/annotations?target=${encodeURIComponent(path)}`),
    ...Array.from({ length: 60 }, (_, i) => `/api/v1/annotations/${i + 1}`),
    // Every law's record, and the whole list, as the laws API gives them.
    ...pages.filter((path) => path.startsWith("/laws/")).map((path) => `/api/v1${path}`),
    "/api/v1/laws?limit=100",
    // And every article's, and their list.
    ...pages.filter((path) => path.startsWith("/articles/")).map((path) => `/api/v1${path}`),
    "/api/v1/articles?limit=100",
    // And every agent's and topic's, and their lists.
    ...[...crawler.seen].filter((path) => /^\/(agents|topics)\/[^/?]+$/.test(path)).map((path) => `/api/v1${path}`),
    "/api/v1/agents?limit=100",
    "/api/v1/topics",
    // Every jurisdiction's, figures and sources with theirs, and the API's search for each canary (below).
    ...[...crawler.seen].filter((path) => /^\/jurisdictions\/[^/?]+$/.test(path)).map((path) => `/api/v1${path}`),
    "/api/v1/jurisdictions",
    "/api/v1/figures?limit=100",
    ...Array.from({ length: 20 }, (_, i) => `/api/v1/figures/${i + 1}`),
    "/api/v1/sources?limit=100",
    ...Array.from({ length: 40 }, (_, i) => `/api/v1/sources/${i + 1}`),
  ]);
  // Revision numbers a law's working revisions took, which were never published.
  const laws = pages.filter((path) => path.startsWith("/laws/"));
  await crawler.crawl(
    laws.flatMap((path) => [1, 2, 3, 4, 5, 6].map((n) => `${path}?version=${n}`)),
    true,
  );
  crawler.stats.probes = crawler.seen.size - before;

  // Each canary as typed, each Cyrillic one in Latin letters, and partial forms: the part naming its item, or less.
  const searches: { q: string; c: { text: string; where: string } }[] = planted.flatMap((c) =>
    [c.text, ...(c.latin ? [c.latin] : [])].map((q) => ({ q, c })),
  );
  const partial = new Set(
    planted.map((c) => /^CANARY-[a-z]+-[a-z_]+/.exec(c.text)?.[0]).filter((p) => p !== undefined),
  );
  searches.push(
    ...[...partial, "CANARY", "Канарейка"].map((q) => ({
      q,
      c: { text: q, where: "a partial form: matches any canary that starts so" },
    })),
  );
  const probed = seconds();
  await pool(searches, 6, ({ q, c }) => crawler.search(q, c));

  console.log(
    `draft-leak: ${planted.length} canaries seeded; ${crawler.stats.pages} addresses fetched ` +
      `(${crawler.stats.probes} of them API and version probes), ${crawler.stats.payloads} RSC payloads, ` +
      `${crawler.stats.searches} searches (crawl ${crawled}, probes ${probed}, all ${seconds()}); ` +
      `${crawler.findings.length} findings`,
  );
  expect(pages.length, "the crawl reached the laws and articles").toBeGreaterThan(5);
  expect(crawler.findings.length, report(crawler.findings)).toBe(0);
});

test("no canary in what Chromium renders, or in the payloads its router prefetches", async ({ page, request }) => {
  test.setTimeout(120_000);
  const scanner = new Scanner(canaries());
  const sitemap = await (await request.get("/sitemap.xml")).text();
  const hosts = [...sitemap.matchAll(/<loc>([^<]*leak-test[^<]*)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  const findings: Finding[] = [];
  const payloads: Promise<void>[] = [];
  page.on("response", (response) => {
    if (!(response.headers()["content-type"] ?? "").includes("text/x-component")) return;
    payloads.push(
      response.text().then(
        (body) => void findings.push(...scanner.scan(body, response.url(), "RSC fetched by the browser")),
        () => undefined,
      ),
    );
  });
  for (const path of ["/", "/articles", "/laws", "/jurisdictions/XC", ...hosts]) {
    // Followed as a reader would where the page before links to it: the router then fetches its payload.
    const link = page.locator(`a[href="${path}"]:visible`).first();
    if (page.url() !== "about:blank" && (await link.count()) > 0) {
      await link.click();
      await page.waitForURL((url) => url.pathname === path);
      await page.waitForLoadState("networkidle");
    } else await page.goto(path, { waitUntil: "networkidle" });
    findings.push(...scanner.scan(await page.content(), path, "rendered DOM"));
    findings.push(...scanner.scan(await page.title(), path, "title"));
  }
  await Promise.all(payloads);
  expect(hosts.length, "the sitemap lists the published host items").toBeGreaterThan(2);
  expect(findings.length, report(findings)).toBe(0);
});
