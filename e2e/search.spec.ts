/**
 * Searching the archive: from a missing page's search box, by a name spelt in another script or
 * transliteration, narrowing by kind; and a query of symbols gets an answer, not an error.
 */
import { expect, test } from "./fixtures";

test("a reader lands on a missing page, searches a transliterated name and finds the person", async ({ page }) => {
  const response = await page.goto("/laws/kg/no-such-law-here");
  expect(response?.status()).toBe(404);
  await page.getByRole("searchbox", { name: "Search the archive" }).fill("Zhaparov");
  await page.keyboard.press("Enter");

  await expect(page).toHaveURL(/\/search\?q=Zhaparov$/);
  const results = page.getByRole("region", { name: /results? for “Zhaparov”/ });
  const person = results.getByRole("listitem").filter({ has: page.getByRole("link", { name: "Sadyr Japarov" }) });
  await expect(person).toBeVisible();
  // The name the query matched is shown and marked, since it is not the one in the title.
  await expect(person.locator("mark").first()).toHaveText("Zhaparov");
  await expect(page.getByRole("searchbox", { name: "Search the archive" })).toHaveValue("Zhaparov");
});

test("a Cyrillic query finds a law by its Russian title, and the kind filter narrows the results", async ({ page }) => {
  await page.goto("/search?q=" + encodeURIComponent("реабилитации жертв"));
  const results = page.getByRole("region", { name: /results? for/ });
  const law = results.getByRole("link", { name: "On the rehabilitation of victims of mass political repression" });
  await expect(law).toBeVisible();
  await expect(results.getByText("О реабилитации жертв массовых политических репрессий")).toBeVisible();

  await page.goto("/search?q=rehabilitation");
  const filters = page.getByRole("navigation", { name: "Filters" }).last();
  await filters.getByRole("link", { name: "Laws" }).click();
  await expect(page).toHaveURL(/type=law/);
  await expect(page.getByRole("heading", { name: /^\d+ results? for “rehabilitation”$/ })).toBeVisible();
  const kinds = await page
    .getByRole("region", { name: /results? for/ })
    .locator("li > p:first-child")
    .allTextContents();
  expect(kinds.length).toBeGreaterThan(0);
  expect(kinds.every((k) => /^law/i.test(k))).toBe(true);
});

test("a name spelt differently inside the word is corrected, and the page says so", async ({ page }) => {
  await page.goto("/search?q=" + encodeURIComponent("Žaparov"));
  await expect(
    page.getByText(/Nothing matches “Žaparov” as typed; these results are for the closest names/),
  ).toBeVisible();
  await expect(page.getByRole("link", { name: "Sadyr Japarov" })).toBeVisible();
});

test("a query of symbols is answered, not failed", async ({ page }) => {
  const response = await page.goto("/search?q=" + encodeURIComponent(`'%"<>:*&|!`));
  expect(response?.status()).toBe(200);
  await expect(page.getByText(/has neither\. Try a word, a name or a number/)).toBeVisible();
  await page.goto("/search?q=" + encodeURIComponent("qwzxv nothing"));
  await expect(page.getByText("Nothing published matches “qwzxv nothing”.")).toBeVisible();
});
