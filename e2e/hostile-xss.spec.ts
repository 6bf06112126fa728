import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { plantedInDom, plantedInHtml, watchForScripts } from "./hostile/checks";
import { urlPayloads, xssPayloads } from "./hostile/xss-payloads";

/**
 * Every payload of e2e/hostile/xss-payloads.ts sits in every text field that reaches a page (law
 * titles, summary, identifiers, text, timeline notes, relation notes; article title, body and
 * original URL; agent names, variants, descriptions and links; annotation body; source titles,
 * URLs and notes; topic names and descriptions; the jurisdiction's names; figure labels and
 * notes), published through the workflow by e2e/seeds/hostile-content.ts. The pages that show
 * them are crawled in Chromium, as a reader and as an admin: nothing may run, and nothing may be
 * planted in the page or the HTML the server sent.
 */
test.describe.configure({ timeout: 240_000 });

const payloadCount = xssPayloads.length + urlPayloads.length;

async function crawl(page: Page, start: string[], follow: RegExp, limit: number) {
  const ran = await watchForScripts(page);
  const queue = [...start];
  const seen = new Set(queue);
  const findings: string[] = [];
  let checked = 0;
  while (queue.length > 0 && checked < limit) {
    const path = queue.shift()!;
    const response = await page.goto(path, { waitUntil: "load" });
    expect(response?.status(), path).toBeLessThan(500);
    const html = (await response?.text()) ?? "";
    // Only pages that show the hostile content are checked and followed.
    if (!html.includes("xss")) continue;
    checked++;
    for (const finding of [...(await plantedInDom(page)), ...plantedInHtml(html)]) findings.push(`${path}: ${finding}`);
    const links = await page.locator("a[href^='/']").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
    for (const link of links) {
      const clean = link.split("#")[0]!;
      if (follow.test(clean) && !seen.has(clean)) {
        seen.add(clean);
        queue.push(clean);
      }
    }
  }
  findings.push(...ran);
  return { checked, findings };
}

test("no payload runs or is planted on any public page that shows it", async ({ page }) => {
  const { checked, findings } = await crawl(
    page,
    ["/", "/laws?jurisdiction=xs", "/articles", "/jurisdictions", "/jurisdictions/xs", "/topics", "/search?q=Anchor"],
    /^\/(laws\/xs\/[^?]+|articles\/[^?]+|agents\/[^?]+|topics\/[^?]+|jurisdictions\/xs)$/,
    35,
  );
  console.log(`hostile-xss: ${payloadCount} payloads on ${checked} public pages`);
  expect(findings).toEqual([]);
  // The seed's laws, articles, agents, topics and the jurisdiction were all reached.
  expect(checked).toBeGreaterThanOrEqual(20);
});

test("no payload runs or is planted on the admin pages that show it", async ({ adminPage }) => {
  const { checked, findings } = await crawl(
    adminPage,
    [
      "/admin",
      "/admin/review",
      "/admin/laws?q=script",
      "/admin/articles?q=script",
      "/admin/agents?q=script",
      "/admin/annotations",
      "/admin/sources?q=script",
      "/admin/topics?q=script",
      "/admin/figures?jurisdiction=XS",
      "/admin/jurisdictions/XS",
      "/admin/audit",
    ],
    /^\/admin\/(laws|articles|agents|annotations|sources|topics|figures|history\/\w+)\/\d+(\/[a-z]+)?$/,
    30,
  );
  console.log(`hostile-xss: ${payloadCount} payloads on ${checked} admin pages`);
  expect(findings).toEqual([]);
  expect(checked).toBeGreaterThanOrEqual(15);
});
