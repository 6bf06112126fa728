/**
 * A reader finds a law without searching: from the home page to the laws index, narrowed by
 * jurisdiction and year, with the filters in a shareable address.
 */
import { expect, test } from "./fixtures";

const kazakhTitle = "On the rehabilitation of victims of mass political repression";

test("a reader narrows the laws index by jurisdiction and year and opens the law", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: /All laws/ }).click();
  await expect(page.getByRole("heading", { name: "Laws", level: 1 })).toBeVisible();

  const filters = page.getByRole("navigation", { name: "Filters" });
  await filters.getByRole("link", { name: "Kazakhstan", exact: true }).click();
  await expect(page).toHaveURL(/\/laws\?jurisdiction=kz$/);
  await expect(filters.getByRole("link", { name: /Kazakhstan/ })).toHaveAttribute("aria-current", "true");
  await filters.getByRole("link", { name: "1993", exact: true }).click();
  await expect(page).toHaveURL(/jurisdiction=kz&year=1993/);
  await expect(page.getByRole("heading", { name: /^1 law$/ })).toBeVisible();

  // The address alone reproduces the view.
  const shared = page.url();
  await page.goto(shared);
  await page.getByRole("link", { name: kazakhTitle }).click();
  await expect(page.getByRole("heading", { name: kazakhTitle, level: 1 })).toBeVisible();
});

test("filters that match nothing say so and offer the whole list", async ({ page }) => {
  await page.goto("/laws?jurisdiction=kz&year=1800");
  await expect(page.getByText("No published law matches these filters.")).toBeVisible();
  await page.getByRole("link", { name: "Show all laws" }).click();
  await expect(page).toHaveURL(/\/laws$/);
});

test("on a phone the filters fold away, say how many are chosen, and still work", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/laws?jurisdiction=kz");
  const disclosure = page.getByText("Filters (1 chosen)");
  await expect(disclosure).toBeVisible();
  await expect(page.getByRole("link", { name: "1993", exact: true })).toBeHidden();
  await disclosure.click();
  await page.getByRole("link", { name: "1993", exact: true }).click();
  await expect(page).toHaveURL(/jurisdiction=kz&year=1993/);
  await expect(page.getByText("Filters (2 chosen)")).toBeVisible();
});

test("an unknown address offers the laws index", async ({ page }) => {
  const response = await page.goto("/laws/kz/no-law-has-this-address");
  expect(response?.status()).toBeLessThan(500);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await page.getByRole("link", { name: "Browse every published law" }).click();
  await expect(page.getByRole("heading", { name: "Laws", level: 1 })).toBeVisible();
});
