/**
 * A figure an editor enters reaches readers once another editor approves it: on its jurisdiction's
 * page and on the pages of the laws it concerns, with the number formatted for reading, its date
 * and its source.
 */
import { createAccount, createInPicker, expect, pickInPicker, signInOverHttp, test } from "./fixtures";

const lawPath = "/laws/kg/rehabilitation-of-victims-of-soviet-political-repression";

test("a figure entered as a source prints it is shown on its jurisdiction's page and its law's", async ({
  adminPage: page,
  openPage,
}) => {
  const stamp = Date.now();
  const label = `People rehabilitated in Kyrgyzstan ${stamp}`;
  const source = `Archive summary ${stamp}`;
  await page.goto("/admin/figures/new");
  await page.getByRole("textbox", { name: "What is counted" }).fill(label);
  await page.getByRole("combobox", { name: "Jurisdiction (optional)" }).selectOption({ label: "Kyrgyzstan (KG)" });
  await page.getByRole("textbox", { name: "Unit (optional)" }).fill("people");
  const value = page.getByRole("textbox", { name: "Value", exact: true });
  await value.fill("300–400");
  await page.getByRole("textbox", { name: "As of", exact: true }).fill("2024-12");
  await createInPicker(page, "Source", source);
  await pickInPicker(page, "Laws it concerns (optional)", "Amendments to Certain", "On Amendments to Certain");
  await page.getByRole("button", { name: /^(Create|Save)/ }).click();

  // A range is not one number: refused at its field, and nothing typed is lost.
  await expect(value).toHaveAttribute("aria-invalid", "true");
  await expect(value).toHaveAccessibleDescription(/Write the number as the source prints it/);
  await expect(page.getByRole("textbox", { name: "What is counted" })).toHaveValue(label);

  await value.fill("2.4 thousand");
  await page.getByRole("button", { name: /^(Create|Save)/ }).click();
  await expect(page).toHaveURL(/\/admin\/figures\/\d+$/);
  await expect(value).toHaveValue("2.4 thousand");
  const figureUrl = new URL(page.url()).pathname;
  // Whoever saved it last cannot show it to readers alone.
  await expect(page.getByTestId("figure-approval")).toContainText("Not shown to readers");
  await expect(page.getByRole("button", { name: "Approve for readers" })).toHaveCount(0);

  const reader = await openPage();
  await reader.goto("/jurisdictions/kg");
  await expect(reader.getByTestId("public-figure").filter({ hasText: label })).toHaveCount(0);

  const editor = await createAccount(page, "figure-approver", "editor");
  const second = await openPage();
  await signInOverHttp(second, editor.email, editor.password);
  await second.goto(figureUrl);
  await second.getByRole("button", { name: "Approve for readers" }).click();
  await expect(second.getByTestId("figure-approval")).toContainText(`approved by ${editor.name}`);

  for (const path of ["/jurisdictions/kg", lawPath]) {
    await reader.goto(path);
    const figure = reader.getByTestId("public-figure").filter({ hasText: label });
    await expect(figure, path).toContainText("2,400 people, as of December 2024");
    await expect(figure, path).toContainText(`${source} (printed “2.4 thousand”)`);
  }
  await expect(reader.getByRole("heading", { name: "Figures" })).toBeVisible();
});
