/**
 * An article's authors are in byline order: an editor reorders them by dragging or from the
 * keyboard, and the order is what is saved.
 */
import { createInPicker, expect, picker, test } from "./fixtures";

test("authors are reordered from the keyboard and by dragging, and saved in that order", async ({
  adminPage: page,
}) => {
  test.slow();
  const stamp = Date.now();
  const [first, second] = [`Aigul Testova ${stamp}`, `Bakyt Testov ${stamp}`];
  await page.goto("/admin/articles/new");
  await page.getByRole("textbox", { name: "Title", exact: true }).fill(`Report with two authors ${stamp}`);
  await createInPicker(page, "Authors", first);
  await createInPicker(page, "Authors", second);
  await page.getByRole("button", { name: "Create article" }).click();
  await expect(page).toHaveURL(/\/admin\/articles\/\d+$/);
  const { chosen } = picker(page, "Authors");
  await expect(chosen.getByRole("listitem").first()).toContainText(first);
  await expect(chosen.getByRole("listitem").last()).toContainText(second);

  // From the keyboard: the moved author keeps the focus, and the move is announced.
  const earlier = chosen.getByRole("button", { name: `Move ${second} earlier` });
  await earlier.focus();
  await page.keyboard.press("Enter");
  await expect(chosen.getByRole("listitem").first()).toContainText(second);
  await expect(chosen.getByRole("button", { name: `Move ${second} later` })).toBeFocused();
  await expect(page.getByText(`${second} moved to place 1 of 2.`)).toBeAttached();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Saved.", { exact: true })).toBeVisible();
  await page.reload();
  await expect(chosen.getByRole("listitem").first()).toContainText(second);
  await expect(chosen.getByRole("listitem").last()).toContainText(first);

  // By dragging the second row onto the first.
  await chosen.getByRole("listitem").last().dragTo(chosen.getByRole("listitem").first());
  await expect(chosen.getByRole("listitem").first()).toContainText(first);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Saved.", { exact: true })).toBeVisible();
  await page.reload();
  await expect(chosen.getByRole("listitem").first()).toContainText(first);
  await expect(chosen.getByRole("listitem").last()).toContainText(second);
});
