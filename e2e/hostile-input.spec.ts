import type { APIRequestContext, Locator, Page } from "@playwright/test";
import { expect, picker, test } from "./fixtures";

/**
 * Bad input over HTTP, as a hostile or careless client sends it: NUL characters, ids that are
 * not canonical decimal, huge and negative page numbers and cursors, forged hidden fields. The
 * answer is never a 500 nor a stack trace; a form gets a field error, and nothing is written.
 */
const stackTrace = /\n\s+at .+:\d+:\d+|Error: .*\n\s+at /;
const unstorableMessage = "Remove the invisible character this text holds";

async function expectCalmAnswer(request: APIRequestContext, path: string, tried: { count: number }) {
  tried.count++;
  const response = await request.get(path, { maxRedirects: 0 });
  const body = await response.text();
  expect.soft(response.status(), path).toBeLessThan(500);
  expect.soft(body, path).not.toMatch(stackTrace);
  return response;
}

const pageValues = ["-1", "0", "1e308", "99999999999999999999", "0x10", "NaN", "1.5", "%00", "2147483648", "-0"];
const cursorValues = ["%00", "-1", "0x10", "99999999999999999999", "1e308", "__proto__"];

test.describe.configure({ timeout: 120_000 });

test("public lists answer huge, negative and odd page numbers and filters calmly", async ({ request }) => {
  const tried = { count: 0 };
  const lists = ["/laws", "/articles", "/search?q=law&", "/topics", "/jurisdictions/kg", "/laws?jurisdiction=kg&"];
  for (const list of lists) {
    const joiner = list.endsWith("&") ? "" : "?";
    for (const value of pageValues) await expectCalmAnswer(request, `${list}${joiner}page=${value}`, tried);
  }
  for (const path of [
    "/search?q=%00",
    "/search?q=a%00b&type=law",
    "/search?q=law&type=constructor&jurisdiction=%00",
    "/laws?q=%00&status=__proto__&year=1e308",
    "/articles?kind=constructor",
    "/laws/kg/%00",
    "/articles/%00",
    "/agents/%00",
    "/topics/%00",
    "/jurisdictions/%00",
    "/api/v1/annotations/0x10",
    "/api/v1/annotations/%00",
    "/api/v1/annotations?law=0x10&page=-1&after=%00",
    "/api/v1/laws?limit=1e308&cursor=%00&year=__proto__",
    "/api/v1/laws?updated_since=%00&topic=constructor",
    "/api/v1/laws?cursor=eyJwIjoiMjAyNSIsImlkIjotMX0",
    "/api/v1/laws/kg/%00",
    "/api/v1/laws/%00/x?__proto__=1",
    "/api/v1/articles?limit=1e308&cursor=%00&kind=__proto__",
    "/api/v1/articles?updated_since=%00&agent=constructor&jurisdiction=%00",
    "/api/v1/articles/%00?__proto__=1",
    "/api/v1/agents?kind=constructor&limit=1e308&cursor=%00",
    "/api/v1/agents/%00?__proto__=1",
    "/api/v1/topics?__proto__=1",
    "/api/v1/topics/%00",
    "/api/v1/jurisdictions?__proto__=1",
    "/api/v1/jurisdictions/%00",
    "/api/v1/figures?jurisdiction=constructor&limit=1e308&cursor=%00",
    "/api/v1/figures/%00?__proto__=1",
    "/api/v1/figures/99999999999999999999",
    "/api/v1/sources?updated_since=%00&limit=1e308&cursor=eyJwIjoiMjAyNSIsImlkIjotMX0",
    "/api/v1/sources/%00?__proto__=1",
    "/api/v1/search?q=%00&type=__proto__&cursor=%00",
    `/api/v1/search?q=${"%E2%80%AE".repeat(300)}`,
    "/api/v1/search?q=a&q=b&jurisdiction=%00",
  ])
    await expectCalmAnswer(request, path, tried);
  console.log(`hostile-input: ${tried.count} public requests with bad parameters`);
});

