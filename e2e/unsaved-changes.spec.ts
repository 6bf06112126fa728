/**
 * Changes typed into an edit form are not lost by a click elsewhere: leaving asks first, until they
 * are saved.
 */
import type { Page } from "@playwright/test";
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

const leaveQuestion = "This form has changes that are not saved. Leave without saving them?";

/** Creates a law and opens it from the laws list, so that Back leads to a page of the app. */
async function openNewLawFromList(page: Page, title: string) {
  await page.goto("/admin/laws/new");
  await page
    .getByRole("group", { name: "Titles", exact: true })
    .getByLabel(/^Title, row \d+ of/)
    .fill(title);
  await page.getByRole("combobox", { name: "Jurisdiction", exact: true }).selectOption({ label: "Uzbekistan (UZ)" });
  await page.getByRole("button", { name: "Create law" }).click();
  await expect(page).toHaveURL(/\/admin\/laws\/\d+$/);
  const lawUrl = page.url();
  await page.goto(`/admin/laws?q=${encodeURIComponent(title)}`);
  const listUrl = page.url();
  await page.getByRole("link", { name: title, exact: true }).click();
  await expect(page).toHaveURL(lawUrl);
  return { lawUrl, listUrl, summary: page.getByRole("textbox", { name: "Summary" }) };
}

/**
 * Presses the browser's Back or Forward button, as Playwright's goBack does, without waiting for a
 * page to load: a move the page calls off loads none.
 */
async function press(page: Page, button: "Back" | "Forward") {
  const browser = await page.context().newCDPSession(page);
  const { currentIndex, entries } = await browser.send("Page.getNavigationHistory");
  const entry = entries[currentIndex + (button === "Back" ? -1 : 1)];
  if (!entry) throw new Error(`There is no page to go ${button.toLowerCase()} to.`);
  await browser.send("Page.navigateToHistoryEntry", { entryId: entry.id });
  await browser.detach();
}

/** Answers every question the page asks with `answer` and keeps what was asked. */
function answerDialogs(page: Page, answer: { leave: boolean }): string[] {
  const asked: string[] = [];
  page.on("dialog", (dialog) => {
    asked.push(dialog.message());
    void (answer.leave ? dialog.accept() : dialog.dismiss());
  });
  return asked;
}

test("the browser's Back and Forward ask before leaving changes not saved; staying keeps the text and the address", async ({
  adminPage: page,
}) => {
  const { lawUrl, listUrl, summary } = await openNewLawFromList(page, `Law on seals ${Date.now()}`);
  const answer = { leave: false };
  const asked = answerDialogs(page, answer);

  await summary.fill("Typed, then Back by mistake.");
  await press(page, "Back");
  await expect.poll(() => asked).toEqual([leaveQuestion]);
  await expect(page).toHaveURL(lawUrl);
  await expect(summary).toBeVisible();
  await expect(summary).toHaveValue("Typed, then Back by mistake.");
  // Once the editor is back at it, Back asks again (browsers let a page call off a Back once per
  // interaction); agreeing goes back one page, to the list.
  await summary.pressSequentially(" And more.");
  answer.leave = true;
  await press(page, "Back");
  await expect(page).toHaveURL(listUrl);
  await expect(page.getByRole("heading", { name: "Laws", exact: true })).toBeVisible();
  expect(asked).toHaveLength(2);

  // Forward to the law, which opens with nothing changed: Back leaves without asking, and so does
  // Forward. Then, with a change, Forward asks too.
  await press(page, "Forward");
  await expect(page).toHaveURL(lawUrl);
  await press(page, "Back");
  await expect(page).toHaveURL(listUrl);
  await press(page, "Forward");
  await expect(page).toHaveURL(lawUrl);
  expect(asked).toHaveLength(2);
  await page.getByRole("link", { name: "← Laws" }).click();
  await expect(page).toHaveURL(/\/admin\/laws$/);
  await press(page, "Back");
  await expect(page).toHaveURL(lawUrl);
  await summary.fill("Typed, then Forward by mistake.");
  answer.leave = false;
  await press(page, "Forward");
  await expect.poll(() => asked).toHaveLength(3);
  expect(asked[2]).toBe(leaveQuestion);
  await expect(page).toHaveURL(lawUrl);
  await expect(summary).toBeVisible();
  await expect(summary).toHaveValue("Typed, then Forward by mistake.");
});

test("once the changes are saved, Back leaves at once, in one press", async ({ adminPage: page }) => {
  const { listUrl, summary } = await openNewLawFromList(page, `Law on anthems ${Date.now()}`);
  const asked = answerDialogs(page, { leave: true });

  await summary.fill("Saved before going back.");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Saved.", { exact: true })).toBeVisible();
  await press(page, "Back");
  await expect(page).toHaveURL(listUrl);
  await expect(page.getByRole("heading", { name: "Laws", exact: true })).toBeVisible();
  expect(asked).toEqual([]);
});

test("links to parts of the page and the preview in a new tab do not ask, and Back still does afterwards", async ({
  adminPage: page,
}) => {
  const { lawUrl, summary } = await openNewLawFromList(page, `Law on flags ${Date.now()}`);
  const asked = answerDialogs(page, { leave: false });

  await summary.fill("Not saved while looking around the page.");
  await page.getByRole("navigation", { name: "On this page" }).getByRole("link", { name: "Texts" }).click();
  await expect(page).toHaveURL(`${lawUrl}#texts-heading`);
  await page.getByRole("navigation", { name: "On this page" }).getByRole("link", { name: "Relations" }).click();
  await expect(page).toHaveURL(`${lawUrl}#relations-heading`);
  const [preview] = await Promise.all([
    page.context().waitForEvent("page"),
    page.getByRole("link", { name: "Preview (opens in a new tab)" }).click(),
  ]);
  await preview.close();
  // Back through the parts of the page stays on it without asking…
  await press(page, "Back");
  await expect(page).toHaveURL(`${lawUrl}#texts-heading`);
  await press(page, "Back");
  await expect(page).toHaveURL(lawUrl);
  expect(asked).toEqual([]);
  await expect(summary).toHaveValue("Not saved while looking around the page.");
  // …and one more Back, to the list, asks.
  await press(page, "Back");
  await expect.poll(() => asked).toEqual([leaveQuestion]);
  await expect(page).toHaveURL(lawUrl);
  await expect(summary).toBeVisible();
  await expect(summary).toHaveValue("Not saved while looking around the page.");
});
