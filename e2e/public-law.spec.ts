/**
 * A reader's view of a published law: its history at the precision the sources give, the
 * disagreement between sources shown rather than hidden, and old addresses that keep working.
 * Changes made in the admin reach the public page once they are published, and not before.
 */
import { expect, test } from "./fixtures";
import { publishAsAdmin } from "./workflow-steps";

const kyrgyzLaw = "/laws/kg/rehabilitation-of-victims-of-soviet-political-repression";

test("a reader opens a law from the home page and reads its history and related law", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: /On Amendments to Certain Legislative Acts of the Kyrgyz Republic/ }).click();
  await expect(page).toHaveURL(kyrgyzLaw);
  const history = page.getByRole("region", { name: "History" });
  await expect(history.getByText("January 2023", { exact: true })).toBeVisible();
  await expect(history.getByText("20 November 2024", { exact: true }).first()).toBeVisible();
  // A month is never printed as a day.
  await expect(history).not.toContainText("1 January 2023");
  await expect(history.getByText("date unknown", { exact: true })).toBeVisible();
  // Two reports date the adoption differently: readers see both, each with its source.
  const dispute = history.getByText("Sources disagree on this date:").locator("..");
  await expect(dispute).toContainText("20 November 2024 — Parliament passes bill");
  await expect(dispute).toContainText("December 2024 — Kyrgyzstan adopts law");
  await expect(page.getByRole("region", { name: "Related laws" }).getByRole("link")).toHaveText(
    "On the rehabilitation of victims of mass political repression",
  );
});

test("when an editor records a second source's date, readers see the disagreement once it is published", async ({
  page,
  adminPage,
}) => {
  await adminPage.goto("/admin/laws?jurisdiction=KG&q=On+Amendments+to+Certain+Legislative+Acts");
  await adminPage
    .getByRole("link", { name: /On Amendments to Certain Legislative Acts of the Kyrgyz Republic/ })
    .click();
  await adminPage.getByRole("button", { name: "Edit Initiated, January 2023" }).click();
  const dialog = adminPage.getByRole("dialog", { name: "Edit event" });
  await dialog.getByRole("button", { name: "+ Add another source's account" }).click();
  await dialog.getByRole("textbox", { name: "Date" }).nth(1).fill("2023-02");
  await dialog.getByRole("button", { name: "Save event" }).click();
  await expect(adminPage.getByTestId("timeline-event").filter({ hasText: "January 2023 · Initiated" })).toContainText(
    "Sources disagree",
  );
  await expect(dialog).toBeHidden();
  await page.goto(kyrgyzLaw);
  await expect(
    page.getByRole("listitem").filter({ hasText: "Sources disagree" }).filter({ hasText: "Initiated" }),
  ).toHaveCount(0);

  await publishAsAdmin(adminPage);
  await page.goto(kyrgyzLaw);
  const initiated = page.getByRole("listitem").filter({ hasText: "Initiated" }).filter({ hasText: "Sources disagree" });
  await expect(initiated).toContainText("January 2023");
  await expect(initiated).toContainText("February 2023");
});

test("a law's old address redirects to its new one once the new address is published", async ({
  page,
  adminPage,
  request,
}) => {
  await adminPage.goto("/admin/laws?jurisdiction=KZ");
  await adminPage.getByRole("link", { name: "On the rehabilitation of victims of mass political repression" }).click();
  const slug = adminPage.getByRole("textbox", { name: "Address (slug)" });
  const old = await slug.inputValue();
  await slug.fill(`${old}-renamed`);
  await adminPage.getByRole("button", { name: "Save changes" }).click();
  await expect(adminPage.getByText("Saved.")).toBeVisible();
  // Until published, readers keep the old address and the draft's address is unknown to them.
  await page.goto(`/laws/kz/${old}-renamed`);
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText(
    "On the rehabilitation of victims of mass political repression",
  );

  await publishAsAdmin(adminPage);
  // A real permanent redirect, which crawlers and citation checkers follow too.
  const moved = await request.get(`/laws/kz/${old}`, { maxRedirects: 0 });
  expect(moved.status()).toBe(308);
  expect(moved.headers()["location"]).toBe(`/laws/kz/${old}-renamed`);
  await page.goto(`/laws/kz/${old}`);
  await expect(page).toHaveURL(`/laws/kz/${old}-renamed`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "On the rehabilitation of victims of mass political repression",
  );
});
