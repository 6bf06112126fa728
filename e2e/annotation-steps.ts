/** Steps of the annotation specs: a law with a text made through the admin, a passage selected, a note written. */
import type { Page } from "@playwright/test";
import { expect } from "./fixtures";

export const article1 =
  "This Law rehabilitates citizens repressed for political reasons under the RSFSR Criminal Code.";
export const article2 = "Persons convicted for signs of a kulak economy are rehabilitated in full.";
export const body = `## Article 1\n\n${article1}\n\n## Article 2\n\n${article2}`;

/** Creates a law with one English text through the admin, and returns its admin address. */
export async function lawWithText(page: Page, title: string) {
  await page.goto("/admin/laws/new");
  await page
    .getByRole("group", { name: "Titles", exact: true })
    .getByLabel(/^Title, row \d+ of/)
    .fill(title);
  await page.getByRole("combobox", { name: "Jurisdiction", exact: true }).selectOption({ label: "Kyrgyzstan (KG)" });
  await page.getByRole("combobox", { name: "Type", exact: true }).selectOption({ label: "Law" });
  await page.getByRole("combobox", { name: "Status", exact: true }).selectOption({ label: "In force" });
  await page.getByRole("button", { name: "Create law" }).click();
  await expect(page).toHaveURL(/\/admin\/laws\/\d+$/);
  const texts = page.getByRole("region", { name: "Text versions" });
  await texts.getByText("Add a text version", { exact: true }).click();
  await texts.getByRole("textbox", { name: "Language" }).fill("en");
  await texts.getByRole("textbox", { name: "Text", exact: true }).fill(body);
  await texts.getByRole("button", { name: "Add text version" }).click();
  await expect(texts.getByText("Text version added.")).toBeVisible();
  return new URL(page.url()).pathname;
}

/** Selects the first occurrence of `phrase` in the annotatable text, as a mouse drag would. */
export async function selectPhrase(page: Page, phrase: string) {
  await page.getByTestId("annotatable-text").evaluate((region, wanted) => {
    const walker = document.createTreeWalker(region, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node as Text).data.indexOf(wanted);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
      return;
    }
    throw new Error(`"${wanted}" is not in the text`);
  }, phrase);
}

/** Annotates the first occurrence of `phrase` with a public note of `kind`. */
export async function annotate(page: Page, phrase: string, kind: string, note: string) {
  await selectPhrase(page, phrase);
  await page.getByRole("button", { name: "Annotate selection" }).click();
  const form = page.getByRole("form", { name: "New annotation" });
  await form.getByRole("combobox", { name: "Kind" }).selectOption({ label: kind });
  await form.getByRole("textbox", { name: "Annotation" }).fill(note);
  await form.getByRole("button", { name: "Save annotation" }).click();
  await expect(page.getByText("Annotation saved as a draft.")).toBeVisible();
  await expect(form).toBeHidden();
}
