/**
 * The audit log: an admin finds an account change by filtering the log; nobody else may read it.
 */
import { adminNav, createAccount, expect, signInOverHttp, test } from "./fixtures";

test("an admin filters the audit log to an account they created; a contributor is refused", async ({
  adminPage,
  openPage,
}) => {
  const account = await createAccount(adminPage, "audited");

  await adminNav(adminPage).getByRole("link", { name: "Audit log" }).click();
  await expect(adminPage.getByRole("heading", { name: "Audit log", level: 1 })).toBeVisible();
  await expect(adminPage.getByText("npm run audit:verify")).toBeVisible();

  const filters = adminPage.getByRole("search", { name: "Filter the audit log" });
  await filters.getByLabel("Action").selectOption("user.create");
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(adminPage).toHaveURL(/[?&]action=user\.create(&|$)/);

  const entries = adminPage.getByRole("region", { name: /Audit log entries/ });
  const row = entries.getByRole("row").filter({ hasText: account.email });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("user.create");
  await expect(row).toContainText("role: contributor");
  // Only the chosen action is listed.
  await expect(entries.getByRole("row").filter({ hasText: "auth.sign_in" })).toHaveCount(0);

  // The details open to the whole entry.
  await row.locator("summary").click();
  await expect(row.locator("pre")).toContainText(`"email": "${account.email}"`);

  // A filter that matches nothing says so.
  await adminPage.goto("/admin/audit?action=user.create&actor=nobody-by-this-name");
  await expect(adminPage.getByText("No entries match these filters")).toBeVisible();

  const theirs = await openPage();
  await signInOverHttp(theirs, account.email, account.password);
  await theirs.goto("/admin/audit");
  await expect(theirs.getByTestId("forbidden")).toBeVisible();
  await expect(theirs.getByRole("heading", { name: "Audit log", level: 1 })).toHaveCount(0);
  await expect(adminNav(theirs).getByRole("link", { name: "Audit log" })).toHaveCount(0);
});
