/**
 * Sessions: every way of signing out ends every copy of the session, next-auth's own endpoint
 * included; a session lasts 12 hours from sign-in and asking about it never renews it; and the
 * parts of next-auth the app does not use are not served.
 */
import type { Page } from "@playwright/test";
import { createAccount, expect, submitCreateAccount, test, uniqueEmail, type Account } from "./fixtures";

async function signInAs(page: Page, account: Account) {
  const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await page.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: account.email, password: account.password, callbackUrl: "/admin" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);
}

async function sessionOf(page: Page) {
  const response = await page.request.get("/api/auth/session");
  expect(response.status()).toBe(200);
  return { body: (await response.json()) as { user?: { email: string }; expires?: string } | null, response };
}

test("signing out through /api/auth/signout refuses a copied cookie everywhere", async ({ adminPage, openPage }) => {
  // An admin of its own: signing out ends every session of the account.
  const admin = await createAccount(adminPage, "signout-admin", "admin");
  const browser = await openPage();
  await signInAs(browser, admin);
  const copy = await openPage();
  await copy.context().addCookies(await browser.context().cookies());

  // The copy works, and holds a form whose server action it will try after the sign-out.
  await copy.goto("/admin/users");
  await expect(copy.getByRole("region", { name: "Create an account" })).toBeVisible();
  expect((await sessionOf(copy)).body?.user?.email).toBe(admin.email);

  // Opening the endpoint (a link, an image) only shows a form; it signs nobody out.
  const page = await browser.request.get("/api/auth/signout");
  expect(page.status()).toBe(200);
  expect((await sessionOf(copy)).body?.user?.email).toBe(admin.email);

  const { csrfToken } = (await (await browser.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const signedOut = await browser.request.post("/api/auth/signout", {
    form: { csrfToken, callbackUrl: "/login" },
    maxRedirects: 0,
  });
  expect(signedOut.status()).toBe(302);

  // The copied cookie: no session reported, the server action refused, no admin page.
  expect((await sessionOf(copy)).body).toBeNull();
  const email = uniqueEmail("made-by-a-copied-cookie");
  await submitCreateAccount(copy, { email, name: "Copied cookie", role: "admin" });
  await expect(copy.getByText("Please sign in.")).toBeVisible();
  await copy.goto("/admin/users");
  await expect(copy).toHaveURL(/\/login/);

  await adminPage.goto(`/admin/users?q=${encodeURIComponent(email)}`);
  await expect(adminPage.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
  await expect(adminPage.getByTestId(`user-row-${email}`)).toHaveCount(0);
});

test("asking for the session never renews it: its end stays 12 hours after sign-in", async ({
  adminPage,
  openPage,
}) => {
  const editor = await createAccount(adminPage, "session-asker", "editor");
  const page = await openPage();
  const before = Date.now();
  await signInAs(page, editor);
  const after = Date.now();
  const cookie = async () =>
    (await page.context().cookies()).find((c) => c.name.endsWith("marginalia.session"))?.expires;
  const issued = await cookie();

  const first = await sessionOf(page);
  const second = await sessionOf(page);
  for (const { response } of [first, second]) expect(response.headers()["set-cookie"]).toBeUndefined();
  expect(await cookie()).toBe(issued);
  expect(first.body?.user?.email).toBe(editor.email);
  expect(second.body?.expires).toBe(first.body?.expires);
  const ends = Date.parse(first.body!.expires!);
  const twelveHours = 12 * 60 * 60 * 1000;
  expect(ends).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + twelveHours);
  expect(ends).toBeLessThanOrEqual(after + twelveHours);
});

test("next-auth's endpoints that the app does not use are not served", async ({ request }) => {
  for (const [method, path] of [
    ["GET", "/api/auth/providers"],
    ["GET", "/api/auth/signin"],
    ["POST", "/api/auth/signin/credentials"],
    ["POST", "/api/auth/session"],
    ["GET", "/api/auth/callback/credentials"],
  ] as const) {
    const response = await request.fetch(path, { method, maxRedirects: 0 });
    expect(response.status(), `${method} ${path}`).toBe(404);
  }
});