test("admin lists answer bad cursors, limits and filters calmly", async ({ adminPage }) => {
  const tried = { count: 0 };
  const lists = [
    "/admin/laws",
    "/admin/articles",
    "/admin/agents",
    "/admin/sources",
    "/admin/figures",
    "/admin/users",
    "/admin/audit",
    "/admin/topics",
    "/admin/annotations",
    "/admin/jurisdictions",
    "/admin/review",
  ];
  const params = [
    ...cursorValues.map((v) => `after=${v}`),
    ...["-1", "1e308", "99999999999999999999", "0x10"].map((v) => `page=${v}`),
    ...["-1", "0", "1e9", "0x10", "%00"].map((v) => `limit=${v}`),
    "q=a%00b",
    "sort=constructor&kind=__proto__&status=%00&jurisdiction=%00",
    "actor=%00&from=%00&to=9999-99-99",
  ];
  for (const list of lists)
    for (const param of params) await expectCalmAnswer(adminPage.request, `${list}?${param}`, tried);
  console.log(`hostile-input: ${tried.count} admin list requests with bad parameters`);
});

/** "Not found" as a person sees it: a 404, or (where the admin page was already streaming) the not-found page. */
async function expectNotFound(page: Page, path: string, tried: { count: number }) {
  tried.count++;
  const response = await page.goto(path);
  expect.soft(response?.status() ?? 0, path).toBeLessThan(500);
  if (response?.status() !== 404)
    await expect.soft(page.getByRole("heading", { name: "Page not found" }), path).toBeVisible();
}

/** The first record of an admin list: its id, from the link to its page. */
async function firstId(page: Page, list: string, kind: string): Promise<number> {
  await page.goto(list);
  const href = await page
    .locator(`a[href^='/admin/${kind}/']`)
    .evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? "").find((h) => /^\/admin\/\w+\/\d+$/.test(h)));
  expect(href, `a record on ${list}`).toBeTruthy();
  return Number(href!.split("/").pop());
}

test("an id is read only in canonical decimal: 0x10, 016, 16.0, +16 or 1e1 address no record", async ({
  adminPage,
}) => {
  const tried = { count: 0 };
  for (const kind of ["laws", "articles", "agents", "annotations", "figures", "topics", "sources"]) {
    const id = await firstId(adminPage, `/admin/${kind}`, kind);
    const ok = await expectCalmAnswer(adminPage.request, `/admin/${kind}/${id}`, tried);
    expect(ok.status(), `/admin/${kind}/${id}`).toBe(200);
    await adminPage.goto(`/admin/${kind}/${id}`);
    await expect(adminPage.getByRole("heading", { name: "Page not found" })).toHaveCount(0);
    for (const variant of [`0x${id.toString(16)}`, `0${id}`, `00${id}`, `${id}.0`, `%2B${id}`, `${id}e0`, `%20${id}`]) {
      await expectNotFound(adminPage, `/admin/${kind}/${variant}`, tried);
    }
    if (["laws", "articles", "agents"].includes(kind)) {
      const type = kind.slice(0, -1);
      for (const query of ["from=0x1&to=1e1", "from=-1&to=99999999999", "from=%00", "to=01"])
        await expectCalmAnswer(adminPage.request, `/admin/history/${type}/${id}?${query}`, tried);
      await expectNotFound(adminPage, `/admin/history/${type}/0${id}`, tried);
    }
  }
  for (const variant of ["0x1", "01", "1.0", "%2B1", "1e0"]) {
    const response = await expectCalmAnswer(adminPage.request, `/api/preview?type=law&id=${variant}`, tried);
    expect.soft(response.status(), `/api/preview?id=${variant}`).toBe(404);
  }
  console.log(`hostile-input: ${tried.count} requests with canonical and non-canonical ids`);
});

