import { expect, type Page } from "@playwright/test";

/** Clicks a workflow button on an item's admin page and confirms it, giving an override reason when asked. */
export async function move(page: Page, label: string, reason?: string) {
  await page
    .getByTestId("workflow")
    .getByRole("button", { name: new RegExp(`^${label}`) })
    .click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  if (reason) await dialog.getByRole("textbox", { name: "Reason for the override" }).fill(reason);
  await dialog.getByRole("button", { name: label, exact: true }).click();
  await expect(dialog).toBeHidden();
}

/** Submits, approves and publishes the admin's own change: approving and publishing it needs a reason. */
export async function publishAsAdmin(page: Page, reason = "Test: checked by the same admin.") {
  await move(page, "Submit for review");
  await expect(page.getByTestId("workflow-state")).toContainText(/in review/i);
  await move(page, "Approve", reason);
  await move(page, "Publish now", reason);
  await expect(page.getByTestId("workflow-state")).toHaveText("Published");
}
