/**
 * Accounts: an admin creates them and hands over the generated password, resets passwords, and
 * the create form says what is wrong without losing what was typed.
 */
import {
  accountRow,
  adminNav,
  createAccount,
  expect,
  fillSignInForm,
  invalidCredentialsMessage,
  seededAdmin,
  signIn,
  signInAsAdmin,
  signInOverHttp,
  signOut,
  submitCreateAccount,
  test,
  uniqueEmail,
} from "./fixtures";

test("an admin creates a contributor, who signs in with the one-time password and sees no account admin", async ({
  page,
}) => {
  await signInAsAdmin(page);
  await expect(page.getByTestId("current-user")).toHaveText(seededAdmin.name);
  await expect(page.getByText("Signed in as Administrator, admin.")).toBeVisible();

  await adminNav(page).getByRole("link", { name: "Users" }).click();
  await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();

  const email = uniqueEmail("contributor");
  const name = `Contributor ${Date.now()}`;
  await submitCreateAccount(page, { email, name, role: "contributor" });
  const created = page.getByTestId("account-created");
  await expect(created).toContainText(`Account created for ${email}`);
  const password = (await created.getByTestId("one-time-password").textContent())?.trim() ?? "";
  expect(password.length).toBeGreaterThanOrEqual(12);
  // The form is emptied for the next account.
  await expect(
    page.getByRole("region", { name: "Create an account" }).getByLabel("Email", { exact: true }),
  ).toHaveValue("");

  // Shown once: a fresh load of the page no longer has it.
  await page.reload();
  await expect(page.getByTestId(`user-row-${email}`)).toContainText(name);
  await expect(page.getByTestId("one-time-password")).toHaveCount(0);
  await expect(page.getByText(password)).toHaveCount(0);

  await signOut(page);
  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await expect(page.getByText(`Signed in as ${name}, contributor.`)).toBeVisible();
  await expect(page.getByTestId("current-user")).toHaveText(name);
  await expect(adminNav(page).getByRole("link", { name: "Dashboard" })).toBeVisible();
  await expect(adminNav(page).getByRole("link", { name: "Users" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Manage accounts and roles" })).toHaveCount(0);
  await expect(page.getByText("Active accounts")).toHaveCount(0);

  await page.goto("/admin/users");
  await expect(page.getByTestId("forbidden")).toBeVisible();
  await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Users", level: 1 })).toHaveCount(0);
  await expect(adminNav(page).getByRole("link", { name: "Users" })).toHaveCount(0);
});

test("a password reset shows the new password once; it works and the old one does not", async ({
  adminPage,
  openPage,
}) => {
  const account = await createAccount(adminPage, "reset");
  const theirs = await openPage();
  await signInOverHttp(theirs, account.email, account.password);
  await theirs.goto("/admin");
  await expect(theirs.getByTestId("current-user")).toHaveText(account.name);

  const row = await accountRow(adminPage, account.email);
  await row.getByRole("button", { name: "Reset password" }).click();
  const dialog = adminPage.getByRole("dialog", { name: `Reset the password of ${account.email}?` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Reset password" }).click();
  await expect(dialog).toContainText("Password reset; they are signed out everywhere.");
  const newPassword = (await dialog.getByTestId("one-time-password").textContent())?.trim() ?? "";
  expect(newPassword.length).toBeGreaterThanOrEqual(12);
  expect(newPassword).not.toBe(account.password);
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(dialog).toBeHidden();

  // Their open session has ended.
  await theirs.reload();
  await expect(theirs).toHaveURL(/\/login\?next=%2Fadmin$/);

  await signIn(theirs, account.email, account.password);
  await expect(theirs.getByTestId("sign-in-error")).toHaveText(invalidCredentialsMessage);

  await fillSignInForm(theirs, account.email, newPassword);
  await expect(theirs).toHaveURL(/\/admin$/);
  await expect(theirs.getByTestId("current-user")).toHaveText(account.name);
});

test.describe("the create-account form", () => {
  test("an invalid email is marked at the field and the other fields keep what was typed", async ({ adminPage }) => {
    await adminPage.goto("/admin/users");
    const name = `Invalid email ${Date.now()}`;
    await submitCreateAccount(adminPage, { email: "not-an-email", name, role: "editor" });

    const form = adminPage.getByRole("region", { name: "Create an account" });
    const email = form.getByLabel("Email", { exact: true });
    await expect(email).toHaveAttribute("aria-invalid", "true");
    await expect(email).toHaveAccessibleDescription("Enter a valid email address.");
    await expect(email).toHaveValue("not-an-email");
    await expect(form.getByLabel("Display name")).toHaveValue(name);
    await expect(form.getByLabel("Display name")).not.toHaveAttribute("aria-invalid");
    await expect(form.getByLabel("Role")).toHaveValue("editor");
    await expect(adminPage.getByTestId("account-created")).toHaveCount(0);

    // Correcting the email is enough to create the account.
    const corrected = uniqueEmail("corrected");
    await email.fill(corrected);
    await form.getByRole("button", { name: "Create account" }).click();
    await expect(adminPage.getByTestId("account-created")).toContainText(corrected);
    await expect(adminPage.getByTestId(`user-row-${corrected}`)).toContainText(name);
    await expect(adminPage.getByTestId(`user-row-${corrected}`).getByLabel(`Role of ${corrected}`)).toHaveValue(
      "editor",
    );
  });

  test("an email already in use is refused, whatever its case", async ({ adminPage }) => {
    const existing = await createAccount(adminPage, "duplicate");
    await adminPage.goto("/admin/users");
    await submitCreateAccount(adminPage, {
      email: existing.email.toUpperCase(),
      name: "Someone else",
      role: "contributor",
    });

    const email = adminPage.getByRole("region", { name: "Create an account" }).getByLabel("Email", { exact: true });
    await expect(email).toHaveAccessibleDescription("An account with this email already exists.");
    await expect(email).toHaveValue(existing.email.toUpperCase());
    await expect(adminPage.getByTestId("account-created")).toHaveCount(0);
  });
});
