/**
 * Every kind of public page passes axe-core's WCAG 2.1 A and AA rules with no serious or critical
 * violation, on a desktop and on a phone. A failure lists each violation with the elements it
 * found, so it can be fixed without rerunning axe by hand.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { move, publishAsAdmin } from "./workflow-steps";

type PublicPage = { name: string; path: string; status?: number };

/** One row per page type a reader can reach; add new public pages here. */
const publicPages: PublicPage[] = [
  { name: "home", path: "/" },
  { name: "laws index", path: "/laws" },
  { name: "laws index, filtered and sorted", path: "/laws?jurisdiction=kg&topic=rehabilitation&sort=title" },
  { name: "laws index, nothing matches", path: "/laws?jurisdiction=kz&year=1800" },
  { name: "law", path: "/laws/kg/rehabilitation-of-victims-of-soviet-political-repression" },
  {
    name: "article (news)",
    path: "/articles/kyrgyzstan-president-signs-law-rehabilitating-victims-of-soviet-repression",
  },
  { name: "article (opinion)", path: "/articles/commentary-kyrgyzstan-rehabilitation-law-and-its-neighbours" },
  { name: "articles index", path: "/articles" },
  { name: "articles index, one kind", path: "/articles?kind=opinion" },
  { name: "jurisdictions", path: "/jurisdictions" },
  { name: "jurisdiction", path: "/jurisdictions/kg" },
  { name: "topics", path: "/topics" },
  { name: "topic", path: "/topics/rehabilitation" },
  { name: "agent", path: "/agents/sadyr-japarov" },
  { name: "search, no query", path: "/search" },
  { name: "search results", path: "/search?q=rehabilitation" },
  { name: "search, matched by another name", path: "/search?q=%D0%96%D0%B0%D0%BF%D0%B0%D1%80%D0%BE%D0%B2" },
  { name: "search, nothing found", path: "/search?q=qwzxv" },
  { name: "search, an annotation found", path: "/search?q=Kirghiz" },
  { name: "unknown address (404)", path: "/no-such-page", status: 404 },
  { name: "unknown law (404)", path: "/laws/kg/no-such-law", status: 404 },
  { name: "read API docs", path: "/api-docs" },
  { name: "sign in", path: "/login" },
];

const viewports = [
  { name: "desktop", size: { width: 1280, height: 900 } },
  { name: "phone", size: { width: 390, height: 844 } },
];
// Contrast is checked again with the reader's system set to dark, where the site follows it.
const variants = [
  ...viewports.map((v) => ({ ...v, colorScheme: "light" as const })),
  { name: "desktop, dark colour scheme", size: viewports[0]!.size, colorScheme: "dark" as const },
];

const wcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const blocking = new Set(["serious", "critical"]);

for (const variant of variants) {
  test.describe(`at ${variant.name}`, () => {
    test.use({ viewport: variant.size, colorScheme: variant.colorScheme });

    for (const target of publicPages) {
      test(`${target.name} (${target.path}) has no serious accessibility violation`, async ({ page }) => {
        const response = await page.goto(target.path);
        expect(response?.status(), `status of ${target.path}`).toBe(target.status ?? 200);
        await expectNoSeriousViolations(page);
      });
    }
  });
}

test("an older version of a law and a withdrawn law's notice have no serious accessibility violation", async ({
  adminPage: admin,
  page,
}) => {
  test.slow();
  const stamp = Date.now();
  const title = `Law on the opening of the security service archives ${stamp}`;
  await admin.goto("/admin/laws/new");
  await admin
    .getByRole("group", { name: "Titles", exact: true })
    .getByLabel(/^Title, row \d+ of/)
    .fill(title);
  await admin.getByRole("combobox", { name: "Jurisdiction", exact: true }).selectOption({ label: "Kyrgyzstan (KG)" });
  const summary = admin.getByRole("textbox", { name: "Summary" });
  await summary.fill("The first published summary.");
  await admin.getByRole("button", { name: "Create law" }).click();
  await expect(admin.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  const slug = await admin.getByRole("textbox", { name: "Address (slug)" }).inputValue();
  const path = `/laws/kg/${slug}`;
  await publishAsAdmin(admin);
  await page.goto(path);
  const firstVersion = /version (\d+)/.exec((await page.getByTestId("last-reviewed").textContent()) ?? "")?.[1];
  expect(firstVersion).toBeTruthy();

  await summary.fill("The second published summary.");
  await admin.getByRole("button", { name: "Save changes" }).click();
  await expect(admin.getByText("Saved.", { exact: true })).toBeVisible();
  await publishAsAdmin(admin);

  for (const viewport of viewports) {
    await test.step(`version ${firstVersion} at ${viewport.name} size`, async () => {
      await page.setViewportSize(viewport.size);
      await page.goto(`${path}?version=${firstVersion}`);
      await expect(page.getByTestId("older-version")).toBeVisible();
      await expectNoSeriousViolations(page);
    });
  }

  await move(admin, "Withdraw");
  await expect(admin.getByTestId("workflow-state")).toContainText("Withdrawn");
  for (const viewport of viewports) {
    await test.step(`the withdrawn notice (410) at ${viewport.name} size`, async () => {
      await page.setViewportSize(viewport.size);
      const response = await page.goto(path);
      expect(response?.status()).toBe(410);
      await expect(page.getByRole("heading", { name: "This law was withdrawn" })).toBeVisible();
      await expectNoSeriousViolations(page);
    });
  }
});

test("the annotating pages of the admin have no serious accessibility violation", async ({ adminPage: admin }) => {
  await admin.goto("/admin/annotations");
  await admin
    .getByRole("link", { name: /^Context on “RSFSR Criminal Code/ })
    .first()
    .click();
  await expect(admin).toHaveURL(/\/admin\/annotations\/\d+$/);
  await expectNoSeriousViolations(admin);
  await admin.getByRole("link", { name: /^← Annotations on the/ }).click();
  await expect(admin).toHaveURL(/\/texts\/\d+\/annotations$/);
  await expect(admin.getByTestId("annotatable-text")).toBeVisible();
  await expectNoSeriousViolations(admin);
});

async function expectNoSeriousViolations(page: Page) {
  // Streamed parts (a law behind <Suspense>) must be in place before axe looks.
  await page.waitForLoadState("networkidle");
  const { violations } = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
  const serious = violations.filter((v) => blocking.has(v.impact ?? ""));
  expect(serious.length, describeViolations(page.url(), serious)).toBe(0);
}

type Violation = Awaited<ReturnType<AxeBuilder["analyze"]>>["violations"][number];

function describeViolations(url: string, violations: Violation[]): string {
  const lines = violations.flatMap((v) => [
    `${v.id} (${v.impact}): ${v.help} — ${v.helpUrl}`,
    ...v.nodes.map((node) => `    ${node.target.join(" ")}: ${node.failureSummary?.replace(/\n\s*/g, " ") ?? ""}`),
  ]);
  return `${violations.length} serious or critical accessibility violation(s) on ${url}:\n${lines.join("\n")}`;
}
