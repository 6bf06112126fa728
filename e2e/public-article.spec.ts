/**
 * From a law to what was written about it: the law's page lists the news and commentary that
 * discuss it, by kind; a commentary's page says plainly that it is opinion, and leads back.
 */
import { expect, test } from "./fixtures";

const kyrgyzLaw = "/laws/kg/rehabilitation-of-victims-of-soviet-political-repression";
const commentary = "Commentary: Kyrgyzstan's rehabilitation law and its neighbours";

test("a reader opens a commentary from the law it discusses, sees it labelled opinion, and goes back", async ({
  page,
}) => {
  await page.goto(kyrgyzLaw);
  const lawLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}");
  expect(lawLd).toMatchObject({
    "@type": "Legislation",
    legislationJurisdiction: { name: "Kyrgyzstan" },
    legislationPassedBy: { name: "Jogorku Kenesh" },
  });
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", /Kyrgyz Republic/);
  const discussed = page.getByRole("region", { name: "News and commentary" });
  await expect(discussed.getByRole("heading", { name: "News report" })).toBeVisible();
  await expect(discussed.getByRole("heading", { name: "Commentary / opinion" })).toBeVisible();
  await discussed.getByRole("link", { name: commentary }).click();

  await expect(page.getByRole("heading", { name: commentary, level: 1 })).toBeVisible();
  await expect(page.getByText("Opinion: the views are the author’s, not the archive’s")).toBeVisible();
  // Read as a crawler does, from the page as served (Next keeps the previous page mounted, hidden).
  await page.reload();
  const articleLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}");
  expect(articleLd).toMatchObject({ "@type": "OpinionNewsArticle", headline: commentary });
  await page.getByRole("region", { name: "Laws discussed" }).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/laws\/(kg|kz)\//);
});

test("an address no article has is a 404 page, not an error", async ({ page }) => {
  const response = await page.goto("/articles/no-such-article-here");
  expect(response?.status()).toBeLessThan(500);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});
