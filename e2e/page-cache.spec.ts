/**
 * A law's page is rendered once and stored whole for every reader: a draft save leaves the stored
 * page as it is; a publication replaces it. Caches in front (nginx, a CDN) may keep it a second,
 * and ask again with the page's ETag. The index pages are stored the same way, one page per view
 * of their query string, and a publication or a withdrawal replaces those that show it.
 */
import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures";
import { move, publishAsAdmin } from "./workflow-steps";

const path = "/laws/kz/on-the-rehabilitation-of-victims-of-mass-political-repression-1993";

test("a law's page is stored whole: a draft save leaves it, a publication replaces it", async ({
  request,
  adminPage,
}) => {
  // A render under way as an earlier test published is not stored: the page may take two requests.
  await expect.poll(() => cacheStatus(request, path), { timeout: 20_000 }).toBe("HIT");
  const stored = await request.get(path);
  expect(stored.status()).toBe(200);
  expect(stored.headers()["x-nextjs-cache"]).toBe("HIT");
  expect(stored.headers()["cache-control"]).toBe("public, max-age=0, s-maxage=1, stale-while-revalidate=59");
  const etag = stored.headers()["etag"]!;
  expect(etag).toBeTruthy();

  await test.step("a cache in front asks again with the ETag and gets 304", async () => {
    const unchanged = await request.get(path, { headers: { "if-none-match": etag } });
    expect(unchanged.status()).toBe(304);
    expect(await unchanged.body()).toHaveLength(0);
  });

  const summary = `Stored-page check ${Date.now()}: the summary as the editors last published it.`;
  await test.step("a draft save changes nothing readers get, not even the stored copy", async () => {
    await adminPage.goto("/admin/laws?jurisdiction=KZ&q=On+the+rehabilitation+of+victims+of+mass+political+repression");
    await adminPage
      .getByRole("link", { name: /On the rehabilitation of victims of mass political repression/ })
      .first()
      .click();
    await adminPage.getByRole("textbox", { name: "Summary" }).fill(summary);
    await adminPage.getByRole("button", { name: "Save changes" }).click();
    await expect(adminPage.getByText("Saved.")).toBeVisible();
    const afterSave = await request.get(path);
    expect(afterSave.headers()["x-nextjs-cache"]).toBe("HIT");
    expect(afterSave.headers()["etag"]).toBe(etag);
    expect(await afterSave.text()).not.toContain(summary);
  });

  await test.step("the publication replaces the stored page at once", async () => {
    await publishAsAdmin(adminPage);
    const published = await request.get(path);
    expect(await published.text()).toContain(summary);
    expect(published.headers()["etag"]).not.toBe(etag);
    const old = await request.get(path, { headers: { "if-none-match": etag } });
    expect(old.status()).toBe(200);
  });
});

test("the index pages are stored whole, one page per view, and a publication or withdrawal shows on them", async ({
  request,
  adminPage: admin,
}) => {
  const stamp = Date.now();
  const title = `Stored index check ${stamp}`;
  await admin.goto("/admin/laws/new");
  await admin
    .getByRole("group", { name: "Titles", exact: true })
    .getByLabel(/^Title, row \d+ of/)
    .fill(title);
  await admin.getByRole("combobox", { name: "Jurisdiction", exact: true }).selectOption({ label: "Uzbekistan (UZ)" });
  await admin.getByRole("button", { name: "Create law" }).click();
  await expect(admin.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  const slug = await admin.getByRole("textbox", { name: "Address (slug)" }).inputValue();
  const link = `/laws/uz/${slug}"`;
  const indexes = ["/", "/laws?jurisdiction=uz", `/search?q=${stamp}`];

  await test.step("each index view is stored after its first request; the draft is on none", async () => {
    for (const path of indexes) {
      await expect.poll(() => cacheStatus(request, path), { timeout: 20_000 }).toBe("HIT");
      const stored = await request.get(path);
      expect(stored.headers()["x-nextjs-cache"], path).toBe("HIT");
      expect(stored.headers()["cache-control"], path).toBe("public, max-age=0, s-maxage=1, stale-while-revalidate=59");
      expect(await stored.text(), path).not.toContain(link);
    }
    // The same view however its query string is written: the stored page, not another render.
    const etag = (await request.get("/laws?jurisdiction=uz")).headers()["etag"];
    const spelt = await request.get("/laws?page=1&jurisdiction=UZ&sort=recent&utm_source=feed");
    expect(spelt.headers()["x-nextjs-cache"]).toBe("HIT");
    expect(spelt.headers()["etag"]).toBe(etag);
    // React separates the words of a sentence from the query in it with empty comments.
    // The text as a browser reads it: stored pages spell wide characters as references (lib/cache/one-byte-html.mjs).
    const search = (await (await request.get(`/search?q=${stamp}`)).text())
      .replaceAll("<!-- -->", "")
      .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)));
    // A search for the draft's stamp, stored, without the draft (PostgreSQL may offer the closest
    // names of other tests' items instead of "nothing matches": "1 result", "3 results").
    expect(search).toMatch(new RegExp(`\\d+ results? for “${stamp}”`));
  });

  await test.step("the publication shows on every one of them", async () => {
    await publishAsAdmin(admin);
    for (const path of indexes) expect(await (await request.get(path)).text(), path).toContain(link);
    for (const path of indexes) await expect.poll(() => cacheStatus(request, path), { timeout: 20_000 }).toBe("HIT");
  });

  await test.step("the withdrawal takes it off every one of them", async () => {
    await move(admin, "Withdraw");
    await expect(admin.getByTestId("workflow-state")).toContainText("Withdrawn");
    for (const path of indexes) expect(await (await request.get(path)).text(), path).not.toContain(link);
  });
});

/** Whether Next served the page from its page cache (HIT) or rendered it (MISS). */
async function cacheStatus(request: APIRequestContext, path: string) {
  return (await request.get(path)).headers()["x-nextjs-cache"];
}
