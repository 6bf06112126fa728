/**
 * A jurisdiction's succession (the Kirghiz SSR succeeded by Kyrgyzstan) is set by an admin and
 * shown to readers on both jurisdictions' pages.
 */
import { expect, test } from "./fixtures";

test("the demo's successions show on both sides", async ({ page }) => {
  await page.goto("/jurisdictions/kg");
  const kg = page.getByTestId("succession");
  await expect(kg).toContainText("Preceded by Kirghiz Soviet Socialist Republic");
  await kg.getByRole("link", { name: "Kirghiz Soviet Socialist Republic" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Kirghiz Soviet Socialist Republic" })).toBeVisible();
  // The page left behind stays in the document, hidden, for the Back button.
  await expect(page.getByTestId("succession").filter({ visible: true })).toContainText("Succeeded by Kyrgyzstan");
});

test("an admin sets a successor, and a loop is refused at the field", async ({ adminPage: admin, page }) => {
  const code = `T${Date.now().toString(36).toUpperCase().slice(-6)}`;
  await admin.goto("/admin/jurisdictions/new");
  await admin.getByRole("textbox", { name: "Code" }).fill(code);
  await admin.getByRole("textbox", { name: "Name" }).fill(`Test republic ${code}`);
  await admin.getByRole("combobox", { name: "Kind" }).selectOption({ label: "Historical polity" });
  await admin.getByRole("combobox", { name: "Succeeded by (optional)" }).selectOption({ label: "Uzbekistan (UZ)" });
  await admin.getByRole("button", { name: "Create jurisdiction" }).click();
  await expect(admin).toHaveURL(new RegExp(`/admin/jurisdictions/${code}$`));

  await page.goto(`/jurisdictions/${code.toLowerCase()}`);
  await expect(page.getByTestId("succession")).toContainText("Succeeded by Uzbekistan");
  await expect
    .poll(async () => {
      await page.goto("/jurisdictions/uz");
      return page.getByTestId("succession").textContent();
    })
    .toContain(`Preceded by Test republic ${code}`);

  await admin.goto("/admin/jurisdictions/UZ");
  await admin
    .getByRole("combobox", { name: "Succeeded by (optional)" })
    .selectOption({ label: `Test republic ${code} (${code})` });
  await admin.getByRole("button", { name: "Save changes" }).click();
  await expect(admin.getByText("That jurisdiction already comes after this one.")).toBeVisible();
});
