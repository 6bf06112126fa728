/**
 * Annotating, the editors' side: an editor selects a passage of a law's text (with the mouse or
 * the keyboard), writes an annotation on it, and finds it listed as a draft; a failed save keeps
 * what was typed and says what is wrong at the field.
 */
import { annotate, article1, body, lawWithText, selectPhrase } from "./annotation-steps";
import { createAccount, expect, signInOverHttp, test } from "./fixtures";

test("an editor annotates a passage of a law text and finds it listed as a draft", async ({ adminPage, openPage }) => {
  test.slow();
  const stamp = Date.now();
  const editor = await createAccount(adminPage, "annotator", "editor");
  const page = await openPage();
  await signInOverHttp(page, editor.email, editor.password);
  const lawUrl = await lawWithText(page, `Law on rehabilitation ${stamp}`);

  await page.getByRole("link", { name: /^Annotate the English/ }).click();
  await expect(page).toHaveURL(new RegExp(`${lawUrl}/texts/\\d+/annotations$`));
  await expect(page.getByText("No annotations on this text yet. Select a passage to add one.")).toBeVisible();
  const text = page.getByRole("region", { name: /^Text of Law on rehabilitation/ });
  await expect(text).toContainText("RSFSR Criminal Code");

  await test.step("nothing selected: the button says what to do", async () => {
    await page.getByRole("button", { name: "Annotate selection" }).click();
    await expect(page.getByText("Select a passage of the text first.")).toBeVisible();
  });

  await test.step("the text is focusable and the keyboard selects in it", async () => {
    await text.focus();
    await expect(text).toBeFocused();
    for (let i = 0; i < 9; i++) await page.keyboard.press("Shift+ArrowRight");
    await expect(page.getByRole("status").filter({ hasText: /^Selected: “Article/ })).toHaveText(
      /Selected: “Article 1” \(9 characters\)/,
    );
  });

  await test.step("a save without a note is refused at the field and keeps what was chosen", async () => {
    await selectPhrase(page, "RSFSR Criminal Code");
    await page.getByRole("button", { name: "Annotate selection" }).click();
    const form = page.getByRole("form", { name: "New annotation" });
    await expect(form.getByRole("blockquote", { name: "Selected passage" })).toContainText("RSFSR Criminal Code");
    await form.getByRole("combobox", { name: "Kind" }).selectOption({ label: "Context" });
    await form.getByRole("radio", { name: /^Internal/ }).check();
    const note = form.getByRole("textbox", { name: "Annotation" });
    await note.fill("   ");
    await form.getByRole("button", { name: "Save annotation" }).click();
    await expect(note).toHaveAttribute("aria-invalid", "true");
    await expect(note).toHaveAccessibleDescription(/Write the annotation\./);
    await expect(form.getByRole("combobox", { name: "Kind" })).toHaveValue("context");
    await expect(form.getByRole("radio", { name: /^Internal/ })).toBeChecked();
    await expect(form.getByRole("blockquote", { name: "Selected passage" })).toContainText("RSFSR Criminal Code");

    await form.getByRole("radio", { name: /^Public/ }).check();
    await note.fill(`The RSFSR Criminal Code applied in the Kirghiz SSR until 1961. ${stamp}`);
    await form.getByRole("button", { name: "Save annotation" }).click();
    await expect(page.getByText("Annotation saved as a draft.")).toBeVisible();
  });

  await test.step("the annotation is listed as an anchored draft, and its page shows it", async () => {
    const item = page.getByTestId("annotation-item");
    await expect(item).toHaveCount(1);
    await expect(item).toContainText("Context");
    await expect(item).toContainText("Anchored");
    await expect(item).toContainText("“RSFSR Criminal Code”");
    await expect(item.getByTestId("annotation-review")).toHaveText("Draft");

    await item.getByRole("link", { name: /^Context/ }).click();
    await expect(page).toHaveURL(/\/admin\/annotations\/\d+$/);
    await expect(page.getByRole("heading", { name: "Context annotation", level: 1 })).toBeVisible();
    // The law's page stays in the DOM, hidden, after navigating away (React's Activity): only the visible panel.
    await expect(page.getByTestId("workflow-state").filter({ visible: true })).toHaveText("Draft");
    await expect(page.getByRole("blockquote", { name: "Annotated passage" })).toContainText("RSFSR Criminal Code");
    await expect(page.getByRole("textbox", { name: "Annotation" })).toHaveValue(new RegExp(`until 1961. ${stamp}`));
  });

  await test.step("the list of annotations shows it", async () => {
    await page.goto("/admin/annotations");
    await expect(page.getByRole("link", { name: "Context on “RSFSR Criminal Code”" }).first()).toBeVisible();
  });
});

