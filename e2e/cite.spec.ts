/**
 * Citing a law: the reader copies a citation that names the exact version, and that version's
 * address keeps showing what was cited after the law is published again.
 */
import { expect, test } from "./fixtures";
import { publishAsAdmin } from "./workflow-steps";

test("a reader copies a BibTeX citation of the exact version, and that version stays readable", async ({
  adminPage: admin,
  page,
}) => {
  const stamp = Date.now();
  const title = `Law on the return of confiscated property ${stamp}`;
  await admin.goto("/admin/laws/new");
  await admin
    .getByRole("group", { name: "Titles", exact: true })
    .getByLabel(/^Title, row \d+ of/)
    .fill(title);
  await admin.getByRole("combobox", { name: "Jurisdiction", exact: true }).selectOption({ label: "Kyrgyzstan (KG)" });
  const summary = admin.getByRole("textbox", { name: "Summary" });
  await summary.fill("The first published summary.");
  await admin.getByRole("button", { name: "Create law" }).click();
  await expect(admin.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  const slug = await admin.getByRole("textbox", { name: "Address (slug)" }).inputValue();
  await publishAsAdmin(admin);

  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto(`/laws/kg/${slug}`);
  const reviewed = await page.getByTestId("last-reviewed").textContent();
  const firstVersion = /version (\d+)/.exec(reviewed ?? "")?.[1];
  expect(firstVersion).toBeTruthy();
  // The plain citation comes first; BibTeX is among the other formats, a click away.
  const cite = page.getByRole("region", { name: "Cite this" });
  await expect(cite.getByRole("button", { name: "Copy the Plain text citation" })).toBeVisible();
  await expect(cite.getByRole("button", { name: "Copy the BibTeX citation" })).toBeHidden();
  await cite.getByText(/^Other formats/).click();
  await cite.getByRole("button", { name: "Copy the BibTeX citation" }).click();
  await expect(page.getByText("Copied.")).toBeVisible();
  const bibtex = await page.evaluate(() => navigator.clipboard.readText());
  expect(bibtex).toMatch(new RegExp(`^@misc\\{marginalia-kg-${slug}-v${firstVersion},`));
  expect(bibtex).toContain(`/laws/kg/${slug}?version=${firstVersion}}`);

  await summary.fill("The second published summary.");
  await admin.getByRole("button", { name: "Save changes" }).click();
  await expect(admin.getByText("Saved.", { exact: true })).toBeVisible();
  await publishAsAdmin(admin);

  await page.goto(`/laws/kg/${slug}`);
  await expect(page.getByText("The second published summary.")).toBeVisible();
  await expect(page.getByTestId("older-version")).toHaveCount(0);
  await page.goto(`/laws/kg/${slug}?version=${firstVersion}`);
  await expect(page.getByText("The first published summary.")).toBeVisible();
  await expect(page.getByTestId("older-version")).toContainText(`version ${firstVersion}`);
  await page.getByRole("link", { name: "Read the current version" }).click();
  await expect(page.getByText("The second published summary.")).toBeVisible();
});

test("a printed law keeps its text and history and drops the site's navigation and the citation tools", async ({
  page,
}) => {
  await page.goto("/laws/kg/rehabilitation-of-victims-of-soviet-political-repression");
  await expect(page.getByRole("region", { name: "Cite this" })).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("region", { name: "History" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Cite this" })).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Site" })).toBeHidden();
});
