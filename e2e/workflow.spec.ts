/**
 * Editorial workflow: a contributor's law goes through review before readers see it, a later edit
 * stays private until it is reviewed in turn, and two people saving the same law do not silently
 * overwrite each other.
 */
import type { Page } from "@playwright/test";
import { createAccount, expect, signInOverHttp, test, type Account, type Role } from "./fixtures";

/** A page in a browser context of its own, signed in as a new account with `role`. */
async function personPage(
  adminPage: Page,
  openPage: () => Promise<Page>,
  label: string,
  role: Role,
): Promise<{ page: Page; account: Account }> {
  const account = await createAccount(adminPage, label, role);
  const page = await openPage();
  await signInOverHttp(page, account.email, account.password);
  await page.goto("/admin");
  await expect(page.getByTestId("current-user")).toHaveText(account.name);
  return { page, account };
}

/** Creates a law through /admin/laws/new and returns its admin and public addresses. */
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
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  const slug = await page.getByRole("textbox", { name: "Address (slug)" }).inputValue();
  expect(slug).not.toBe("");
  return { adminUrl: new URL(page.url()).pathname, publicUrl: `/laws/uz/${slug}` };
}

const workflow = (page: Page) => page.getByTestId("workflow");
const state = (page: Page) => page.getByTestId("workflow-state");

/** Clicks a workflow button, optionally writes in the dialog's comment box, and confirms. */
async function move(page: Page, label: string, comment?: { label: string; text: string }) {
  await workflow(page).getByRole("button", { name: label, exact: true }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  if (comment) await dialog.getByLabel(comment.label, { exact: true }).fill(comment.text);
  await dialog.getByRole("button", { name: label, exact: true }).click();
  await expect(dialog).toBeHidden();
}

async function saveSummary(page: Page, summary: string) {
  await page.getByRole("textbox", { name: "Summary" }).fill(summary);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Saved.", { exact: true })).toBeVisible();
}

test("a law goes from draft to published through review", async ({ adminPage, openPage }) => {
  test.slow();
  const stamp = Date.now();
  const title = `Law on archive access ${stamp}`;
  const firstSummary = `First summary ${stamp}.`;
  const secondSummary = `Reviewed summary ${stamp}.`;
  const thirdSummary = `Later summary ${stamp}.`;
  const request = `Please name the registry that published this law ${stamp}.`;

  const { page: contributor } = await personPage(adminPage, openPage, "contributor", "contributor");
  const { page: editor } = await personPage(adminPage, openPage, "editor", "editor");
  const reader = await openPage();

  const { adminUrl, publicUrl } = await createLaw(contributor, title, firstSummary);

  await test.step("the contributor submits the new law", async () => {
    await expect(state(contributor)).toHaveText("Draft");
    // A contributor cannot review.
    await expect(workflow(contributor).getByRole("button", { name: "Approve", exact: true })).toHaveCount(0);
    await move(contributor, "Submit for review");
    await expect(state(contributor)).toHaveText("In review");
  });

  await test.step("the editor asks for changes with a comment", async () => {
    await editor.goto(adminUrl);
    await expect(state(editor)).toHaveText("In review");
    await move(editor, "Request changes", { label: "What needs to change", text: request });
    await expect(state(editor)).toHaveText("Changes requested");
    await expect(workflow(editor)).toContainText(request);
  });

  await test.step("the contributor reads the comment, revises, resolves it and submits again", async () => {
    await contributor.reload();
    await expect(state(contributor)).toHaveText("Changes requested");
    await expect(workflow(contributor)).toContainText(request);
    await saveSummary(contributor, secondSummary);
    await expect(state(contributor)).toHaveText("Draft");

    const comment = workflow(contributor).getByRole("listitem").filter({ hasText: request });
    await comment.getByRole("button", { name: /^Resolve/ }).click();
    await expect(comment).toContainText("resolved");
    await expect(comment.getByRole("button", { name: /^Resolve/ })).toHaveCount(0);
    await expect(workflow(contributor)).toContainText("(all resolved)");

    await move(contributor, "Submit for review");
    await expect(state(contributor)).toHaveText("In review");
  });

  await test.step("the editor approves and publishes", async () => {
    await editor.reload();
    await expect(state(editor)).toHaveText("In review");
    await move(editor, "Approve");
    await expect(state(editor)).toHaveText("Approved");
    await move(editor, "Publish now");
    await expect(state(editor)).toHaveText("Published");
  });

  await test.step("a reader sees the reviewed summary", async () => {
    await reader.goto(publicUrl);
    await expect(reader.getByRole("heading", { name: title, level: 1 })).toBeVisible();
    await expect(reader.getByText(secondSummary)).toBeVisible();
  });

  await test.step("a later edit stays private until it is reviewed", async () => {
    await contributor.reload();
    await expect(state(contributor)).toHaveText("Published");
    await saveSummary(contributor, thirdSummary);
    await expect(state(contributor)).toHaveText("Published · new version draft");

    await reader.reload();
    await expect(reader.getByText(secondSummary)).toBeVisible();
    await expect(reader.getByText(thirdSummary)).toHaveCount(0);

    await move(contributor, "Submit for review");
    await expect(state(contributor)).toHaveText("Published · new version in review");

    await editor.reload();
    await move(editor, "Approve");
    await expect(state(editor)).toHaveText("Published · new version approved");
    await reader.reload();
    await expect(reader.getByText(secondSummary)).toBeVisible();

    await move(editor, "Publish now");
    await expect(state(editor)).toHaveText("Published");
    await reader.reload();
    await expect(reader.getByText(thirdSummary)).toBeVisible();
    await expect(reader.getByText(secondSummary)).toHaveCount(0);
  });
});

test("two editors saving the same law: the second gets the conflict and keeps their text", async ({
  adminPage,
  openPage,
}) => {
  const stamp = Date.now();
  const first = await personPage(adminPage, openPage, "contributor", "contributor");
  const second = await personPage(adminPage, openPage, "editor", "editor");
  const { adminUrl } = await createLaw(first.page, `Law on memorials ${stamp}`, `Original summary ${stamp}.`);
  const theirs = `Summary saved first ${stamp}.`;
  const mine = `Summary typed second ${stamp}.`;

  await second.page.goto(adminUrl);
  await expect(second.page.getByRole("textbox", { name: "Summary" })).toHaveValue(`Original summary ${stamp}.`);

  await saveSummary(first.page, theirs);

  const summary = second.page.getByRole("textbox", { name: "Summary" });
  await summary.fill(mine);
  await second.page.getByRole("button", { name: "Save changes" }).click();
  const conflict = second.page.getByTestId("save-conflict");
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText(`${first.account.name} saved this at`);
  // In the editor's terms: the law's second revision (it was created, then saved once), not a database id.
  await expect(conflict).toContainText("(revision 2), after you opened it");
  await expect(conflict.getByRole("link", { name: /Compare with their revision 2/ })).toBeVisible();
  await expect(second.page.getByText("Saved.", { exact: true })).toHaveCount(0);
  await expect(summary).toHaveValue(mine);

  await second.page.reload();
  await expect(second.page.getByRole("textbox", { name: "Summary" })).toHaveValue(theirs);
});
