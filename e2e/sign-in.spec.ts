/**
 * Signing in: a failure never tells whether the email exists, keeps the typed email, and repeated
 * failures on one account lock it for a while.
 *
 * The server throttles per address after 20 failures in 15 minutes, and every spec signs in from
 * the same address: keep the failed sign-ins of the whole suite well under 20 (about 9 now).
 */
import {
  createAccount,
  expect,
  fillSignInForm,
  invalidCredentialsMessage,
  seededAdmin,
  signIn,
  signOut,
  test,
  uniqueEmail,
} from "./fixtures";

test("a wrong password and an unknown email get the same message, and the email stays typed", async ({ page }) => {
  await signIn(page, seededAdmin.email, "not-the-password-1234");
  const error = page.getByTestId("sign-in-error");
  await expect(error).toHaveText(invalidCredentialsMessage);
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByLabel("Email")).toHaveValue(seededAdmin.email);

  const unknown = uniqueEmail("nobody");
  await signIn(page, unknown, "not-the-password-1234");
  await expect(error).toHaveText(invalidCredentialsMessage);
  await expect(page.getByLabel("Email")).toHaveValue(unknown);

  // The form still works after a failure.
  await fillSignInForm(page, seededAdmin.email, seededAdmin.password);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
});

test("five wrong passwords lock the account, even against the right password", async ({ page, adminPage }) => {
  // An account of its own, so that no other test's sign-ins are throttled.
  const account = await createAccount(adminPage, "throttled");
  for (let attempt = 1; attempt <= 5; attempt++) {
    await signIn(page, account.email, `wrong-password-${attempt}`);
    await expect(page.getByTestId("sign-in-error")).toHaveText(invalidCredentialsMessage);
  }
  await signIn(page, account.email, account.password);
  await expect(page.getByTestId("sign-in-error")).toHaveText(
    /^Too many failed sign-ins\. Please wait (1[45] minutes) before trying again\.$/,
  );
  await expect(page).toHaveURL(/\/login$/);

  // Only that account: another one signs in from the same address.
  await signIn(page, seededAdmin.email, seededAdmin.password);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
});

test("the session cookie is httpOnly, SameSite=Lax and Secure in production, and sign-out ends it", async ({
  page,
}) => {
  await signIn(page, seededAdmin.email, seededAdmin.password);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  const session = (await page.context().cookies()).find((c) => c.name.endsWith("marginalia.session"));
  expect(session).toMatchObject({ name: "__Secure-marginalia.session", httpOnly: true, sameSite: "Lax", secure: true });

  await signOut(page);
  const after = (await page.context().cookies()).find((c) => c.name.endsWith("marginalia.session"));
  expect(after).toBeUndefined();
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/login\?next=%2Fadmin$/);
});
