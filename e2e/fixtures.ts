import { expect, type Page } from "@playwright/test";

export const seededAdmin = {
  email: "admin@marginalia.local",
  password: process.env.E2E_ADMIN_PASSWORD!,
};

/** Signs in through the real form, as a person would. */
export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signInAsAdmin(page: Page) {
  await signIn(page, seededAdmin.email, seededAdmin.password);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
}
