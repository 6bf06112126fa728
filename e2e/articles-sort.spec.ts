/**
 * The editors' list of articles sorts by a header both ways: a second click on the sorted header
 * turns the order around and says so in aria-sort; another header starts in its own order.
 */
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

async function createArticle(page: Page, title: string, date: string) {
  await page.goto("/admin/articles/new");
  await page.getByRole("textbox", { name: "Title", exact: true }).fill(title);
  await page.getByRole("textbox", { name: /^Original date/ }).fill(date);
  await page.getByRole("button", { name: "Create article" }).click();
  await expect(page).toHaveURL(/\/admin\/articles\/\d+$/);
}

test("clicking a header twice reverses the articles' order", async ({ adminPage: page }) => {
  test.slow();
  const stamp = Date.now();
  // Titles A–C carry dates that run the other way, so the two sorts give different orders.
  const titles = [`Sort report A ${stamp}`, `Sort report B ${stamp}`, `Sort report C ${stamp}`];
  const dates = ["2021-03-01", "2020-03-01", "2019-03-01"];
  for (const [i, title] of titles.entries()) await createArticle(page, title, dates[i]!);

  await page.goto(`/admin/articles?q=${stamp}`);
  const table = page.getByRole("table", { name: "Articles" });
  const rows = table.getByTestId("article-row");
  await expect(rows).toHaveCount(3);
  const order = async (expected: string[]) => {
    for (const [i, title] of expected.entries()) await expect(rows.nth(i)).toContainText(title);
  };

  await test.step("by title: A–Z, then Z–A", async () => {
    const title = table.getByRole("columnheader", { name: /Title/ });
    await title.getByRole("link").click();
    await expect(title).toHaveAttribute("aria-sort", "ascending");
    await order(titles);
    await title.getByRole("link").click();
    await expect(title).toHaveAttribute("aria-sort", "descending");
    await expect(page).toHaveURL(/dir=desc/);
    await order([...titles].reverse());
  });

  await test.step("by date: newest first, then oldest first, the title no longer sorted", async () => {
    const date = table.getByRole("columnheader", { name: /Date/ });
    await date.getByRole("link").click();
    await expect(date).toHaveAttribute("aria-sort", "descending");
    await expect(table.getByRole("columnheader", { name: /Title/ })).not.toHaveAttribute("aria-sort");
    await order(titles);
    await date.getByRole("link").click();
    await expect(date).toHaveAttribute("aria-sort", "ascending");
    await order([...titles].reverse());
  });

  await test.step("the direction survives a new search", async () => {
    await page.goto("/admin/articles?sort=date&dir=asc");
    await page.getByRole("textbox", { name: "Title", exact: true }).fill(`${stamp}`);
    await page.getByRole("button", { name: "Apply", exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`q=${stamp}`));
    await expect(page).toHaveURL(/dir=asc/);
    await expect(table.getByRole("columnheader", { name: /Date/ })).toHaveAttribute("aria-sort", "ascending");
    await order([...titles].reverse());
  });
});
