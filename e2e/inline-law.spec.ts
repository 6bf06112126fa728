/**
 * A law that is not in the archive yet can be created from the picker that needs it, with the
 * jurisdiction and status the picker asks for, and completed later on its own page.
 */
import { expect, picker, test } from "./fixtures";

test("an editor relates a law to one not yet in the archive, creating it from the picker", async ({
  adminPage: page,
}) => {
  const name = `Law on the archives of the security services ${Date.now()}`;
  await page.goto("/admin/laws?jurisdiction=KG&q=On+Amendments+to+Certain+Legislative+Acts");
  await page.getByRole("link", { name: /On Amendments to Certain Legislative Acts of the Kyrgyz Republic/ }).click();
  await page.getByText("Add a relation").click();
  const form = page.getByRole("region", { name: "Related laws" });
  await form.getByRole("combobox", { name: "This law…" }).selectOption({ label: "Cites" });

  const other = picker(form, "…the other law");
  await other.combobox.fill(name);
  await (await other.options()).filter({ hasText: `Create “${name}”` }).click();
  const panel = form.getByRole("group", { name: `New: ${name}` });
  await panel.getByLabel("Jurisdiction").selectOption({ label: "Kazakhstan (KZ)" });
  await panel.getByLabel("Status").selectOption({ label: "In force" });
  await panel.getByRole("button", { name: "Create" }).click();
  await expect(other.chosen).toContainText(name);

  await form.getByRole("button", { name: "Add relation" }).click();
  await expect(page.getByTestId("law-relation").filter({ hasText: name })).toContainText("Cites");

  await page.goto(`/admin/laws?q=${encodeURIComponent(name)}&cols=jurisdiction,type,status`);
  await expect(page.getByRole("link", { name })).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: name });
  for (const cell of ["KZ", "Law", "In force"])
    await expect(row.getByRole("cell", { name: cell, exact: true })).toBeVisible();
});
