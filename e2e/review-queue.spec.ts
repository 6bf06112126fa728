/**
 * The review queue (issue 14): an author submits with a note; another editor sees in the queue who
 * submitted what and when, the note, the jurisdiction and the size of the change, opens the diff,
 * and approves or requests changes without leaving the queue. Readable and accessible on a phone
 * and a desktop.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { annotate, lawWithText } from "./annotation-steps";
import { createAccount, expect, signInOverHttp, test, type Role } from "./fixtures";
import { publishAsAdmin } from "./workflow-steps";

async function personPage(adminPage: Page, openPage: () => Promise<Page>, label: string, role: Role) {
  const account = await createAccount(adminPage, label, role);
  const page = await openPage();
  await signInOverHttp(page, account.email, account.password);
  return { page, account };
}

async function createLaw(page: Page, title: string, summary: string) {
  await page.goto("/admin/laws/new");
  await page
    .getByRole("group", { name: "Titles", exact: true })
    .getByLabel(/^Title, row \d+ of/)
    .fill(title);
  await page.getByRole("combobox", { name: "Jurisdiction", exact: true }).selectOption({ label: "Uzbekistan (UZ)" });
  await page.getByRole("combobox", { name: "Type", exact: true }).selectOption({ label: "Law" });
  await page.getByRole("combobox", { name: "Status", exact: true }).selectOption({ label: "In force" });
  await page.getByRole("textbox", { name: "Summary" }).fill(summary);
  await page.getByRole("button", { name: "Create law" }).click();
  await expect(page).toHaveURL(/\/admin\/laws\/\d+$/);
  return new URL(page.url()).pathname;
}

/** Submits the item open on `page` for review, with a note for the reviewer. */
async function submit(page: Page, note: string) {
  await page.getByTestId("workflow").getByRole("button", { name: "Submit for review", exact: true }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Note for the reviewer (optional)").fill(note);
  await dialog.getByRole("button", { name: "Submit for review", exact: true }).click();
  await expect(dialog).toBeHidden();
  // Visible only: a page left by client-side navigation stays in the document, hidden, with its own state.
  await expect(page.getByTestId("workflow-state").filter({ visible: true })).toContainText(/in review/i);
}

const waitingItem = (page: Page, title: string) =>
  page.locator("#waiting").getByTestId("queue-item").filter({ hasText: title });

async function expectReadable(page: Page, viewport: { width: number; height: number }) {
  await page.setViewportSize(viewport);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `horizontal overflow at ${viewport.width}px`).toBeLessThanOrEqual(0);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
    `axe at ${viewport.width}px`,
  ).toEqual([]);
}

test("a reviewer sees who submitted what with their note, opens the diff, and approves or sends back from the queue", async ({
  adminPage,
  openPage,
}) => {
  test.slow();
  const stamp = Date.now();
  const changedTitle = `Law on archives, amended ${stamp}`;
  const newTitle = `Law on museums ${stamp}`;
  const { page: author, account: authorAccount } = await personPage(adminPage, openPage, "author", "contributor");
  const { page: reviewer } = await personPage(adminPage, openPage, "reviewer", "editor");

  // A published law that the author then changes, and a new law of theirs.
  const changedPath = await createLaw(adminPage, changedTitle, "The archives are open to researchers.");
  await publishAsAdmin(adminPage);
  await author.goto(changedPath);
  await author.getByRole("textbox", { name: "Summary" }).fill("The archives are open to everyone without a permit.");
  await author.getByRole("button", { name: "Save changes" }).click();
  await expect(author.getByText("Saved.", { exact: true })).toBeVisible();
  await submit(author, "Opened the archives to everyone, as the amendment says.");
  await createLaw(author, newTitle, "Museums keep what they hold.");
  await submit(author, "A new law, from the gazette of this week.");

  await reviewer.goto("/admin/review");
  const changed = waitingItem(reviewer, changedTitle);
  await expect(changed.getByTestId("submitted")).toContainText(`Submitted by ${authorAccount.name}`);
  await expect(changed.getByTestId("submit-note")).toHaveText(
    "Opened the archives to everyone, as the amendment says.",
  );
  await expect(changed.getByTestId("jurisdictions")).toContainText("Uzbekistan (UZ)");
  await expect(changed.getByTestId("change-size")).toHaveText(/^\+\d+ −\d+ words · 1 field changed$/);
  const fresh = waitingItem(reviewer, newTitle);
  await expect(fresh.getByTestId("change-size")).toHaveText("New: never published");
  await expect(fresh.getByTestId("submit-note")).toHaveText("A new law, from the gazette of this week.");

  await expectReadable(reviewer, { width: 390, height: 844 });
  await expectReadable(reviewer, { width: 1280, height: 900 });

  // The diff shows the working revision against the published one.
  await changed.getByRole("link", { name: `Open the diff of ${changedTitle}` }).click();
  await expect(reviewer).toHaveURL(/\/admin\/history\/law\/\d+\?from=\d+&to=\d+$/);
  await expect(reviewer.getByRole("heading", { name: /^Changes from revision \d+ to \d+$/ })).toBeVisible();
  await expect(reviewer.getByText("permit", { exact: false }).first()).toBeVisible();
  await reviewer.goBack();
  await expect(reviewer.getByRole("heading", { name: "Review queue", level: 1 })).toBeVisible();

  // Approve from the queue, by keyboard: the item is then approved, waiting only to be published.
  const approve = changed
    .getByRole("group", { name: `Review ${changedTitle}` })
    .getByRole("button", { name: "Approve" });
  await approve.focus();
  await reviewer.keyboard.press("Enter");
  const dialog = reviewer.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(changed).toContainText(/approved/i);
  await expect(changed.getByRole("button", { name: "Approve" })).toHaveCount(0);

  // Request changes from the queue: a comment is required, and the item goes back to its author.
  await fresh.getByRole("button", { name: "Request changes" }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Request changes", exact: true }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByLabel("What needs to change").fill("Cite the gazette's number.");
  await dialog.getByRole("button", { name: "Request changes", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(waitingItem(reviewer, newTitle)).toHaveCount(0);
  await author.goto("/admin/review");
  await expect(waitingItem(author, newTitle)).toContainText("Changes requested");
});

test("an annotation waits in the queue named by its kind, its law and the start of its passage", async ({
  adminPage,
  openPage,
}) => {
  const lawTitle = `Law on rehabilitation ${Date.now()}`;
  const { page: author } = await personPage(adminPage, openPage, "annotator", "contributor");
  const { page: reviewer } = await personPage(adminPage, openPage, "note-reviewer", "editor");
  await lawWithText(author, lawTitle);
  await author.getByRole("link", { name: /^Annotate the English/ }).click();
  await annotate(author, "signs of a kulak economy", "Fact-check", "Dekulakisation was decided in 1930.");
  await author
    .getByTestId("annotation-item")
    .getByRole("link", { name: /^Fact-check/ })
    .click();
  await expect(author).toHaveURL(/\/admin\/annotations\/\d+$/);
  await submit(author, "Please check the year.");

  await reviewer.goto("/admin/review");
  const title = `Fact-check on ${lawTitle}: “signs of a kulak economy”`;
  const item = waitingItem(reviewer, lawTitle);
  await expect(item.getByRole("link", { name: title, exact: true })).toBeVisible();
  await expect(item.getByTestId("jurisdictions")).toContainText("Kyrgyzstan (KG)");
  await expect(item.getByTestId("submit-note")).toHaveText("Please check the year.");
});
