/**
 * Source capture (app/admin/sources): an editor presses Capture on a source and the archive keeps
 * what its address answered, the page as received and a snapshot safe to open, each capture kept;
 * and keeps their own copy of the source as a document. The page is served by a local server this
 * spec starts (the e2e server allows this machine's addresses, as an admin's setting would).
 */
import { writePdf } from "../lib/files/minimal-pdf";
import { startPageServer } from "../tests/captures/page-server";
import { expect, test } from "./fixtures";

let site: Awaited<ReturnType<typeof startPageServer>>;
test.beforeAll(async () => {
  site = await startPageServer();
});
test.afterAll(async () => {
  await site.stop();
});

test("an editor captures a source's page twice, opens the snapshot, and a failed capture says why", async ({
  adminPage: page,
  playwright,
  baseURL,
}) => {
  test.setTimeout(90_000);
  await page.goto("/admin/sources/new");
  await page.getByLabel("Title").fill(`Gazette, decree No. 5 (${Date.now()})`);
  await page.getByLabel("Address (URL)").fill(`${site.origin}/gazette`);
  await page.getByRole("button", { name: "Create source" }).click();
  await expect(page).toHaveURL(/\/admin\/sources\/\d+$/);

  const section = page.getByRole("region", { name: "Captures" });
  await expect(section).toContainText("Not captured yet.");
  await section.getByRole("button", { name: "Capture" }).click();
  await expect(section.getByTestId("capture-result")).toHaveText("Captured: HTTP 200, the page and a snapshot kept.");
  const captures = section.getByTestId("capture");
  await expect(captures).toHaveCount(1);
  await expect(captures.first()).toContainText(`Redirected to ${site.origin}/gazette/2024/decree-5`);
  await expect(captures.first()).toContainText("HTTP 200");
  const body = captures.first().getByRole("link", { name: "127.0.0.1 gazette 2024 decree-5.html" });
  const snapshot = captures.first().getByRole("link", { name: "127.0.0.1 gazette 2024 decree-5 (snapshot).html" });
  await expect(body).toBeVisible();

  // The snapshot opens for editors, sandboxed, without the page's scripts.
  const href = (await snapshot.getAttribute("href"))!;
  const opened = await page.request.get(href);
  expect(opened.status()).toBe(200);
  expect(opened.headers()["content-security-policy"]).toMatch(/^sandbox; default-src 'none'/);
  const html = await opened.text();
  expect(html).toContain("Captured copy.");
  expect(html).toContain("On the rehabilitation of the victims, adopted on 1 March 2024.");
  expect(html).not.toContain("<script");
  // A third party's page is evidence for editors, never served to readers.
  const reader = await playwright.request.newContext({ baseURL });
  expect((await reader.get(href)).status()).toBe(404);
  expect((await reader.get((await body.getAttribute("href"))!)).status()).toBe(404);
  await reader.dispose();

  // Captures are repeatable; each is kept, newest first.
  await section.getByRole("button", { name: "Capture" }).click();
  await expect(captures).toHaveCount(2);

  // An address that answers nothing: the capture is kept with the reason.
  await page.getByRole("textbox", { name: "Address (URL)" }).fill("http://127.0.0.1:9/decree");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await section.getByRole("button", { name: "Capture" }).click();
  await expect(section.getByTestId("capture-result")).toHaveText(
    "The capture failed: 127.0.0.1:9 refused the connection. It is kept in the list below.",
  );
  await expect(captures).toHaveCount(3);
  await expect(captures.first()).toContainText("127.0.0.1:9 refused the connection.");

  // The editors' own copy of the source, attached at once (a source has no revisions), for editors only.
  const documents = page.getByRole("region", { name: "Documents" });
  await expect(documents).toContainText("No documents yet.");
  await documents.locator('input[type="file"]').setInputFiles({
    name: "Gazette No. 5.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from(writePdf([{ lines: ["Official gazette, No. 5"] }], { title: `source ${Date.now()}` })),
  });
  await expect(documents.getByTestId("upload").getByText("Uploaded: PDF")).toBeVisible();
  await expect(documents.getByRole("checkbox", { name: "Internal" })).toHaveCount(0);
  await documents.getByRole("button", { name: "Attach 1 file" }).click();
  await expect(documents.getByText("Files attached.")).toBeVisible();
  await expect(documents.getByTestId("attached-file")).toHaveCount(1);
  await expect(documents.getByTestId("attached-file")).toContainText("Gazette No. 5.pdf");
});
