/**
 * The pickers never act on an answer to other words than those typed now, and never create by
 * default: what an editor hit with a slow server (duplicate sources, a wrong record picked, a save
 * that went without the records it showed as chosen). Server actions are slowed down here by
 * holding their requests, as a busy server or a slow network would.
 */
import type { Page } from "@playwright/test";
import { expect, picker, test } from "./fixtures";

/** Holds every server action's request `ms` before it goes; returns a function that stops it. */
async function slowActions(page: Page, ms: number): Promise<() => Promise<void>> {
  const handler = async (route: import("@playwright/test").Route) => {
    if (route.request().method() === "POST" && route.request().headers()["next-action"])
      await new Promise((resolve) => setTimeout(resolve, ms));
    await route.fallback();
  };
  await page.route("**/*", handler);
  return () => page.unroute("**/*", handler);
}

test("Enter before the search answers picks nothing from the last answer and creates nothing", async ({
  adminPage: page,
}) => {
  await page.goto("/admin/articles/new");
  const authors = picker(page, "Authors");
  await authors.combobox.fill("Sadyr");
  await expect((await authors.options()).filter({ hasText: /^Sadyr Japarov/ })).toBeVisible();

  await slowActions(page, 1_200);
  const nobody = `Nobody of this name ${Date.now()}`;
  await authors.combobox.fill(nobody);
  // The list of the last answer is gone at once; the page says it is searching.
  await expect(page.getByText(`Searching for “${nobody}”…`)).toBeVisible();
  await expect(page.getByRole("option", { name: /Sadyr Japarov/ })).toHaveCount(0);
  await authors.combobox.press("Enter");

  // The answer comes: creating is offered, not done.
  await expect((await authors.options()).filter({ hasText: `Create “${nobody}”` })).toBeVisible();
  await expect(authors.chosen).toHaveCount(0);
  await expect(authors.combobox).toHaveValue(nobody);
});

test("Enter before the search answers picks the record of exactly that name once it does", async ({
  adminPage: page,
}) => {
  await page.goto("/admin/articles/new");
  const authors = picker(page, "Authors");
  await slowActions(page, 1_200);
  await authors.combobox.fill("sadyr  japarov");
  await authors.combobox.press("Enter");
  await expect(authors.chosen).toContainText("Sadyr Japarov");
  await expect(authors.combobox).toHaveValue("");
});

test("a record whose name exists is created again only when the editor confirms it", async ({ adminPage: page }) => {
  await page.goto("/admin/articles/new");
  const authors = picker(page, "Authors");
  await authors.combobox.fill("Sadyr Japarov");
  await (await authors.options()).filter({ hasText: "Create another “Sadyr Japarov”" }).click();
  const ask = page.getByRole("group", { name: "“Sadyr Japarov” exists" });
  await expect(ask).toContainText("is already in the archive");
  await ask.getByRole("button", { name: "Cancel" }).click();
  await expect(ask).toHaveCount(0);
  await expect(authors.chosen).toHaveCount(0);

  // Cancel leaves the words typed, and the focus in the search box: Down opens the list again.
  await expect(authors.combobox).toBeFocused();
  await authors.combobox.press("ArrowDown");
  await (await authors.options()).filter({ hasText: "Create another" }).click();
  await ask.getByRole("button", { name: "Use the existing one" }).click();
  await expect(authors.chosen).toContainText("Sadyr Japarov");
});

test("a save while a record is still being created waits for it, and nothing chosen is lost", async ({
  adminPage: page,
}) => {
  test.slow();
  const title = `Report with a source created inline ${Date.now()}`;
  await page.goto("/admin/articles/new");
  await page.getByRole("textbox", { name: "Title", exact: true }).fill(title);
  await page.getByRole("button", { name: "Create article" }).click();
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();

  const sources = picker(page, "Sources");
  const source = `Official gazette copy ${Date.now()}`;
  await sources.combobox.fill(source);
  const createOption = (await sources.options()).filter({ hasText: `Create “${source}”` });
  await expect(createOption).toBeVisible();
  const fast = await slowActions(page, 1_500);
  await createOption.click();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("alert").filter({ hasText: `“${source}” is still being created` })).toBeVisible();
  await expect(sources.chosen).toContainText(source);
  // Once the record is there, the warning goes: the next save takes it.
  await expect(page.getByRole("alert").filter({ hasText: "still being created" })).toHaveCount(0);
  await fast();

  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await page.reload();
  await expect(picker(page, "Sources").chosen).toContainText(source);
});
