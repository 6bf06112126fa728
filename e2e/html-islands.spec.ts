/**
 * A law's text goes to the reader once (components/ui/html-island.tsx): in the page's HTML, not
 * again in the RSC payload. Client-side navigation, which brings only the payload, fetches the text
 * from the page; a failed fetch says so and offers a reload.
 */
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

const lawPath = "/laws/kg/rehabilitation-of-victims-of-soviet-political-repression";
// A heading of the demo law's text and a sentence of one of its notes.
const textHeading = "1. Convictions under the RSFSR Criminal Code";
const noteWords = "criminal code of the Russian SFSR";

const occurrences = (haystack: string, needle: string) => haystack.split(needle).length - 1;

/** What a reader's browser sees go wrong: errors in the console and uncaught exceptions. */
function errorsOf(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

/** From the laws index to the demo law by its link, without a page load. */
async function navigateToLaw(page: Page) {
  await page.goto("/laws");
  await page.evaluate(() => Object.assign(window, { samePage: true }));
  await page.locator(`main a[href="${lawPath}"]`).first().click();
  await expect(page).toHaveURL(lawPath);
}

test("the page's HTML holds the text and its notes once, and neither payload repeats them", async ({ request }) => {
  const html = await (await request.get(lawPath)).text();
  expect(occurrences(html, textHeading)).toBe(1);
  expect(occurrences(html, noteWords)).toBe(1);
  // The payload client-side navigation fetches names the text by its key and carries none of it.
  const payload = await (await request.get(`${lawPath}?_rsc=1`, { headers: { RSC: "1" } })).text();
  expect(payload).toContain(`"htmlKey":"`);
  expect(occurrences(payload, textHeading)).toBe(0);
  expect(occurrences(payload, noteWords)).toBe(0);
});

test("after client-side navigation the text arrives with its notes, and the toolbar works on them", async ({
  page,
}) => {
  const errors = errorsOf(page);
  await navigateToLaw(page);
  const text = page.locator(".annotated-text");
  await expect(text.getByRole("heading", { name: textHeading })).toBeVisible();
  expect(await page.evaluate(() => "samePage" in window)).toBe(true);
  const note = page.getByRole("note", { name: /Context note 1/ });
  // At desktop width the notes stand open in the margin once the text is in place.
  await expect(note).toContainText(noteWords);
  await page
    .getByRole("group", { name: /Annotations/ })
    .getByRole("checkbox", { name: /Context/ })
    .uncheck();
  await expect(note).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "Loading the text" })).toHaveCount(0);
  expect(errors).toEqual([]);
});

test("a page load keeps the text the server sent, without fetching it again or a hydration error", async ({ page }) => {
  const errors = errorsOf(page);
  const fetches: string[] = [];
  page.on("request", (r) => {
    if (r.resourceType() === "fetch" && new URL(r.url()).pathname === lawPath) fetches.push(r.url());
  });
  await page.goto(lawPath);
  await page.waitForLoadState("networkidle");
  await expect(page.getByRole("heading", { name: textHeading })).toBeVisible();
  await expect(page.getByRole("note", { name: /Context note 1/ })).toContainText(noteWords);
  expect(fetches.filter((url) => !url.includes("_rsc"))).toEqual([]);
  expect(errors).toEqual([]);
});

test("when the text cannot be fetched the reader is told, and a reload shows it", async ({ page }) => {
  await page.route(
    (url) => url.pathname === lawPath && !url.searchParams.has("_rsc"),
    (route) => (route.request().resourceType() === "fetch" ? route.abort() : route.continue()),
  );
  await navigateToLaw(page);
  const alert = page.getByRole("alert").filter({ hasText: "The text could not be loaded" });
  await expect(alert).toBeVisible();
  await expect(page.getByRole("heading", { name: textHeading })).toHaveCount(0);
  await alert.getByRole("link", { name: "Reload the page" }).click();
  await expect(page.getByRole("heading", { name: textHeading })).toBeVisible();
  await expect(alert).toHaveCount(0);
});
