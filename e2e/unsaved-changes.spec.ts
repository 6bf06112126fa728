/**
 * Changes typed into an edit form are not lost by a click elsewhere: leaving asks first, until they
 * are saved.
 */
import { expect, test } from "./fixtures";

test("leaving a law's form with changes not saved asks first; once saved, it leaves at once", async ({
  adminPage: page,
}) => {
  await page.goto("/admin/laws/new");
  await page
    .getByRole("group", { name: "Titles", exact: true })
    .getByLabel(/^Title, row \d+ of/)
    .fill(`Law on archives ${Date.now()}`);
  await page.getByRole("combobox", { name: "Jurisdiction", exact: true }).selectOption({ label: "Uzbekistan (UZ)" });
  await page.getByRole("button", { name: "Create law" }).click();
  await expect(page).toHaveURL(/\/admin\/laws\/\d+$/);
  const lawUrl = page.url();

  const summary = page.getByRole("textbox", { name: "Summary" });
  await summary.fill("A summary not saved yet.");
  const asked: string[] = [];
  page.once("dialog", (dialog) => {
    asked.push(dialog.message());
    void dialog.dismiss();
  });
  await page.getByRole("link", { name: "← Laws" }).click();
  await expect.poll(() => asked).toEqual(["This form has changes that are not saved. Leave without saving them?"]);
  // Stayed, with the text.
  expect(page.url()).toBe(lawUrl);
  await expect(summary).toHaveValue("A summary not saved yet.");

  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Saved.", { exact: true })).toBeVisible();
  page.on("dialog", (dialog) => {
    asked.push(dialog.message());
    void dialog.accept();
  });
  await page.getByRole("link", { name: "← Laws" }).click();
  await expect(page).toHaveURL(/\/admin\/laws$/);
  expect(asked).toHaveLength(1);
});

test("a law's form left alone with changes saves itself as a draft, and a refused save waits for a change", async ({
  adminPage: page,
}) => {
  test.slow();
  await page.goto("/admin/laws/new");
  await page
    .getByRole("group", { name: "Titles", exact: true })
    .getByLabel(/^Title, row \d+ of/)
    .fill(`Law on memorial days ${Date.now()}`);
  await page.getByRole("combobox", { name: "Jurisdiction", exact: true }).selectOption({ label: "Kazakhstan (KZ)" });
  await page.getByRole("button", { name: "Create law" }).click();
  await expect(page).toHaveURL(/\/admin\/laws\/\d+$/);
  await expect(page.getByText("Changes save themselves as a draft")).toBeVisible();
  const revision = page.getByTestId("workflow").getByText(/^\d+ \(never published\)$/);
  await expect(revision).toHaveText("1 (never published)");

  const summary = page.getByRole("textbox", { name: "Summary" });
  await summary.fill("Saved without pressing Save.");
  // Nothing is sent while the editor is still at it…
  await page.waitForTimeout(5_000);
  await expect(page.getByText("Saved.", { exact: true })).toBeHidden();
  // …and once the form has been left alone for 20 seconds, it is saved as the next draft revision.
  await expect(page.getByText("Saved.", { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(revision).toHaveText("2 (never published)");
  await page.reload();
  await expect(summary).toHaveValue("Saved without pressing Save.");

  // A save refused for a field's error is shown there and not sent again until the form changes.
  const title = page.getByRole("group", { name: "Titles", exact: true }).getByLabel(/^Title, row \d+ of/);
  await title.fill("");
  await expect(page.getByText("Enter the title.")).toBeVisible({ timeout: 30_000 });
  const saves: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST") saves.push(request.url());
  });
  await page.waitForTimeout(25_000);
  expect(saves).toEqual([]);
  await expect(revision).toHaveText("2 (never published)");
});
