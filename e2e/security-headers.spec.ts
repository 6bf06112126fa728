/**
 * Every response carries the security headers, and every page's scripts run under a
 * Content-Security-Policy without 'unsafe-inline' for scripts: nothing the policy blocks, and
 * nobody may frame the site (frame-ancestors 'none' and X-Frame-Options on every page). What is
 * not a page (feeds, the sitemap, robots.txt, the read API) gets a policy that allows nothing.
 * docs/adr/0006-content-security-policy.md explains the policy.
 */
import type { ConsoleMessage, Page } from "@playwright/test";
import { expect, signInAsAdmin, test } from "./fixtures";

// Rendered per request, each with a nonce of its own.
const perRequest = ["/login", "/login?next=%2Fadmin%2Flaws"];
// Rendered once and stored whole: their policy names each of their inline scripts by its hash.
const storedWhole = [
  "/",
  "/laws",
  "/laws?jurisdiction=kg&sort=title",
  "/articles",
  "/articles?kind=news",
  "/topics",
  "/jurisdictions",
  "/search?q=repression",
  "/search",
  "/laws/kg/rehabilitation-of-victims-of-soviet-political-repression",
  "/laws/kg/rehabilitation-of-victims-of-soviet-political-repression?version=7",
  "/articles/commentary-kyrgyzstan-rehabilitation-law-and-its-neighbours",
  "/jurisdictions/kg",
  "/laws/kg/no-such-law",
  "/no-such-page",
];
const pages = [...perRequest, ...storedWhole];

function policyOf(headers: Record<string, string>) {
  const csp = headers["content-security-policy"] ?? "";
  const directives = new Map(
    csp
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name!, values]),
  );
  return { csp, directives };
}

/** The headers next.config.ts sends with every response, whoever answers it. */
function expectFixedHeaders(headers: Record<string, string>, path: string) {
  expect(headers["x-frame-options"], path).toBe("DENY");
  expect(headers["x-content-type-options"], path).toBe("nosniff");
  expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"], path).toContain("camera=()");
  // The suite runs a production build.
  expect(headers["strict-transport-security"], path).toMatch(/^max-age=\d{7,}/);
}

test("every page sends the security headers", async ({ request }) => {
  for (const path of [...pages, "/admin"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    const headers = response.headers();
    const { directives } = policyOf(headers);
    expect(directives.get("frame-ancestors"), path).toEqual(["'none'"]);
    expect(directives.get("script-src"), path).not.toContain("'unsafe-inline'");
    expect(
      directives.get("script-src")?.some((s) => s.startsWith("'nonce-") || s.startsWith("'sha256-")),
      path,
    ).toBe(true);
    expect(directives.get("object-src"), path).toEqual(["'none'"]);
    expectFixedHeaders(headers, path);
  }
  // Next's built files, which the proxy does not see, carry the fixed headers too.
  const html = await (await request.get("/")).text();
  const chunk = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)![1]!;
  expect((await request.get(chunk)).headers()["x-content-type-options"]).toBe("nosniff");
});

const lawPath = "/laws/kg/rehabilitation-of-victims-of-soviet-political-repression";
const articleSlug = "kyrgyzstan-president-signs-law-rehabilitating-victims-of-soviet-repression";

