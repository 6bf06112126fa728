/**
 * A law's history: an editor sees what a save changed and restores the version before it; previews
 * the working version as readers will see it; and withdraws a published law, whose address then
 * answers 410 Gone and which leaves the home page.
 */
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { move, publishAsAdmin } from "./workflow-steps";

const kazakhTitle = "On the rehabilitation of victims of mass political repression";

const workflow = (page: Page) => page.getByTestId("workflow");
const state = (page: Page) => page.getByTestId("workflow-state");
const summaryBox = (page: Page) => page.getByRole("textbox", { name: "Summary" });

async function saveSummary(page: Page, summary: string) {
  await summaryBox(page).fill(summary);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Saved.", { exact: true })).toBeVisible();
}

test("an admin sees what a save changed in the history and restores the version before it", async ({
  adminPage: page,
}) => {
  await page.goto("/admin/laws?jurisdiction=KZ");
  await page.getByRole("link", { name: kazakhTitle }).click();
  await expect(page.getByRole("heading", { name: kazakhTitle, level: 1 })).toBeVisible();
  const original = await summaryBox(page).inputValue();
  expect(original).toContain("Kyrgyz law of 2024");
  const stamp = String(Date.now());
  const edited = `Kazakhstan's 1993 rehabilitation law, summary edited ${stamp}.`;
  await saveSummary(page, edited);

  await workflow(page).getByRole("link", { name: "History", exact: true }).click();
  await expect(page.getByRole("heading", { name: "History", level: 1 })).toBeVisible();
  const diff = page.getByRole("region", { name: /^Changes from revision/ });
  const [, from, to] = /revision (\d+) to (\d+)/.exec((await diff.getByRole("heading").textContent()) ?? "") ?? [];
  expect(Number(to)).toBe(Number(from) + 1);
  const summary = diff.getByRole("listitem").filter({ hasText: "Summary" });
  await expect(summary.locator("del").filter({ hasText: "Kyrgyz" })).not.toHaveCount(0);
  await expect(summary.locator("ins").filter({ hasText: stamp })).not.toHaveCount(0);

  await page.getByRole("button", { name: `Restore revision ${from}`, exact: true }).click();
  const dialog = page.getByRole("dialog", { name: `Restore revision ${from}?` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Restore", exact: true }).click();
  await expect(page.getByText("Restored as a new working revision.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("region", { name: "Revisions" })).toContainText(`Restored revision ${from}`);

  await page.getByRole("link", { name: "← Back to the law" }).click();
  await expect(page.getByRole("heading", { name: kazakhTitle, level: 1 })).toBeVisible();
  await expect(summaryBox(page)).toHaveValue(original);
});

test("an admin previews a law's working version, then withdraws the law", async ({
  adminPage: page,
  openPage,
  request,
}) => {
  test.slow();
  const stamp = Date.now();
  const title = `Law on the archives of the repressed ${stamp}`;
  const published = `Published summary ${stamp}.`;
  const working = `Working summary ${stamp}.`;

  await page.goto("/admin/laws/new");
  await page
    .getByRole("group", { name: "Titles", exact: true })
    .getByLabel(/^Title, row \d+ of/)
    .fill(title);
  await page.getByRole("combobox", { name: "Jurisdiction", exact: true }).selectOption({ label: "Kazakhstan (KZ)" });
  await page.getByRole("combobox", { name: "Type", exact: true }).selectOption({ label: "Law" });
  await page.getByRole("combobox", { name: "Status", exact: true }).selectOption({ label: "In force" });
  await summaryBox(page).fill(published);
  await page.getByRole("button", { name: "Create law" }).click();
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  const slug = await page.getByRole("textbox", { name: "Address (slug)" }).inputValue();
  const publicUrl = `/laws/kz/${slug}`;
  await publishAsAdmin(page);

  const reader = await openPage();
  await reader.goto("/");
  await expect(reader.getByRole("link", { name: title })).toBeVisible();

  await test.step("the preview shows the working version, marked; readers still see the published one", async () => {
    await saveSummary(page, working);
    const [preview] = await Promise.all([
      page.waitForEvent("popup"),
      workflow(page).getByRole("link", { name: "Preview (opens in a new tab)" }).click(),
    ]);
    await expect(preview).toHaveURL(publicUrl);
    await expect(preview.getByTestId("preview-banner")).toBeVisible();
    await expect(preview.getByRole("heading", { name: title, level: 1 })).toBeVisible();
    await expect(preview.getByText(working)).toBeVisible();
    await expect(preview.getByText(published)).toHaveCount(0);

    await reader.goto(publicUrl);
    await expect(reader.getByRole("heading", { name: title, level: 1 })).toBeVisible();
    await expect(reader.getByText(published)).toBeVisible();
    await expect(reader.getByText(working)).toHaveCount(0);
    await expect(reader.getByTestId("preview-banner")).toHaveCount(0);
  });

  await test.step("once withdrawn, its address is gone and the home page no longer lists it", async () => {
    await move(page, "Withdraw");
    await expect(state(page)).toContainText("Withdrawn");
    const response = await request.get(publicUrl);
    expect(response.status()).toBe(410);
    expect(await response.text()).toContain("This law was withdrawn");
    await reader.goto("/");
    await expect(reader.getByRole("heading", { name: "Latest laws" })).toBeVisible();
    await expect(reader.getByRole("link", { name: title })).toHaveCount(0);
  });
});

/** Creates a Kazakh law as the admin and publishes it; returns its public address, its admin page open. */
async function createPublishedLaw(page: Page, title: string) {
  await page.goto("/admin/laws/new");
  await page
    .getByRole("group", { name: "Titles", exact: true })
    .getByLabel(/^Title, row \d+ of/)
    .fill(title);
  await page.getByRole("combobox", { name: "Jurisdiction", exact: true }).selectOption({ label: "Kazakhstan (KZ)" });
  await summaryBox(page).fill(`Summary of ${title}.`);
  await page.getByRole("button", { name: "Create law" }).click();
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  const slug = await page.getByRole("textbox", { name: "Address (slug)" }).inputValue();
  await publishAsAdmin(page);
  return `/laws/kz/${slug}`;
}

test("a law withdrawn as merged into another sends its readers to that one", async ({ adminPage: page, request }) => {
  const stamp = Date.now();
  const keptTitle = `Consolidated law ${stamp}`;
  const kept = await createPublishedLaw(page, keptTitle);
  const merged = await createPublishedLaw(page, `Law folded into the consolidated one ${stamp}`);

  await workflow(page)
    .getByRole("button", { name: /^Withdraw/ })
    .click();
  const dialog = page.getByRole("dialog");
  const picker = dialog.getByRole("combobox", { name: "Send readers to (optional)" });
  await picker.fill(`Consolidated law ${stamp}`);
  await dialog.getByRole("option", { name: new RegExp(keptTitle) }).click();
  await dialog.getByRole("button", { name: "Withdraw", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(state(page)).toContainText("Withdrawn");

  const response = await request.get(merged, { maxRedirects: 0 });
  expect(response.status()).toBe(308);
  expect(response.headers()["location"]).toBe(kept);
});

test("the Withdraw dialog's picker lists its matches inside the dialog, and Escape closes the list before the dialog", async ({
  adminPage: page,
  request,
}) => {
  const stamp = Date.now();
  const publicUrl = await createPublishedLaw(page, `Law withdrawn past an open picker ${stamp}`);
  const dialog = page.getByRole("dialog");
  const picker = dialog.getByRole("combobox", { name: "Send readers to (optional)" });
  const list = dialog.getByRole("listbox");
  const withdraw = dialog.getByRole("button", { name: "Withdraw", exact: true });
  const openDialog = async () => {
    await workflow(page)
      .getByRole("button", { name: /^Withdraw/ })
      .click();
    await expect(picker).toBeFocused();
  };

  await test.step("Escape closes the open list, a second Escape the dialog", async () => {
    await openDialog();
    // Down opens the list with every published law but this one.
    await picker.press("ArrowDown");
    await expect(list.getByRole("option", { name: new RegExp(kazakhTitle) })).toBeVisible();
    await picker.press("Escape");
    await expect(list).toHaveCount(0);
    await expect(dialog).toBeVisible();
    await expect(picker).toBeFocused();
    await picker.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(state(page)).toHaveText("Published");
  });

  await test.step("the open list covers none of the dialog's controls; Withdraw is reached by keyboard", async () => {
    await openDialog();
    await picker.press("ArrowDown");
    // The list is drawn again (or closed by the page refreshing) when a search answers: measure it
    // once it stands open.
    await expect(async () => {
      if (!(await list.isVisible())) await picker.press("ArrowDown");
      await expect(list.getByRole("option").first()).toBeVisible({ timeout: 1_000 });
      const listBox = await list.boundingBox();
      expect(listBox).not.toBeNull();
      for (const control of [dialog.getByRole("textbox", { name: /^Reason/ }), withdraw]) {
        const box = (await control.boundingBox())!;
        expect(listBox!.y + listBox!.height).toBeLessThanOrEqual(box.y);
      }
    }).toPass({ timeout: 5_000 });
    // A pointer aimed at the button reaches the button, not an option over it.
    await withdraw.click({ trial: true, timeout: 5_000 });
    // The list may have closed already (a refresh of the page redraws it): only then would this
    // Escape close the dialog, which the first step showed it does not while the list is open.
    if (await list.isVisible()) await picker.press("Escape");
    await expect(list).toHaveCount(0);
    await expect(dialog).toBeVisible();
    await picker.focus();
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await expect(withdraw).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(dialog).toBeHidden();
    await expect(state(page)).toContainText("Withdrawn");
  });

  // Nothing was picked on the way: the address says it was withdrawn, it does not redirect.
  const response = await request.get(publicUrl, { maxRedirects: 0 });
  expect(response.status()).toBe(410);
});
