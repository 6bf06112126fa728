/**
 * Access: admin pages need a session and send visitors back where they were going after signing
 * in; an admin's deactivation or role change reaches the user's next page load, not their next
 * sign-in.
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
  signInOverHttp,
  test,
} from "./fixtures";

test.describe("without a session", () => {
  test("/admin sends the visitor to sign in, and back to /admin afterwards", async ({ page }) => {
    await page.goto("/admin");
    await expect(page).toHaveURL(/\/login\?next=%2Fadmin$/);
    await expect(page.getByRole("heading", { name: "Sign in to edit the archive" })).toBeVisible();

    await fillSignInForm(page, seededAdmin.email, seededAdmin.password);
    await expect(page).toHaveURL(/\/admin$/);
    await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  });

  test("/admin/users sends the visitor to sign in, and back to the users page afterwards", async ({ page }) => {
    await page.goto("/admin/users");
    await expect(page).toHaveURL(/\/login\?next=%2Fadmin%2Fusers$/);

    await fillSignInForm(page, seededAdmin.email, seededAdmin.password);
    await expect(page).toHaveURL(/\/admin\/users$/);
    await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
  });

  test("a next address on another site is ignored after signing in", async ({ page }) => {
    await page.goto("/login?next=//evil.example/admin");
    await fillSignInForm(page, seededAdmin.email, seededAdmin.password);
    await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/admin$/);
    await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  });
});

test("a deactivated user is signed out at once and cannot sign in until reactivated", async ({
  adminPage,
  openPage,
}) => {
  const account = await createAccount(adminPage, "deactivated");
  const theirs = await openPage();
  await signIn(theirs, account.email, account.password);
  await expect(theirs.getByTestId("current-user")).toHaveText(account.name);

  let row = await accountRow(adminPage, account.email);
  await expect(row).toContainText("Active");
  await row.getByRole("button", { name: "Deactivate" }).click();
  const confirm = adminPage.getByRole("dialog", { name: `Deactivate ${account.email}?` });
  await expect(confirm).toContainText("They are signed out at once");
  await confirm.getByRole("button", { name: "Deactivate" }).click();
  await expect(adminPage.getByText("Account deactivated; its sessions have ended.")).toBeVisible();
  await expect(row.getByRole("cell", { name: "Deactivated", exact: true })).toBeVisible();

  // Their next page load, with the same cookie, is sent to sign in.
  await theirs.reload();
  await expect(theirs).toHaveURL(/\/login\?next=%2Fadmin$/);
  await fillSignInForm(theirs, account.email, account.password);
  await expect(theirs.getByTestId("sign-in-error")).toHaveText(invalidCredentialsMessage);
  await expect(theirs).toHaveURL(/\/login/);

  // Reactivated, the same password works again.
  row = await accountRow(adminPage, account.email);
  await row.getByRole("button", { name: "Reactivate" }).click();
  const reactivate = adminPage.getByRole("dialog", { name: `Reactivate ${account.email}?` });
  await reactivate.getByRole("button", { name: "Reactivate" }).click();
  await expect(adminPage.getByText("Account reactivated.")).toBeVisible();

  await signIn(theirs, account.email, account.password);
  await expect(theirs).toHaveURL(/\/admin$/);
  await expect(theirs.getByTestId("current-user")).toHaveText(account.name);
});

test("a contributor made admin sees the Users link on their next page load", async ({ adminPage, openPage }) => {
  const account = await createAccount(adminPage, "promoted");
  const theirs = await openPage();
  await signInOverHttp(theirs, account.email, account.password);
  await theirs.goto("/admin");
  await expect(theirs.getByText(`Signed in as ${account.name}, contributor.`)).toBeVisible();
  await expect(adminNav(theirs).getByRole("link", { name: "Users" })).toHaveCount(0);

  const row = await accountRow(adminPage, account.email);
  await row.getByLabel(`Role of ${account.email}`).selectOption("admin");
  await row.getByRole("button", { name: "Save role" }).click();
  await expect(row.getByText("Role saved.")).toBeVisible();
  await expect(row.getByLabel(`Role of ${account.email}`)).toHaveValue("admin");
  const reloaded = await accountRow(adminPage, account.email);
  await expect(reloaded.getByLabel(`Role of ${account.email}`)).toHaveValue("admin");

  await theirs.reload();
  await expect(theirs.getByText(`Signed in as ${account.name}, admin.`)).toBeVisible();
  await adminNav(theirs).getByRole("link", { name: "Users" }).click();
  await expect(theirs).toHaveURL(/\/admin\/users$/);
  await expect(theirs.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
});
