/**
 * The editors' list of laws as a table: sorting by a header, choosing columns, saving a view
 * and reapplying it, and moving several drafts at once; on a phone and a desktop, without
 * widening the page, and with no serious accessibility violation.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

const sizes = [
  { name: "phone", width: 390, height: 844 },
  { name: "desktop", width: 1280, height: 900 },
];

async function createDraft(page: Page, title: string) {
  await page.goto("/admin/laws/new");
  await page
    .getByRole("group", { name: "Titles", exact: true })
    .getByLabel(/^Title, row \d+ of/)
    .fill(title);
  await page.getByRole("combobox", { name: "Jurisdiction", exact: true }).selectOption({ label: "Kyrgyzstan (KG)" });
  await page.getByRole("button", { name: "Create law" }).click();
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
}

async function expectFitsAndPassesAxe(page: Page) {
  for (const size of sizes) {
    await page.setViewportSize({ width: size.width, height: size.height });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, `horizontal overflow at ${size.name} size`).toBeLessThanOrEqual(0);
    const { violations } = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
      .analyze();
    const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(
      serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
      `accessibility at ${size.name} size`,
    ).toEqual([]);
  }
}

test("an editor sorts, chooses columns, saves a view, reapplies it and submits two drafts at once", async ({
  adminPage: page,
}) => {
  test.slow();
  const stamp = Date.now();
  const first = `Lists table law A ${stamp}`;
  const second = `Lists table law B ${stamp}`;
  await createDraft(page, first);
  await createDraft(page, second);

  await page.goto(`/admin/laws?q=${stamp}`);
  const table = page.getByRole("table", { name: "Laws" });
  const rows = table.getByRole("row");
  await expect(rows).toHaveCount(3);

  await test.step("sort by a header, then turn it around", async () => {
    const title = table.getByRole("columnheader", { name: /Title/ });
    await title.getByRole("link").click();
    await expect(title).toHaveAttribute("aria-sort", "ascending");
    await expect(rows.nth(1)).toContainText(first);
    await title.getByRole("link").click();
    await expect(title).toHaveAttribute("aria-sort", "descending");
    await expect(rows.nth(1)).toContainText(second);
  });

  await test.step("hide a column", async () => {
    await expect(table.getByRole("columnheader", { name: "By" })).toBeVisible();
    await page.getByText("Columns", { exact: true }).click();
    await page.getByRole("checkbox", { name: "By", exact: true }).uncheck();
    await page.getByRole("button", { name: "Show", exact: true }).click();
    await expect(page).toHaveURL(/cols=/);
    await expect(table.getByRole("columnheader", { name: "By" })).toHaveCount(0);
    await expect(table.getByRole("columnheader", { name: /Title/ })).toHaveAttribute("aria-sort", "descending");
  });

  const viewName = `Newest drafts ${stamp}`;
  await test.step("save the view and reapply it from the plain list", async () => {
    await page.getByText("Save this view…").click();
    await page.getByRole("textbox", { name: "Save this view as" }).fill(viewName);
    await page.getByRole("button", { name: "Save view" }).click();
    await expect(page.getByRole("link", { name: viewName })).toBeVisible();
    await page.getByRole("textbox", { name: "Save this view as" }).fill(viewName);
    await page.getByRole("button", { name: "Save view" }).click();
    await expect(page.getByText(`You already have a view named “${viewName}”`)).toBeVisible();

    await page.goto("/admin/laws");
    await expect(page.getByRole("columnheader", { name: "By" })).toBeVisible();
    await page.getByRole("link", { name: viewName }).click();
    await expect(page).toHaveURL(new RegExp(`q=${stamp}`));
    await expect(rows).toHaveCount(3);
    await expect(rows.nth(1)).toContainText(second);
    await expect(table.getByRole("columnheader", { name: "By" })).toHaveCount(0);
  });

  await test.step("the page fits and passes axe on a phone and a desktop", async () => {
    await expectFitsAndPassesAxe(page);
  });

  await test.step("submit both drafts at once", async () => {
    await page.getByRole("checkbox", { name: "Select all on this page" }).check();
    await expect(page.getByText("2 selected", { exact: true })).toBeVisible();
    await page.getByRole("button", { name: "Submit for review" }).click();
    await expect(page.getByTestId("bulk-report")).toHaveText("2 submitted");
    for (const title of [first, second])
      await expect(rows.filter({ hasText: title }).getByRole("cell", { name: "In review" })).toBeVisible();
    await expect(page.getByText("0 selected", { exact: true })).toBeVisible();
  });

  await test.step("delete the view, after confirming", async () => {
    await page.getByRole("button", { name: `Delete view ${viewName}` }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Delete view" }).click();
    await expect(page.getByRole("link", { name: viewName })).toHaveCount(0);
  });
});

test("the articles list is the same table: sortable by date, fits a phone and passes axe", async ({
  adminPage: page,
}) => {
  await page.goto("/admin/articles");
  const table = page.getByRole("table", { name: "Articles" });
  const date = table.getByRole("columnheader", { name: /Date/ });
  await date.getByRole("link").click();
  await expect(date).toHaveAttribute("aria-sort", "descending");
  await expect(page).toHaveURL(/sort=date/);
  await expectFitsAndPassesAxe(page);
});