/** Sets a form field's value as a forged request would, past what the browser's form allows. */
async function forge(scope: Locator, name: string, value: string) {
  await scope.locator(`[name="${name}"]`).evaluate((el, v) => ((el as HTMLInputElement).value = v), value);
}

test("a NUL in a form's text is a field error, and nothing is written", async ({ adminPage: page }) => {
  const name = `Topic with a NUL ${Date.now()}`;
  await page.goto("/admin/topics/new");
  await page.getByLabel("Name").fill(name);
  const form = page.locator("main form");
  await forge(form, "name", `${name}\u0000`);
  await forge(form, "description", "Before\u0000after");
  await page.getByRole("button", { name: "Create topic" }).click();
  await expect(page.getByText(unstorableMessage).first()).toBeVisible();
  await expect(page.getByText("Something went wrong on our side")).toHaveCount(0);
  await page.goto(`/admin/topics?q=${encodeURIComponent(name)}`);
  await expect(page.getByRole("link", { name })).toHaveCount(0);

  const title = `Article with a NUL ${Date.now()}`;
  await page.goto("/admin/articles/new");
  await page.getByLabel("Title").fill(title);
  await forge(page.locator("main form").first(), "title", `${title}\u0000`);
  await page
    .getByRole("button", { name: /^(Create|Save)/ })
    .first()
    .click();
  await expect(page.getByText(unstorableMessage).first()).toBeVisible();
  await page.goto(`/admin/articles?q=${encodeURIComponent(title)}`);
  await expect(page.getByRole("link", { name: title })).toHaveCount(0);
});

test("forged hidden fields: a restore of type constructor and a delete of id 0NN change nothing", async ({
  adminPage: page,
}) => {
  // The demo law: it has older revisions to restore (laws other specs make may have only one).
  const lawId = await firstId(page, "/admin/laws?jurisdiction=KG&q=On+Amendments+to+Certain+Legislative+Acts", "laws");
  await page.goto(`/admin/history/law/${lawId}`);
  await page
    .getByRole("button", { name: /^Restore revision \d+$/ })
    .first()
    .click();
  const dialog = page.getByRole("dialog");
  await forge(dialog, "type", "constructor");
  await dialog.getByRole("button", { name: "Restore" }).click();
  await expect(dialog.getByText("Nothing to restore here.")).toBeVisible();
  await expect(page.getByText("Restored as a new working revision.")).toHaveCount(0);

  const topicId = await firstId(page, "/admin/topics", "topics");
  await page.goto(`/admin/topics/${topicId}`);
  await page.getByRole("button", { name: "Delete" }).click();
  await forge(page.getByRole("dialog"), "id", `0${topicId}`);
  await page.getByRole("dialog").getByRole("button", { name: "Delete" }).click();
  await expect(page.getByRole("dialog").getByText(/no such topic|not found/i)).toBeVisible();
  const still = await page.request.get(`/admin/topics/${topicId}`);
  expect(still.status()).toBe(200);
});

test("a picker's search without a session is refused calmly, not a 500", async ({
  adminPage: page,
  playwright,
  baseURL,
}) => {
  await page.goto("/admin/sources/new");
  const sent = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
  await picker(page, "Publisher").combobox.fill("Kabar");
  const search = await sent;
  // The same call as a browser without a session sends it: to the admin page (the proxy sends it
  // to sign in) and to any other page, where the action itself must refuse.
  const anonymous = await playwright.request.newContext({ baseURL });
  for (const path of ["/admin/sources/new", "/", "/laws"]) {
    const response = await anonymous.post(path, {
      headers: {
        "next-action": search.headers()["next-action"]!,
        "content-type": search.headers()["content-type"] ?? "text/plain;charset=UTF-8",
        accept: "text/x-component",
      },
      data: search.postData() ?? "",
      maxRedirects: 0,
    });
    expect(response.status(), path).toBeLessThan(500);
  }
  await anonymous.dispose();
});
