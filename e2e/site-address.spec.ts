/**
 * The site's own address comes from SITE_URL (the e2e server's is http://localhost:<port>), never
 * from the Host or X-Forwarded-Host a request claims: feeds, the sitemap, robots.txt, the
 * annotation API, a law's citation, JSON-LD, canonical link and Open Graph card all carry it.
 */
import { expect, test } from "./fixtures";

const lawPath = "/laws/kg/rehabilitation-of-victims-of-soviet-political-repression";
const forged = { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" };

test("machine-read documents carry SITE_URL whatever host a request names", async ({ request, baseURL }) => {
  const site = new URL(baseURL!).origin;
  for (const path of ["/feed.xml", "/sitemap.xml", "/robots.txt", `/api/v1/annotations?target=${lawPath}`]) {
    const response = await request.get(path, { headers: forged });
    expect(response.status(), path).toBe(200);
    const body = await response.text();
    expect(body, path).toContain(site);
    expect(body, path).not.toContain("evil.example");
  }
});

test("a law page's citation, JSON-LD, canonical link and Open Graph card carry SITE_URL", async ({
  request,
  baseURL,
}) => {
  const site = new URL(baseURL!).origin;
  const html = await (await request.get(lawPath, { headers: forged })).text();
  expect(html).not.toContain("evil.example");
  expect(html).toContain(`<link rel="canonical" href="${site}${lawPath}"/>`);
  expect(html).toContain(`<meta property="og:url" content="${site}${lawPath}"/>`);
  expect(html).toContain(`"url":"${site}${lawPath}"`);
});
