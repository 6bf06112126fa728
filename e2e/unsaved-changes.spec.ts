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