test("after the text changes, an editor moves a drifted annotation to its new passage and re-attaches an orphaned one", async ({
  adminPage,
  openPage,
}) => {
  test.slow();
  const stamp = Date.now();
  const editor = await createAccount(adminPage, "reviewer", "editor");
  const page = await openPage();
  await signInOverHttp(page, editor.email, editor.password);
  const lawUrl = await lawWithText(page, `Law on repression ${stamp}`);
  await page.getByRole("link", { name: /^Annotate the English/ }).click();
  await expect(page).toHaveURL(/\/annotations$/);
  const annotateUrl = new URL(page.url()).pathname;

  await annotate(page, "signs of a kulak economy", "Context", "Dekulakisation was decided in 1930.");
  await annotate(page, "RSFSR Criminal Code", "Cross-reference", "The code of 1926.");
  await expect(page.getByTestId("annotation-item")).toHaveCount(2);

  await test.step("the text is edited: one passage changes inside, the other is gone", async () => {
    await page.goto(lawUrl);
    const version = page.getByTestId("text-version");
    await version.locator("summary").filter({ hasText: /^Edit/ }).click();
    await version
      .getByRole("textbox", { name: "Text", exact: true })
      .fill(
        body
          .replace(
            article1,
            "This Law restores the good name of citizens punished for their views in the Soviet period.",
          )
          .replace("signs of a kulak economy", "signs of a so-called kulak economy"),
      );
    await version.getByRole("button", { name: "Save text version" }).click();
    await expect(version.getByText("Saved.", { exact: false })).toBeVisible();
  });

  await page.goto(annotateUrl);
  const drifted = page.getByTestId("drifted");
  const orphaned = page.getByTestId("orphaned");

  await test.step("the drifted annotation shows its old and new passage; moved there, it is a draft to review", async () => {
    await expect(drifted.getByRole("blockquote", { name: "Old passage" })).toContainText("signs of a kulak economy");
    await expect(drifted.getByRole("blockquote", { name: "New passage" })).toContainText("so-called kulak");
    await drifted.getByRole("button", { name: /^Move .* to the new passage$/ }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog).toContainText("by someone other than you");
    await dialog.getByRole("button", { name: "Save as a draft", exact: true }).click();
    await expect(drifted).toBeHidden();
  });

  await test.step("the orphaned annotation is re-attached to a new selection", async () => {
    await expect(orphaned.getByRole("blockquote", { name: "Old passage" })).toContainText("RSFSR Criminal Code");
    await orphaned.getByRole("button", { name: /^Re-attach to selection/ }).click();
    await expect(orphaned.getByText("Select the new passage in the text first.")).toBeVisible();
    await selectPhrase(page, "punished for their views");
    await orphaned.getByRole("button", { name: /^Re-attach to selection/ }).click();
    await expect(orphaned).toBeHidden();
  });

  const items = page.getByTestId("annotation-item");
  await expect(items).toHaveCount(2);
  await expect(items.filter({ hasText: "Anchored" })).toHaveCount(2);
  await expect(items.filter({ hasText: "“punished for their views”" })).toHaveCount(1);
});
