/**
 * Status codes tell the truth even though pages stream: a draft-mode cookie alone never turns a
 * 404 into a page, a version nobody published is a 404, and so is the admin page of a record that
 * does not exist.
 */
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

const seededLaw = "/laws/kg/rehabilitation-of-victims-of-soviet-political-repression";

async function createUnpublishedLaw(admin: Page) {
  const title = `Never published law ${Date.now()}`;
  await admin.goto("/admin/laws/new");
  await admin
    .getByRole("group", { name: "Titles", exact: true })
    .getByLabel(/^Title, row \d+ of/)
    .fill(title);
  await admin.getByRole("combobox", { name: "Jurisdiction", exact: true }).selectOption({ label: "Kazakhstan (KZ)" });
  await admin.getByRole("combobox", { name: "Type", exact: true }).selectOption({ label: "Law" });
  await admin.getByRole("button", { name: "Create law" }).click();
  await expect(admin.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  const id = /\/admin\/laws\/(\d+)/.exec(admin.url())![1]!;
  const slug = await admin.getByRole("textbox", { name: "Address (slug)" }).inputValue();
  return { id, title, path: `/laws/kz/${slug}` };
}

test("only a signed-in editor's draft mode shows an unpublished law; a cookie of that name alone does not", async ({
  adminPage: admin,
  openPage,
  baseURL,
}) => {
  const law = await createUnpublishedLaw(admin);
  const response = await admin.goto(`/api/preview?type=law&id=${law.id}`);
  expect(response?.status()).toBe(200);
  await expect(admin.getByTestId("preview-banner")).toBeVisible();
  await expect(admin.getByRole("heading", { name: law.title, level: 1 })).toBeVisible();
  const draft = (await admin.context().cookies()).find((c) => c.name === "__prerender_bypass");
  expect(draft?.value).toBeTruthy();

  const stranger = await openPage();
  const url = new URL(baseURL!);
  for (const value of [draft!.value, "anything", ""]) {
    await stranger.context().clearCookies();
    await stranger.context().addCookies([{ name: "__prerender_bypass", value, domain: url.hostname, path: "/" }]);
    for (const path of [law.path, "/laws/kg/no-law-was-ever-here", "/articles/no-article-was-ever-here"]) {
      const answer = await stranger.request.get(path, { maxRedirects: 0 });
      expect(answer.status(), `${path} with a draft cookie "${value}"`).toBe(404);
    }
  }
  // A published law is unaffected by the cookie.
  expect((await stranger.request.get(seededLaw)).status()).toBe(200);
});

test("a version of a law that was never published answers 404", async ({ request }) => {
  // The version the page offers for citing is one that was published.
  const cited = /\?version=(\d+)/.exec(await (await request.get(seededLaw)).text())![1]!;
  expect((await request.get(`${seededLaw}?version=${cited}`)).status()).toBe(200);
  for (const version of ["999", "2147483647"]) {
    const response = await request.get(`${seededLaw}?version=${version}`);
    expect(response.status(), version).toBe(404);
    expect(await response.text()).toContain("Page not found");
  }
});

test("the admin page of a record that does not exist answers 404", async ({ adminPage: admin }) => {
  for (const path of [
    "/admin/laws/999999",
    "/admin/articles/999999",
    "/admin/agents/999999",
    "/admin/annotations/999999",
    "/admin/figures/999999",
    "/admin/sources/999999",
    "/admin/topics/999999",
    "/admin/jurisdictions/zz",
    "/admin/history/law/999999",
    "/admin/history/constructor/1",
    "/admin/laws/0x10",
    "/admin/laws/999999/texts/1/annotations",
  ]) {
    const response = await admin.request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(404);
  }
  // A record that exists still opens.
  expect((await admin.request.get("/admin/jurisdictions/kg")).status()).toBe(200);
  expect((await admin.request.get("/admin/laws/new")).status()).toBe(200);
});
