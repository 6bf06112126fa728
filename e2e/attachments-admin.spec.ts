/**
 * Documents on a law's edit page (components/attachments): an editor drops a PDF and a disguised
 * file, watches the PDF upload and the other be refused by name, attaches the PDF to the law's
 * text, renames it, and removes it after confirming.
 */
import { createHash } from "node:crypto";
import { writePdf } from "../lib/files/minimal-pdf";
import { lawWithText } from "./annotation-steps";
import { expect, test } from "./fixtures";

const pdf = writePdf([{ lines: ["Official publication"] }, { lines: ["Second page"] }], { title: `e2e ${Date.now()}` });
const sha256 = createHash("sha256").update(pdf).digest("hex");
const png = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

test("an editor drops files on a law, attaches the good one to its text, renames it and removes it", async ({
  adminPage: page,
}) => {
  test.setTimeout(90_000);
  const path = await lawWithText(page, `Law with documents ${Date.now()}`);
  await page.goto(path);
  const documents = page.getByRole("region", { name: "Documents" });
  await expect(documents.getByText("No documents yet.")).toBeVisible();

  const dataTransfer = await page.evaluateHandle(
    ([pdfBytes, pngBytes]) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(pdfBytes)], "Gazette No. 12.pdf", { type: "application/pdf" }));
      transfer.items.add(new File([new Uint8Array(pngBytes)], "budget.pdf", { type: "application/pdf" }));
      return transfer;
    },
    [Array.from(pdf), Array.from(png)] as const,
  );
  await documents
    .getByRole("group", { name: "Drop files here to attach them" })
    .dispatchEvent("drop", { dataTransfer });

  const uploads = documents.getByTestId("upload");
  await expect(uploads).toHaveCount(2);
  await expect(uploads.nth(1).getByRole("alert")).toHaveText("budget.pdf is not a PDF: its content is a PNG image.");
  const good = uploads.nth(0);
  await expect(good).toContainText(`SHA-256 ${sha256}`);
  await expect(good).toContainText("Uploaded: PDF, 2 pages");
  await good.getByRole("textbox", { name: "Name" }).fill("Official gazette, 31 December 2024.pdf");
  await expect(good.getByRole("combobox", { name: "What it is" })).toHaveValue("official_publication");
  await good.getByLabel("Captured on").fill("2024-12-31");
  await documents
    .getByRole("combobox", { name: "Attach to" })
    .selectOption({ label: "English unofficial translation" });
  await documents.getByRole("button", { name: "Attach 1 file" }).click();
  await expect(documents.getByText("Files attached.")).toBeVisible();

  const attached = documents.getByTestId("attached-file");
  await expect(attached).toHaveCount(1);
  await expect(attached).toContainText("Official gazette, 31 December 2024.pdf");
  await expect(attached).toContainText("Official publication · of the English unofficial translation · PDF · ");
  await expect(attached).toContainText("2 pages · captured 2024-12-31");
  await expect(attached).toContainText(sha256);
  // The refused file is still listed with its message until taken off the list.
  await uploads.getByRole("button", { name: "Take off the list budget.pdf" }).click();
  await expect(uploads).toHaveCount(0);

  await attached.locator("summary", { hasText: "Edit" }).click();
  await attached.getByRole("textbox", { name: "Name" }).fill("  ");
  await attached.getByRole("button", { name: "Save" }).click();
  await expect(attached.getByText("Give the file a name.")).toBeVisible();
  await attached.getByRole("textbox", { name: "Name" }).fill("Gazette.pdf");
  await attached.getByRole("checkbox", { name: "Internal" }).check();
  await attached.getByRole("button", { name: "Save" }).click();
  await expect(attached.getByText("Gazette.pdf", { exact: false }).first()).toBeVisible();
  await expect(attached).toContainText("Internal");

  await attached.getByRole("button", { name: "Remove Gazette.pdf" }).click();
  const dialog = page.getByRole("dialog", { name: "Remove this document?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Remove", exact: true }).click();
  await expect(documents.getByText("No documents yet.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Documents", exact: true })).toBeFocused();
});

test("a file over the limit is refused before it is sent", async ({ adminPage: page }) => {
  const path = await lawWithText(page, `Law with a huge file ${Date.now()}`);
  await page.goto(path);
  const documents = page.getByRole("region", { name: "Documents" });
  const dataTransfer = await page.evaluateHandle(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(100 * 1024 * 1024 + 1)], "scan.tiff", { type: "image/tiff" }));
    return transfer;
  });
  await documents
    .getByRole("group", { name: "Drop files here to attach them" })
    .dispatchEvent("drop", { dataTransfer });
  await expect(documents.getByTestId("upload").getByRole("alert")).toHaveText(
    "scan.tiff is larger than 100.0 MB, the most one file may be.",
  );
  await expect(documents.getByRole("button", { name: /^Attach/ })).toHaveCount(0);
});
