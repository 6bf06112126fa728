/**
 * The admin's frame around every page: the header (one row on a desktop, a menu button on a
 * phone), the command palette (Ctrl-K), and an item's edit page with its status, moves and
 * comments in a sidebar beside the form.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { adminNav, expect, test } from "./fixtures";

const desktop = { width: 1280, height: 900 };
const phone = { width: 390, height: 844 };
const demoLaw = /^On Amendments to Certain Legislative Acts of the Kyrgyz Republic$/;

async function openDemoLaw(page: Page) {
  await page.goto("/admin/laws?q=Amendments");
  await page.getByRole("link", { name: demoLaw }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: demoLaw })).toBeVisible();
}

async function expectNoSeriousViolations(page: Page) {
  await page.waitForLoadState("networkidle");
  const { violations } = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

async function horizontalOverflow(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

test("on a desktop the status, moves and comments sit beside the form, the moves that remove apart", async ({
  adminPage: page,
}) => {
  await page.setViewportSize(desktop);
  await openDemoLaw(page);
  const sidebar = page.getByRole("complementary", { name: "Status and actions" });
  const details = page.getByRole("heading", { level: 2, name: "Details" });
  const [side, form] = [await sidebar.boundingBox(), await details.boundingBox()];
  expect(side!.x).toBeGreaterThan(form!.x + form!.width);
  await expect(sidebar.getByText("Last saved")).toBeVisible();
  await expect(sidebar.getByRole("heading", { name: /Editorial comments/ })).toBeVisible();

  // The published demo law can be withdrawn or archived: those come last, under "Remove".
  const removal = sidebar.getByTestId("removal-moves");
  await expect(removal.getByRole("button", { name: "Withdraw" })).toBeVisible();
  await expect(removal.getByRole("button", { name: "Archive" })).toBeVisible();
  const buttons = await sidebar.getByRole("button").allTextContents();
  expect(buttons.indexOf("Withdraw")).toBeGreaterThan(buttons.indexOf("Add comment"));

  // Withdrawing still asks first: Cancel leaves the law published.
  await removal.getByRole("button", { name: "Withdraw" }).click();
  const dialog = page.getByRole("dialog", { name: "Withdraw from the public site?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("workflow-state")).toHaveText("Published");

  await sidebar.getByRole("navigation", { name: "On this page" }).getByRole("link", { name: "Timeline" }).click();
  await expect(page).toHaveURL(/#timeline-heading$/);
  await expect(page.getByRole("heading", { level: 2, name: "Timeline" })).toBeInViewport();
  // The sidebar stays in view beside a section far down the form.
  await expect(sidebar.getByTestId("workflow-state")).toBeInViewport();
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await expectNoSeriousViolations(page);
});

test("on a phone the status comes first and the sections are behind the Menu button", async ({ adminPage: page }) => {
  await page.setViewportSize(phone);
  await openDemoLaw(page);
  const status = page.getByTestId("workflow-state");
  const details = page.getByRole("heading", { level: 2, name: "Details" });
  expect((await status.boundingBox())!.y).toBeLessThan((await details.boundingBox())!.y);
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await expectNoSeriousViolations(page);

  const menu = page.getByRole("button", { name: "Menu" });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(adminNav(page)).toBeHidden();
  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await expect(adminNav(page).getByRole("link", { name: "Laws" })).toHaveAttribute("aria-current", "page");
  await expectNoSeriousViolations(page);
  await adminNav(page).getByRole("link", { name: "Articles" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Articles" })).toBeVisible();
  await expect(adminNav(page)).toBeHidden();
});

test("on a desktop the header is one row with every section", async ({ adminPage: page }) => {
  await page.setViewportSize(desktop);
  await page.goto("/admin");
  await expect(page.getByRole("button", { name: "Menu" })).toBeHidden();
  const links = adminNav(page).getByRole("link");
  // Measured once every section is shown (evaluateAll does not wait for them).
  await expect(links.last()).toBeVisible();
  expect(await links.count()).toBeGreaterThanOrEqual(10);
  const tops = new Set<number>();
  for (const box of await links.evaluateAll((all) => all.map((a) => Math.round(a.getBoundingClientRect().top))))
    tops.add(box);
  expect(tops.size).toBe(1);
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
});

test("Ctrl-K finds a record by its title and Enter opens it", async ({ adminPage: page }) => {
  await page.setViewportSize(desktop);
  await page.goto("/admin");
  const palette = page.getByRole("dialog", { name: "Jump to a record" });
  // The shortcut works once the page's script runs: pressed before that, it is pressed again.
  await expect(async () => {
    await page.keyboard.press("Control+k");
    await expect(palette).toBeVisible({ timeout: 1_000 });
  }).toPass();
  const input = palette.getByRole("combobox");
  await expect(input).toBeFocused();
  await input.fill("Certain Legislative");
  const first = palette.getByRole("option").first();
  await expect(first).toContainText(demoLaw.source.slice(1, -1));
  await expect(first).toHaveAttribute("aria-selected", "true");
  await expectNoSeriousViolations(page);
  await input.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: demoLaw })).toBeVisible();
  await expect(palette).toBeHidden();

  // Nothing found says so; Escape closes.
  await page.keyboard.press("Control+k");
  await input.fill("qwzxv no such record");
  await expect(palette.getByText("Nothing is called “qwzxv no such record”.")).toBeVisible();
  await input.press("Escape");
  await expect(palette).toBeHidden();
});

test("leaving a form with unsaved changes through the palette asks first", async ({ adminPage: page }) => {
  await page.setViewportSize(desktop);
  await openDemoLaw(page);
  const summary = page.getByRole("textbox", { name: "Summary" });
  await summary.fill("A change not saved.");
  const input = page.getByRole("dialog", { name: "Jump to a record" }).getByRole("combobox");
  await expect(async () => {
    await page.keyboard.press("Control+k");
    await expect(input).toBeVisible({ timeout: 1_000 });
  }).toPass();
  await input.fill("Articles");
  await expect(page.getByRole("option", { name: /^Articles/ })).toBeVisible();
  let asked = "";
  page.once("dialog", (question) => {
    asked = question.message();
    void question.dismiss();
  });
  await input.press("Enter");
  await expect.poll(() => asked).toMatch(/changes that are not saved/);
  await expect(page).toHaveURL(/\/admin\/laws\/\d+$/);
  await expect(summary).toHaveValue("A change not saved.");
});
