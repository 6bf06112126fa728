/**
 * The upload route for attachments (app/admin/attachments/upload): a signed-in writer sends a
 * file's bytes and gets back the stored file; a file that is not what it claims, of a kind the
 * archive does not take, or too large is refused with a message naming it; another site cannot
 * send one.
 */
import { createHash } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import { writePdf } from "../lib/files/minimal-pdf";
import { fileUploadLimitBytes } from "../modules/files/limits";
import { createAccount, expect, signInOverHttp, test } from "./fixtures";

const upload = (request: APIRequestContext, name: string, data: Buffer, headers: Record<string, string> = {}) =>
  request.post("/admin/attachments/upload", {
    data,
    headers: { "content-type": "application/octet-stream", "x-file-name": encodeURIComponent(name), ...headers },
  });

test("a contributor uploads a PDF and gets it back by its hash; a second upload finds it stored", async ({
  adminPage,
  openPage,
}) => {
  const contributor = await createAccount(adminPage, "upload-contributor");
  const page = await openPage();
  await signInOverHttp(page, contributor.email, contributor.password);
  const pdf = Buffer.from(writePdf([{ lines: [`Upload check ${Date.now()}`] }, { lines: ["Page two"] }]));
  const sha256 = createHash("sha256").update(pdf).digest("hex");

  const first = await upload(page.request, "Постановление № 1.pdf", pdf);
  expect(first.status()).toBe(200);
  expect(first.headers()["cache-control"]).toBe("no-store");
  expect(await first.json()).toEqual({
    file: {
      sha256,
      name: "Постановление № 1.pdf",
      mediaType: "application/pdf",
      size: pdf.length,
      pageCount: 2,
      alreadyStored: false,
    },
  });
  const again = await upload(page.request, "copy.pdf", pdf);
  expect(await again.json()).toMatchObject({ file: { sha256, alreadyStored: true } });
});

test("bad files are refused with a message that names them", async ({ adminPage }) => {
  const png = Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
    "base64",
  );
  const disguised = await upload(adminPage.request, "budget.pdf", png);
  expect(disguised.status()).toBe(415);
  expect(await disguised.json()).toEqual({ error: "budget.pdf is not a PDF: its content is a PNG image." });

  const scripted = await upload(
    adminPage.request,
    "decree.pdf",
    Buffer.from(writePdf([{ lines: ["x"] }], { javascript: "app.alert(1)" })),
  );
  expect(scripted.status()).toBe(415);
  expect((await scripted.json()).error).toMatch(/^decree\.pdf contains JavaScript/);

  const huge = await upload(adminPage.request, "scan.tiff", Buffer.alloc(fileUploadLimitBytes + 1));
  expect(huge.status()).toBe(413);
  expect(await huge.json()).toEqual({ error: "scan.tiff is larger than 100.0 MB, the most one file may be." });
});

test("no one signed in, and no other site, can send a file", async ({ adminPage, playwright, baseURL }) => {
  const visitor = await playwright.request.newContext({ baseURL });
  const anonymous = await upload(visitor, "note.txt", Buffer.from("hello"));
  expect(anonymous.status()).toBe(401);
  expect(await anonymous.json()).toHaveProperty("error");
  await visitor.dispose();

  const crossSite = await upload(adminPage.request, "note.txt", Buffer.from("hello"), {
    origin: "https://elsewhere.example",
  });
  expect(crossSite.status()).toBe(403);
});
