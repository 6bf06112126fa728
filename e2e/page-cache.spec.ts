/**
 * A law's page is rendered once and stored whole for every reader: a draft save leaves the stored
 * page as it is; a publication replaces it. Caches in front (nginx, a CDN) may keep it a second,
 * and ask again with the page's ETag.
 */
import { expect, test } from "./fixtures";
import { publishAsAdmin } from "./workflow-steps";

const path = "/laws/kz/on-the-rehabilitation-of-victims-of-mass-political-repression-1993";

test("a law's page is stored whole: a draft save leaves it, a publication replaces it", async ({
  request,
  adminPage,
}) => {
  // A publication expires what it made stale twice, the second time 1.5 s later (for a page being
  // rendered from older data as it committed): an earlier test's publication must be past both.
  await expect
    .poll(
      async () => {
        await request.get(path);
        await new Promise((resolve) => setTimeout(resolve, 1600));
        return (await request.get(path)).headers()["x-nextjs-cache"];
      },
      { timeout: 20_000 },
    )
    .toBe("HIT");
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
