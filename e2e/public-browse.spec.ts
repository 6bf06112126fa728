/**
 * A reader browses without searching: from the home page to a jurisdiction and its laws in the
 * order of their history, into a law, on to a person who acted in it, then to the articles index
 * narrowed to one kind.
 */
import { expect, test } from "./fixtures";

const kyrgyzLaw = "On Amendments to Certain Legislative Acts of the Kyrgyz Republic";
const news = "Kyrgyzstan's president signs law rehabilitating victims of Soviet-era political repression";
const commentary = "Commentary: Kyrgyzstan's rehabilitation law and its neighbours";

test("a reader goes from home to a jurisdiction, a law, an agent, and the articles of one kind", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("region", { name: "Jurisdictions" }).getByRole("link", { name: "Kyrgyzstan" }).click();
  await expect(page).toHaveURL(/\/jurisdictions\/kg$/);
  await expect(page.getByRole("heading", { name: "Kyrgyzstan", level: 1 })).toBeVisible();

  const laws = page.getByRole("region", { name: "Laws, in the order of their history" });
  const entry = laws.getByRole("listitem").filter({ hasText: kyrgyzLaw });
  await expect(entry).toContainText("Adopted 20 November 2024");
  await entry.getByRole("link", { name: kyrgyzLaw }).click();
  await expect(page.getByRole("heading", { name: kyrgyzLaw, level: 1 })).toBeVisible();

  await page.getByRole("region", { name: "History" }).getByRole("link", { name: "Sadyr Japarov" }).first().click();
  await expect(page).toHaveURL(/\/agents\/sadyr-japarov$/);
  await expect(page.getByRole("heading", { name: "Sadyr Japarov", level: 1 })).toBeVisible();
  await expect(page.getByText("Жапаров Садыр")).toBeVisible();
  const acts = page.getByRole("region", { name: "In the history of laws" });
  await expect(acts.getByRole("listitem").filter({ hasText: "Signed" })).toContainText("December 2024");
  await expect(acts.getByRole("link", { name: kyrgyzLaw }).first()).toBeVisible();

  await page.getByRole("navigation", { name: "Site" }).getByRole("link", { name: "Articles" }).click();
  await expect(page.getByRole("heading", { name: "Articles", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: commentary })).toBeVisible();
  const kinds = page.getByRole("navigation", { name: "Kinds of article" });
  await kinds.getByRole("link", { name: /^News report/ }).click();
  await expect(page).toHaveURL(/\/articles\?kind=news$/);
  await expect(kinds.getByRole("link", { name: /^News report/ })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("link", { name: news })).toBeVisible();
  await expect(page.getByRole("link", { name: commentary })).toHaveCount(0);
});

test("a jurisdiction's and a topic's pages link each other through the law they share", async ({ page, request }) => {
  await page.goto("/topics");
  await page.getByRole("link", { name: "Rehabilitation", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Rehabilitation", level: 1 })).toBeVisible();
  await expect(page.getByRole("region", { name: "Laws, in the order of their history" })).toContainText(kyrgyzLaw);
  await page.goto("/jurisdictions");
  await expect(page.getByRole("link", { name: "Kazakhstan" })).toBeVisible();
  const moved = await request.get("/jurisdictions/KG", { maxRedirects: 0 });
  expect([moved.status(), moved.headers()["location"]]).toEqual([308, expect.stringMatching(/\/jurisdictions\/kg$/)]);
  await page.goto("/jurisdictions/kg");
  await page.getByRole("region", { name: "Topics" }).getByRole("link", { name: "Rehabilitation" }).click();
  await expect(page).toHaveURL(/\/topics\/rehabilitation$/);
});

test("a jurisdiction's page leads to every article about it, a list that can be narrowed and widened again", async ({
  page,
}) => {
  await page.goto("/jurisdictions/kg");
  await page.getByRole("link", { name: "All articles about Kyrgyzstan" }).click();
  await expect(page).toHaveURL(/\/articles\?jurisdiction=kg$/);
  await expect(page.getByRole("heading", { name: /^Articles about Kyrgyzstan · 2$/ })).toBeVisible();
  await expect(page.getByRole("link", { name: news })).toBeVisible();
  await expect(page.getByRole("link", { name: commentary })).toBeVisible();
  // The kinds keep the subject, and count within it.
  await page
    .getByRole("navigation", { name: "Kinds of article" })
    .getByRole("link", { name: /^News report \(1\)/ })
    .click();
  await expect(page).toHaveURL(/\/articles\?kind=news&jurisdiction=kg$/);
  await expect(page.getByRole("link", { name: commentary })).toHaveCount(0);
  await page.getByRole("link", { name: "Remove filter: Kyrgyzstan" }).click();
  await expect(page).toHaveURL(/\/articles\?kind=news$/);
  await page.goto("/articles?topic=no-such-topic");
  await expect(
    page.getByText("The archive has no published topic, jurisdiction or author by that name."),
  ).toBeVisible();
});

test("unreadable or unknown addresses are handled: an ignored kind, a missing page, no such agent", async ({
  page,
}) => {
  await page.goto("/articles?kind=gossip&page=x");
  await expect(page.getByRole("link", { name: news })).toBeVisible();
  await page.goto("/articles?kind=statement");
  await expect(page.getByText("No official statements have been published yet.")).toBeVisible();
  await page.getByRole("link", { name: "Show all articles" }).click();
  await expect(page).toHaveURL(/\/articles$/);
  await page.goto("/articles?page=40");
  await expect(page.getByText("There is no page 40 of articles.")).toBeVisible();
  for (const missing of ["/agents/nobody-by-this-name", "/topics/no-such-topic", "/jurisdictions/zz"]) {
    const response = await page.goto(missing);
    expect(response?.status(), missing).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  }
});

test("the laws index narrowed to an agent names it, links to its page, and widens again", async ({ page }) => {
  await page.goto("/laws?agent=sadyr-japarov");
  await expect(page.getByText("Laws in whose history Sadyr Japarov took a step")).toBeVisible();
  await expect(page.getByRole("link", { name: kyrgyzLaw })).toBeVisible();
  await expect(page.getByRole("heading", { name: "1 law" })).toBeVisible();
  await page.getByRole("link", { name: "Remove filter: Sadyr Japarov" }).click();
  await expect(page).toHaveURL(/\/laws$/);
  await page.goto("/laws?agent=nobody-by-this-name");
  await expect(page.getByText("The archive has no published person or body by that name.")).toBeVisible();
  await expect(page.getByText("No published law matches these filters.")).toBeVisible();
});

test("the site has an icon: the one each page links, and /favicon.ico for clients that only ask there", async ({
  page,
  request,
}) => {
  await page.goto("/");
  const href = await page.locator('link[rel="icon"][type="image/svg+xml"]').getAttribute("href");
  expect(href).toBeTruthy();
  const svg = await request.get(href!);
  expect(svg.status()).toBe(200);
  expect(svg.headers()["content-type"]).toContain("image/svg+xml");
  const ico = await request.get("/favicon.ico");
  expect(ico.status()).toBe(200);
  expect(ico.headers()["content-type"]).toBe("image/x-icon");
  // An ICO file: reserved 0, type 1 (icon), one image.
  expect([...(await ico.body()).subarray(0, 6)]).toEqual([0, 0, 1, 0, 1, 0]);
});
