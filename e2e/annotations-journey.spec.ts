/**
 * The annotation journey of issue 6, end to end: an editor selects a passage of a law and
 * annotates it; once a second editor has published both, a reader sees the highlight and its
 * note and follows its permalink; the editor then changes the law's text so that the passage
 * moves, and after publishing the note is still on its passage.
 */
import type { Page } from "@playwright/test";
import { annotate, article1, body, lawWithText } from "./annotation-steps";
import { createAccount, expect, signInOverHttp, test } from "./fixtures";
import { move } from "./workflow-steps";

const passage = "RSFSR Criminal Code";

/** Approves and publishes what another editor submitted, from its admin page. */
async function approveAndPublish(page: Page, adminPath: string) {
  await page.goto(adminPath);
  await move(page, "Approve");
  await move(page, "Publish now");
  await expect(page.getByTestId("workflow-state").filter({ visible: true })).toHaveText("Published");
}

test("an editor annotates a law, a reader follows the note's permalink, and the note survives an edit of the text", async ({
  adminPage,
  openPage,
}) => {
  test.slow();
  const stamp = Date.now();
  const title = `Law on the rehabilitation of repressed citizens ${stamp}`;
  const note = `Kyrgyzstan applied the RSFSR Criminal Code until 1961. ${stamp}`;
  const editor = await createAccount(adminPage, "annotating-editor", "editor");
  const page = await openPage();
  await signInOverHttp(page, editor.email, editor.password);

  const lawPath = await lawWithText(page, title);
  await move(page, "Submit for review");
  await page.getByRole("link", { name: /^Annotate the English/ }).click();
  await expect(page).toHaveURL(/\/texts\/\d+\/annotations$/);
  const annotatePath = new URL(page.url()).pathname;
  await annotate(page, passage, "Context", note);
  await page
    .getByTestId("annotation-item")
    .getByRole("link", { name: /^Context/ })
    .click();
  await expect(page).toHaveURL(/\/admin\/annotations\/\d+$/);
  const annotationPath = new URL(page.url()).pathname;
  await move(page, "Submit for review");

  // Nobody publishes their own change: another editor (here the admin) approves and publishes.
  await approveAndPublish(adminPage, lawPath);
  await approveAndPublish(adminPage, annotationPath);
  await adminPage.goto(lawPath);
  const publicPath = await adminPage
    .getByRole("link", { name: /public page/i })
    .first()
    .getAttribute("href");
  expect(publicPath).toMatch(/^\/laws\/kg\//);

  const reader = await openPage();
  await test.step("a reader sees the highlighted passage and its note, and follows its permalink", async () => {
    await reader.goto(publicPath!);
    await expect(reader.locator("mark.annotation", { hasText: passage }).first()).toBeVisible();
    const shown = reader.getByRole("note", { name: /Context note 1/ });
    await expect(shown).toContainText(note);
    const permalink = await shown.getByRole("link", { name: "Link to this annotation" }).getAttribute("href");
    expect(permalink).toMatch(/#annotation-\d+$/);
    await reader.goto(permalink!);
    const target = reader.locator(`[id="${permalink!.split("#")[1]}"]`);
    await expect(target).toBeInViewport();
    await expect(target).toBeFocused();
    await expect(target).toContainText(passage);
  });
  const api = `/api/v1/annotations?target=${encodeURIComponent(publicPath!)}`;
  /** Where the note's passage starts in the law's text, as the API says. */
  const startOf = async (): Promise<number> => {
    const collection = await (await reader.request.get(api)).json();
    return collection.first.items[0].target.selector[1].start;
  };
  // The API's answer is rendered now, and kept until a publication changes it.
  const startBefore = await startOf();
  expect(startBefore).toBeGreaterThan(0);

  await test.step("the editor inserts an article before the passage, and it is published", async () => {
    await page.goto(lawPath);
    const version = page.getByTestId("text-version");
    await version.locator("summary").filter({ hasText: /^Edit/ }).click();
    await version
      .getByRole("textbox", { name: "Text", exact: true })
      .fill(
        body.replace(
          `## Article 1\n\n${article1}`,
          `## Preamble\n\nThe Kyrgyz Republic recognises the suffering of the repressed.\n\n## Article 1\n\n${article1}`,
        ),
      );
    await version.getByRole("button", { name: "Save text version" }).click();
    await expect(version.getByText("Saved.", { exact: false })).toBeVisible();
    await page.goto(annotatePath);
    await expect(page.getByTestId("annotation-item")).toContainText("Anchored");
    await page.goto(lawPath);
    await move(page, "Submit for review");
    await approveAndPublish(adminPage, lawPath);
  });

  await test.step("the reader finds the note still on its passage, which moved", async () => {
    await reader.goto(publicPath!);
    await expect(reader.getByText("The Kyrgyz Republic recognises the suffering of the repressed.")).toBeVisible();
    const mark = reader.locator("mark.annotation", { hasText: passage }).first();
    await expect(mark).toBeVisible();
    await expect(reader.getByRole("note", { name: /Context note 1/ })).toContainText(note);
    // Republishing the law placed its note again: the API says where, within a couple of seconds.
    await expect.poll(startOf, { timeout: 2_000 }).toBeGreaterThan(startBefore);
    const collection = await (await reader.request.get(api)).json();
    expect(
      collection.first.items.map((a: { target: { selector: { exact?: string }[] } }) => a.target.selector[0]!.exact),
    ).toEqual([passage]);
  });
});
