/**
 * An article credits an author nobody has published yet: its review screen says so, readers see
 * the article without that name (page, JSON-LD, search) until the author is published, and lose
 * it again the moment the author is withdrawn.
 */
import type { Page } from "@playwright/test";
import { createInPicker, expect, test } from "./fixtures";
import { move, publishAsAdmin } from "./workflow-steps";

// A word found nowhere else, so that any trace of the author's name on a page is found.
const word = `Quill${[...Date.now().toString(36)].map((c) => (/\d/.test(c) ? "abcdefghij"[Number(c)] : c)).join("")}`;
const author = `Avery ${word}`;

async function readerSeesName(reader: Page, slug: string, title: string, seen: boolean) {
  await expect(async () => {
    await reader.goto(`/articles/${slug}`);
    await expect(reader.getByRole("heading", { name: title, level: 1 })).toBeVisible();
    // The whole document: byline, JSON-LD and the page's payload.
    expect((await reader.content()).includes(word)).toBe(seen);
  }).toPass();
  await reader.goto(`/search?q=${word}`);
  const result = reader.getByRole("link", { name: title });
  if (seen) await expect(result).toBeVisible();
  else {
    await expect(reader.getByText(`Nothing published matches “${word}”`)).toBeVisible();
    await expect(result).toHaveCount(0);
  }
}

test("an article's unpublished author is listed for its reviewer, and reaches readers only while published", async ({
  adminPage: admin,
  openPage,
}) => {
  test.slow();
  const title = `Report with a new author ${Date.now()}`;
  const reader = await openPage();

  await admin.goto("/admin/articles/new");
  await admin.getByRole("textbox", { name: "Title", exact: true }).fill(title);
  await createInPicker(admin, "Authors", author);
  await admin.getByRole("button", { name: "Create article" }).click();
  await expect(admin.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  const pending = admin.getByTestId("unpublished-links");
  await expect(pending).toContainText(`Agent ‘${author}’ (draft) — readers will not see it`);
  const slug = await admin.getByRole("textbox", { name: "Address (slug)" }).inputValue();

  await test.step("published without its author, the article names nobody", async () => {
    await publishAsAdmin(admin);
    await readerSeesName(reader, slug, title, false);
  });

  await test.step("the reviewer opens the author from the list and publishes it: readers see the byline", async () => {
    // Opened as a page of its own: a client navigation keeps the article's hidden panel in the document.
    const agentPage = await pending.getByRole("link", { name: author }).getAttribute("href");
    expect(agentPage).toMatch(/^\/admin\/agents\/\d+$/);
    await admin.goto(agentPage!);
    await expect(admin.getByRole("heading", { name: author, level: 1 })).toBeVisible();
    await publishAsAdmin(admin);
    await readerSeesName(reader, slug, title, true);
    await reader.goto(`/articles/${slug}`);
    await expect(reader.getByRole("link", { name: author })).toHaveAttribute("href", /^\/agents\//);
  });

  await test.step("withdrawn, the author leaves the article's page and search at once", async () => {
    await move(admin, "Withdraw");
    await readerSeesName(reader, slug, title, false);
  });
});
