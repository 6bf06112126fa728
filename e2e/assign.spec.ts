/**
 * Assigning items to a reviewer (issue 14): an editor ticks two laws on the list, assigns them to
 * another editor, sees the name in the Assigned column, and finds it on each law's sidebar.
 */
import type { Page } from "@playwright/test";
import { createAccount, expect, signInOverHttp, test } from "./fixtures";

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

test("an editor assigns two laws to another editor from the list; the column and each sidebar name them", async ({
  adminPage,
  openPage,
}) => {
  test.slow();
  const editor = await createAccount(adminPage, "assigner", "editor");
  const reviewer = await createAccount(adminPage, "assignee", "editor");
  const page = await openPage();
  await signInOverHttp(page, editor.email, editor.password);
  const stamp = Date.now();
  const titles = [`Assign law A ${stamp}`, `Assign law B ${stamp}`];
  for (const title of titles) await createDraft(page, title);

  await page.goto(`/admin/laws?q=${stamp}`);
  const table = page.getByRole("table", { name: "Laws" });
  const rows = table.getByRole("row");
  await expect(rows).toHaveCount(3);

  await test.step("show the Assigned column", async () => {
    await page.getByText("Columns", { exact: true }).click();
    await page.getByRole("checkbox", { name: "Assigned", exact: true }).check();
    await page.getByRole("button", { name: "Show", exact: true }).click();
    await expect(table.getByRole("columnheader", { name: "Assigned" })).toBeVisible();
  });

  await test.step("assign both to the other editor at once", async () => {
    await page.getByRole("checkbox", { name: "Select all on this page" }).check();
    await expect(page.getByText("2 selected", { exact: true })).toBeVisible();
    await page.getByRole("combobox", { name: "Assign to", exact: true }).selectOption({ label: reviewer.name });
    await page.getByRole("button", { name: "Assign", exact: true }).click();
    await expect(page.getByTestId("bulk-report")).toHaveText(`2 assigned to ${reviewer.name}`);
    for (const title of titles)
      await expect(rows.filter({ hasText: title }).getByRole("cell", { name: reviewer.name })).toBeVisible();
  });

  await test.step("each law's sidebar says who it is assigned to", async () => {
    await rows.filter({ hasText: titles[0]! }).getByRole("link", { name: titles[0]! }).click();
    await expect(page.getByRole("heading", { name: titles[0]!, level: 1 })).toBeVisible();
    const panel = page.getByTestId("workflow");
    await expect(panel.getByText("Assigned to", { exact: true })).toBeVisible();
    await expect(panel.getByTestId("assigned-to")).toHaveText(reviewer.name);
  });
});
