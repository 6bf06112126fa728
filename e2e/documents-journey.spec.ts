/**
 * The journey issue 16 names: an editor attaches the official PDF of a law and publishes it; a
 * reader searches a phrase that appears only in the PDF, finds the law with "found in the
 * attached PDF, page 3", and the link opens the PDF at that page.
 */
import { writePdf } from "../lib/files/minimal-pdf";
import { lawWithText } from "./annotation-steps";
import { expect, test } from "./fixtures";
import { move, publishAsAdmin } from "./workflow-steps";

test("a reader finds a law by a phrase only its attached PDF holds, and opens the PDF at that page", async ({
  adminPage: page,
  openPage,
}) => {
  test.setTimeout(120_000);
  const marker = `Karakol${Date.now().toString(36)}`;
  const pdf = writePdf([
    { lines: ["Official gazette"] },
    { lines: ["Article 1. General provisions"] },
    { lines: ["Article 2.", `The ${marker} commission reviews the cases.`] },
  ]);
  const adminPath = await lawWithText(page, `Law with an official PDF ${Date.now()}`);
  await page.goto(adminPath);
  const documents = page.getByRole("region", { name: "Documents" });
  await documents
    .locator('input[type="file"]')
    .setInputFiles({ name: "Official publication.pdf", mimeType: "application/pdf", buffer: Buffer.from(pdf) });
  await expect(documents.getByTestId("upload").getByText("Uploaded: PDF, 3 pages")).toBeVisible();
  await documents.getByRole("button", { name: "Attach 1 file" }).click();
  await expect(documents.getByText("Files attached.")).toBeVisible();
  // The text is read in the background after the upload.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("attached-file")).toContainText("text searchable");
  }).toPass({ timeout: 30_000 });
  await publishAsAdmin(page);

  const reader = await openPage();
  await reader.goto(`/search?q=${encodeURIComponent(`${marker} commission`)}`);
  const result = reader.getByRole("listitem").filter({ has: reader.getByTestId("found-in") });
  await expect(result).toHaveCount(1);
  const foundIn = result.getByTestId("found-in");
  await expect(foundIn).toContainText("Found in the attached PDF Official publication.pdf, page 3");
  await expect(foundIn.locator("mark").first()).toHaveText(marker.toLowerCase(), { ignoreCase: true });
  const link = foundIn.getByRole("link", { name: "Official publication.pdf" });
  const href = await link.getAttribute("href");
  expect(href).toMatch(/^\/files\/[0-9a-f]{64}\/Official%20publication\.pdf#page=3$/);
  const response = await reader.request.get(href!.replace(/#.*$/, ""));
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  expect(response.headers()["content-disposition"]).toMatch(/^inline;/);

  // Off the home page's latest laws again, which later specs read for the demo's.
  await page.goto(adminPath);
  await move(page, "Withdraw");
  await expect(page.getByTestId("workflow-state")).toContainText("Withdrawn");
});
