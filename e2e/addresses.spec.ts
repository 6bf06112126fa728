/**
 * An article's address keeps answering honestly: renamed, its old address is a real permanent
 * redirect to the new one; withdrawn, it answers 410 Gone with a short notice.
 */
import { expect, test } from "./fixtures";
import { move, publishAsAdmin } from "./workflow-steps";

test("a renamed article's old address redirects with 308, and a withdrawn one answers 410", async ({
  adminPage: admin,
  request,
}) => {
  test.slow();
  const title = `Report renamed then withdrawn ${Date.now()}`;
  await admin.goto("/admin/articles/new");
  await admin.getByRole("textbox", { name: "Title", exact: true }).fill(title);
  await admin.getByRole("button", { name: "Create article" }).click();
  await expect(admin.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  const slugField = admin.getByRole("textbox", { name: "Address (slug)" });
  const slug = await slugField.inputValue();
  await publishAsAdmin(admin);
  expect((await request.get(`/articles/${slug}`)).status()).toBe(200);

  await slugField.fill(`${slug}-renamed`);
  await admin.getByRole("button", { name: "Save changes" }).click();
  await expect(admin.getByText("Saved.")).toBeVisible();
  // Renamed only in the working copy: readers still find the published address.
  expect((await request.get(`/articles/${slug}`, { maxRedirects: 0 })).status()).toBe(200);
  await publishAsAdmin(admin);
  const moved = await request.get(`/articles/${slug}`, { maxRedirects: 0 });
  expect(moved.status()).toBe(308);
  expect(moved.headers()["location"]).toBe(`/articles/${slug}-renamed`);

  await move(admin, "Withdraw");
  const gone = await request.get(`/articles/${slug}-renamed`);
  expect(gone.status()).toBe(410);
  expect(gone.headers()["x-robots-tag"]).toBe("noindex");
  // A page stored whole with its status (lib/http/stored-page.mjs): it carries the same headers as
  // every page, and still shows.
  expect(gone.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(gone.headers()["x-content-type-options"]).toBe("nosniff");
  const shown = await admin.context().newPage();
  const blocked: string[] = [];
  shown.on("console", (message) => blocked.push(message.text()));
  await shown.goto(`/articles/${slug}-renamed`);
  await expect(shown.getByRole("heading", { name: "This article was withdrawn" })).toBeVisible();
  expect(blocked.filter((m) => m.includes("Content Security Policy"))).toEqual([]);
  await shown.close();
  expect(await gone.text()).toContain("This article was withdrawn");
});

test("addresses nobody had, and live ones, are left to their pages: never a 410 or a redirect", async ({ request }) => {
  for (const path of [
    "/articles/no-article-was-ever-here",
    "/agents/no-agent-was-ever-here",
    "/articles/commentary-kyrgyzstan-rehabilitation-law-and-its-neighbours",
  ]) {
    const status = (await request.get(path, { maxRedirects: 0 })).status();
    expect([200, 404], path).toContain(status);
  }
});
