import { test as base, expect, type BrowserContext, type Locator, type Page } from "@playwright/test";

export { expect };

export type Role = "contributor" | "editor" | "admin";
export type Account = { email: string; name: string; role: Role; password: string };

export const seededAdmin = {
  email: "admin@marginalia.local",
  name: "Administrator",
  password: process.env.E2E_ADMIN_PASSWORD!,
};

/** The one message for every failed sign-in (modules/auth/sign-in.ts). */
export const invalidCredentialsMessage = "The email or password is not correct.";

/** An email no other test or run uses: the server's database lives for the whole run. */
export function uniqueEmail(label: string): string {
  return `${label}-${uniqueSuffix()}@e2e.example`;
}

function uniqueSuffix(): string {
  return `${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
}

/** Signs in through the real form, as a person would; the caller checks where that led. */
export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/login");
  await fillSignInForm(page, email, password);
}

export async function fillSignInForm(page: Page, email: string, password: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signInAsAdmin(page: Page) {
  await signIn(page, seededAdmin.email, seededAdmin.password);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
}

/**
 * Signs in over HTTP (next-auth's credentials callback), for tests whose subject is not the sign-in
 * form. The session cookie lands in the page's browser context.
 */
export async function signInOverHttp(page: Page, email: string, password: string) {
  const csrf = await page.request.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await page.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, callbackUrl: "/admin" },
    maxRedirects: 0,
  });
  const location = response.headers()["location"] ?? "";
  // Success redirects to the callback URL; a failure redirects to /login?error=…
  if (response.status() !== 302 || new URL(location, "http://localhost").pathname !== "/admin") {
    throw new Error(`Signing in ${email} over HTTP failed: ${response.status()} ${location}`);
  }
}

export async function signOut(page: Page) {
  await page.getByTestId("current-user").click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);
}

export function adminNav(page: Page): Locator {
  return page.getByRole("navigation", { name: "Admin" });
}

/** Fills and submits the create-account form on /admin/users. */
export async function submitCreateAccount(page: Page, values: { email: string; name: string; role: Role }) {
  const form = page.getByRole("region", { name: "Create an account" });
  await form.getByLabel("Email", { exact: true }).fill(values.email);
  await form.getByLabel("Display name").fill(values.name);
  await form.getByLabel("Role").selectOption(values.role);
  await form.getByRole("button", { name: "Create account" }).click();
}

/** Creates an account through the admin page and returns it with its one-time password. */
export async function createAccount(adminPage: Page, label: string, role: Role = "contributor"): Promise<Account> {
  const suffix = uniqueSuffix();
  const email = `${label}-${suffix}@e2e.example`;
  const name = `E2E ${label} ${suffix}`;
  await adminPage.goto("/admin/users");
  await submitCreateAccount(adminPage, { email, name, role });
  const created = adminPage.getByTestId("account-created");
  await expect(created).toContainText(email);
  const password = (await created.getByTestId("one-time-password").textContent())?.trim() ?? "";
  expect(password.length).toBeGreaterThanOrEqual(12);
  return { email, name, role, password };
}

/** The row of one account on /admin/users, found through the page's search. */
export async function accountRow(adminPage: Page, email: string): Promise<Locator> {
  await adminPage.goto(`/admin/users?q=${encodeURIComponent(email)}`);
  const row = adminPage.getByTestId(`user-row-${email}`);
  await expect(row).toBeVisible();
  return row;
}

type Fixtures = {
  /** A page in a browser context of its own, as another person on another computer would have. */
  openPage: () => Promise<Page>;
  /** A page of its own, signed in (over HTTP) as the seeded admin. */
  adminPage: Page;
};

export const test = base.extend<Fixtures>({
  // The second parameter is Playwright's `use`, named otherwise so React's hook lint leaves it be.
  openPage: async ({ browser }, provide) => {
    const contexts: BrowserContext[] = [];
    await provide(async () => {
      const context = await browser.newContext();
      contexts.push(context);
      return context.newPage();
    });
    await Promise.all(contexts.map((context) => context.close()));
  },
  adminPage: async ({ openPage }, provide) => {
    const page = await openPage();
    await signInOverHttp(page, seededAdmin.email, seededAdmin.password);
    await provide(page);
  },
});

/**
 * A searchable picker (components/admin/entity-picker.tsx), found by its label: its combobox and
 * the listbox that combobox controls, so that a list still closing elsewhere is never read.
 */
export function picker(scope: Page | Locator, label: string) {
  const combobox = scope.getByRole("combobox", { name: label, exact: true });
  const page = "page" in scope ? scope.page() : scope;
  return {
    combobox,
    chosen: scope.getByRole("list", { name: `Chosen: ${label}`, exact: true }),
    /** The options shown for what was typed; call after typing. */
    options: async () => page.locator(`[id="${await combobox.getAttribute("aria-controls")}"]`).getByRole("option"),
  };
}

/** Types into a picker and picks the option whose name starts with `label` (its hint follows). */
export async function pickInPicker(scope: Page | Locator, pickerLabel: string, query: string, label: string) {
  const { combobox, chosen, options } = picker(scope, pickerLabel);
  await combobox.fill(query);
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  await (await options()).filter({ hasText: new RegExp(`^${escaped}`) }).click();
  await expect(chosen).toContainText(label);
}

/** Types a name the picker does not know and creates the record from the picker. */
export async function createInPicker(scope: Page | Locator, pickerLabel: string, name: string) {
  const { combobox, chosen, options } = picker(scope, pickerLabel);
  await combobox.fill(name);
  await (await options()).filter({ hasText: `Create “${name}”` }).click();
  await expect(chosen).toContainText(name);
}
