/**
 * A reader using only the keyboard: the first Tab on any page reaches a visible "Skip to content"
 * link, which moves focus to the page's main content, and every control focused on the way
 * shows where the focus is.
 */
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

const pages = [
  { name: "home", path: "/" },
  { name: "laws index", path: "/laws" },
  { name: "law", path: "/laws/kg/rehabilitation-of-victims-of-soviet-political-repression" },
  { name: "article", path: "/articles/commentary-kyrgyzstan-rehabilitation-law-and-its-neighbours" },
  { name: "search", path: "/search?q=rehabilitation" },
  { name: "jurisdiction", path: "/jurisdictions/kg" },
  { name: "unknown address (404)", path: "/no-such-page" },
  { name: "sign in", path: "/login" },
];

for (const target of pages) {
  test(`on the ${target.name} page the first Tab reaches the skip link, which moves focus to the content`, async ({
    page,
  }) => {
    await page.goto(target.path);
    await page.waitForLoadState("networkidle");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to content" });
    await expect(skip).toBeFocused();
    // Hidden until focused, then readable: not a 1-pixel screen-reader-only box.
    const box = await skip.boundingBox();
    expect(box?.width).toBeGreaterThan(40);
    expect(box?.height).toBeGreaterThan(16);
    expect(box?.y).toBeGreaterThanOrEqual(0);

    await page.keyboard.press("Enter");
    await expect(page.locator("main#main")).toBeFocused();
    // The next Tab continues inside the content, past the site's header and navigation.
    await page.keyboard.press("Tab");
    expect(await focusedIsInside(page, "main#main")).toBe(true);
  });
}

test("on a phone the skip link is as readable and works the same", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/laws");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  expect((await skip.boundingBox())?.width).toBeGreaterThan(40);
  await page.keyboard.press("Enter");
  await expect(page.locator("main#main")).toBeFocused();
});

test("every link and control on a law page shows a visible focus indicator", async ({ page }) => {
  await page.goto("/laws/kg/rehabilitation-of-victims-of-soviet-political-repression");
  await page.waitForLoadState("networkidle");
  let reached = 0;
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      // Back to the start (or out of the page): every focusable element was visited.
      if (!el || el === document.body || el.dataset.tabVisited) return null;
      el.dataset.tabVisited = "yes";
      const style = getComputedStyle(el);
      const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2;
      const ring = style.boxShadow !== "none";
      return { html: el.outerHTML.slice(0, 160), visible: outline || ring };
    });
    if (!focused) break;
    reached++;
    expect(focused.visible, `no visible focus indicator on ${focused.html}`).toBe(true);
  }
  // More than the header's links: the walk went through the law's own links and buttons.
  expect(reached).toBeGreaterThan(8);
});

function focusedIsInside(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((s) => Boolean(document.activeElement?.closest(s)), selector);
}