test("the feeds, the sitemap, robots.txt and the read API send a policy that allows nothing, the other security headers, and 304 for their ETag", async ({
  request,
}) => {
  const collection = `/api/v1/annotations?target=${encodeURIComponent(lawPath)}`;
  const note = /\/api\/v1\/annotations\/\d+/.exec(await (await request.get(collection)).text())?.[0];
  expect(note, "the demo law has a published annotation").toBeDefined();
  // A figure and a source readers see, whatever their ids on this server's archive.
  const figure = /\/api\/v1\/figures\/\d+/.exec(await (await request.get("/api/v1/figures?limit=1")).text())?.[0];
  const source = /\/api\/v1\/sources\/\d+/.exec(await (await request.get("/api/v1/sources?limit=1")).text())?.[0];
  expect(figure, "the demo has an approved figure").toBeDefined();
  expect(source, "the demo's published items cite a source").toBeDefined();
  // Answered without the proxy (proxy.ts's matcher), their errors too; a route under /api/v1 that
  // the proxy does see (an id that is not digits) keeps the route's own policy.
  const routes: [string, number][] = [
    ["/feed.xml", 200],
    ["/feed.xml?jurisdiction=kg&kind=law", 200],
    ["/feed.xml?jurisdiction=zz", 404],
    ["/sitemap.xml", 200],
    // The demo fits in one file: a numbered file is a 404, read from the route all the same.
    ["/sitemap.xml?page=1", 404],
    ["/robots.txt", 200],
    [collection, 200],
    [note!, 200],
    ["/api/v1/annotations", 200],
    ["/api/v1/annotations?limit=0", 400],
    ["/api/v1/annotations/not-a-number", 404],
    ["/api/v1/laws", 200],
    ["/api/v1/laws?jurisdiction=kg&limit=1", 200],
    ["/api/v1/laws?year=soon", 400],
    [`/api/v1${lawPath}`, 200],
    ["/api/v1/laws/kg/no-such-law", 404],
    ["/api/v1/articles", 200],
    ["/api/v1/articles?kind=essay", 400],
    [`/api/v1/articles/${articleSlug}`, 200],
    ["/api/v1/articles/no-such-article", 404],
    ["/api/v1/agents?kind=person", 200],
    ["/api/v1/agents?kind=robot", 400],
    ["/api/v1/agents/sadyr-japarov", 200],
    ["/api/v1/agents/no-such-agent", 404],
    ["/api/v1/topics", 200],
    ["/api/v1/topics?page=2", 400],
    ["/api/v1/topics/rehabilitation", 200],
    ["/api/v1/topics/no-such-topic", 404],
    ["/api/v1/jurisdictions", 200],
    ["/api/v1/jurisdictions?kind=country", 400],
    ["/api/v1/jurisdictions/kg", 200],
    ["/api/v1/jurisdictions/xx", 404],
    ["/api/v1/figures?jurisdiction=kg", 200],
    ["/api/v1/figures?limit=0", 400],
    [figure!, 200],
    ["/api/v1/figures/999999", 404],
    ["/api/v1/sources", 200],
    ["/api/v1/sources?cursor=x", 400],
    [source!, 200],
    ["/api/v1/sources/999999", 404],
    ["/api/v1/search?q=japarov", 200],
    ["/api/v1/search", 400],
    ["/api/v1/openapi.json", 200],
  ];
  for (const [path, status] of routes) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(status);
    const headers = response.headers();
    // One policy, not the proxy's nonce policy beside the route's (a browser would enforce both).
    const policies = response.headersArray().filter((h) => h.name.toLowerCase() === "content-security-policy");
    expect(
      policies.map((h) => h.value),
      path,
    ).toEqual(["default-src 'none'; frame-ancestors 'none'"]);
    expectFixedHeaders(headers, path);
    expect(headers["cache-control"], path).toBe("public, max-age=0, s-maxage=1, stale-while-revalidate=59");
    const etag = headers["etag"];
    expect(etag, path).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    const again = await request.get(path, { headers: { "if-none-match": etag! }, maxRedirects: 0 });
    // Only a 200 has a representation to keep; an error is answered whole again.
    expect(again.status(), path).toBe(status === 200 ? 304 : status);
    if (status !== 200) continue;
    expect(await again.text(), path).toBe("");
    expect(again.headers()["etag"], path).toBe(etag);
    expect(again.headers()["content-security-policy"], path).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(again.headers()["cache-control"], path).toBe(headers["cache-control"]);
    expectFixedHeaders(again.headers(), path);
  }
});

test("each page rendered per request gets its own nonce, and every inline script of every page is allowed by the policy", async ({
  request,
}) => {
  const nonces = new Set<string>();
  for (const path of pages) {
    const response = await request.get(path);
    const { directives } = policyOf(response.headers());
    const sources = directives.get("script-src")!;
    const nonce = sources.find((s) => s.startsWith("'nonce-"))?.slice(7, -1);
    if (perRequest.includes(path)) nonces.add(nonce!);
    // A page stored whole is the same bytes for every reader: a nonce in it would be everyone's.
    else expect(nonce, path).toBeUndefined();
    const html = await response.text();
    // Nor the first reader's nonce, written into its scripts.
    if (!perRequest.includes(path)) expect(html, path).not.toMatch(/nonce="[^"]/);
    let inline = 0;
    for (const [, attributes, body] of html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)) {
      if (/\bsrc=|type="application\/(ld\+)?json"/.test(attributes!)) continue;
      inline++;
      const hash = `'sha256-${Buffer.from(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(body))).toString("base64")}'`;
      expect(
        (nonce !== undefined && attributes!.includes(`nonce="${nonce}"`)) || sources.includes(hash),
        `${path}: <script${attributes}>${body!.slice(0, 80)}`,
      ).toBe(true);
    }
    expect(inline, path).toBeGreaterThan(0);
  }
  expect(nonces.size).toBe(perRequest.length);
});

/** Everything the browser says about the policy while the callback runs. */
async function violations(page: Page, run: () => Promise<void>): Promise<string[]> {
  const found: string[] = [];
  const listen = (message: ConsoleMessage) => {
    if (/Content Security Policy|Permissions-Policy/i.test(message.text()))
      found.push(`${page.url()}: ${message.text()}`);
  };
  page.on("console", listen);
  await run();
  page.off("console", listen);
  return found;
}

test("in Chromium, the public pages and the admin run without a blocked script, and work", async ({ page }) => {
  test.slow();
  const blocked = await violations(page, async () => {
    for (const path of pages) {
      await page.goto(path, { waitUntil: "networkidle" });
    }
    // Client-side code runs: the search box navigates, the sign-in form signs in.
    await page.goto("/");
    await page.getByRole("searchbox", { name: "Search the archive" }).fill("rehabilitation");
    await page.getByRole("searchbox", { name: "Search the archive" }).press("Enter");
    await expect(page).toHaveURL(/\/search\?q=rehabilitation/);
    await signInAsAdmin(page);
    for (const path of ["/admin/laws", "/admin/laws/new", "/admin/review", "/admin/users", "/admin/audit"]) {
      await page.goto(path, { waitUntil: "networkidle" });
    }
    await page.getByRole("link", { name: "Laws", exact: true }).first().click();
    await expect(page).toHaveURL(/\/admin\/laws$/);
  });
  expect(blocked).toEqual([]);
});
