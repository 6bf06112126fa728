/**
 * Serving stored files (app/files): a document on a law is served to readers only once the law is
 * published and only while it is not internal; editors get it before, uncached. Readers get the
 * headers a long-lived, verifiable copy needs: its type, its name, its hash as the ETag, 304 for a
 * copy they hold, and parts of it by range.
 */
import { createHash } from "node:crypto";
import type { Page } from "@playwright/test";
import sharp from "sharp";
import { writePdf } from "../lib/files/minimal-pdf";
import { lawWithText } from "./annotation-steps";
import { expect, test } from "./fixtures";
import { move, publishAsAdmin } from "./workflow-steps";

async function attach(
  page: Page,
  name: string,
  bytes: Uint8Array,
  kind = { mimeType: "application/pdf", label: "PDF" },
) {
  const documents = page.getByRole("region", { name: "Documents" });
  await documents
    .locator('input[type="file"]')
    .setInputFiles({ name, mimeType: kind.mimeType, buffer: Buffer.from(bytes) });
  await expect(documents.getByTestId("upload").getByText(`Uploaded: ${kind.label}`)).toBeVisible();
  await documents.getByRole("button", { name: "Attach 1 file" }).click();
  await expect(documents.getByText("Files attached.")).toBeVisible();
}

test("a law's document is served to readers once published, with the headers of a lasting copy, and not once internal", async ({
  adminPage: page,
  playwright,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const pdf = writePdf([{ lines: ["Decree on the commission"] }, { lines: ["Second page"] }], {
    title: `files ${Date.now()}`,
  });
  const sha256 = createHash("sha256").update(pdf).digest("hex");
  const name = "Постановление № 5.pdf";
  const file = `/files/${sha256}/${encodeURIComponent(name)}`;
  const reader = await playwright.request.newContext({ baseURL });

  const adminPath = await lawWithText(page, `Law with a served document ${Date.now()}`);
  await page.goto(adminPath);
  await attach(page, name, pdf);

  // A draft's file: editors only, never stored by a cache; readers get the 404 of an unknown file.
  expect((await reader.get(file)).status()).toBe(404);
  const editors = await page.request.get(file);
  expect(editors.status()).toBe(200);
  expect(editors.headers()["cache-control"]).toBe("private, no-store, no-transform");

  await publishAsAdmin(page);
  const publicPath = new URL((await page.getByRole("link", { name: "Public page" }).getAttribute("href"))!, baseURL)
    .pathname;
  await page.goto(publicPath);
  const documents = page.getByRole("region", { name: "Documents" });
  await expect(documents.getByRole("link", { name })).toHaveAttribute("href", file);
  await expect(documents).toContainText(`SHA-256 ${sha256}, captured `);
  await expect(documents).toContainText("PDF · ");
  await expect(documents).toContainText("2 pages");

  const whole = await reader.get(file);
  expect(whole.status()).toBe(200);
  expect(whole.headers()).toMatchObject({
    "content-type": "application/pdf",
    etag: `"${sha256}"`,
    "cache-control": "public, max-age=31536000, immutable, no-transform",
    "accept-ranges": "bytes",
    "x-content-type-options": "nosniff",
  });
  expect(whole.headers()["content-disposition"]).toMatch(
    /^inline; filename="[\x20-\x7e]+\.pdf"; filename\*=UTF-8''%D0%9F/,
  );
  expect(
    createHash("sha256")
      .update(await whole.body())
      .digest("hex"),
  ).toBe(sha256);

  expect((await reader.get(file, { headers: { "if-none-match": `"${sha256}"` } })).status()).toBe(304);
  const part = await reader.get(file, { headers: { range: "bytes=0-7" } });
  expect(part.status()).toBe(206);
  expect(part.headers()["content-range"]).toBe(`bytes 0-7/${pdf.length}`);
  expect((await part.body()).toString("latin1")).toBe("%PDF-1.4");
  const beyond = await reader.get(file, { headers: { range: `bytes=${pdf.length}-` } });
  expect(beyond.status()).toBe(416);
  expect(beyond.headers()["content-range"]).toBe(`bytes */${pdf.length}`);
  // Only under a name it is published under.
  expect((await reader.get(`/files/${sha256}/other-name.pdf`)).status()).toBe(404);
  expect((await reader.get(`/files/not-a-hash/${encodeURIComponent(name)}`)).status()).toBe(404);

  // Internal from the next publication on: readers lose it, editors keep it.
  await page.goto(adminPath);
  const attached = page.getByRole("region", { name: "Documents" }).getByTestId("attached-file");
  await attached.locator("summary", { hasText: "Edit" }).click();
  await attached.getByRole("checkbox", { name: "Internal" }).check();
  await attached.getByRole("button", { name: "Save" }).click();
  await expect(attached).toContainText("Internal");
  expect((await reader.get(file)).status()).toBe(200);
  await publishAsAdmin(page);
  expect((await reader.get(file)).status()).toBe(404);
  expect((await page.request.get(file)).status()).toBe(200);
  await reader.dispose();
  // Off the home page's latest laws again, which later specs read for the demo's.
  await move(page, "Withdraw");
  await expect(page.getByTestId("workflow-state")).toContainText("Withdrawn");
});

test("an image shows readers a thumbnail, made once and served like the image, that opens the full image", async ({
  adminPage: page,
  playwright,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const image = await sharp({
    create: { width: 1600, height: 1000, channels: 3, background: { r: 120, g: 90, b: 60 } },
  })
    .png()
    .toBuffer();
  const sha256 = createHash("sha256").update(image).digest("hex");
  const name = "Signing ceremony.png";
  const reader = await playwright.request.newContext({ baseURL });

  const adminPath = await lawWithText(page, `Law with a photograph ${Date.now()}`);
  await page.goto(adminPath);
  await attach(page, name, image, { mimeType: "image/png", label: "PNG image" });
  await publishAsAdmin(page);
  const publicPath = new URL((await page.getByRole("link", { name: "Public page" }).getAttribute("href"))!, baseURL)
    .pathname;

  // The thumbnail is made in the background after the upload: the page shows it once it is.
  const thumbnail = page.getByRole("region", { name: "Documents" }).getByTestId("document-thumbnail");
  await expect(async () => {
    await page.goto(publicPath);
    await expect(thumbnail).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  const src = (await thumbnail.getAttribute("src"))!;
  expect(src).toMatch(/^\/files\/[0-9a-f]{64}\/thumbnail\.webp$/);
  expect(await thumbnail.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(480);
  const served = await reader.get(src);
  expect(served.status()).toBe(200);
  expect(served.headers()).toMatchObject({
    "content-type": "image/webp",
    "cache-control": "public, max-age=31536000, immutable, no-transform",
  });
  // It opens the full image.
  await expect(thumbnail.locator("xpath=..")).toHaveAttribute("href", `/files/${sha256}/${encodeURIComponent(name)}`);

  // Withdrawn: the image and its thumbnail are gone for readers.
  await page.goto(adminPath);
  await move(page, "Withdraw");
  await expect(page.getByTestId("workflow-state")).toContainText("Withdrawn");
  expect((await reader.get(src)).status()).toBe(404);
  await reader.dispose();
});
