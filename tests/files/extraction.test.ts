import { createHash } from "node:crypto";
import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { asc, eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "@/db";
import { filePages, storedFiles } from "@/db/schema";
import { writePdf } from "@/lib/files/minimal-pdf";
import { extractPending } from "@/modules/files/extraction";
import type { FileStore } from "@/modules/files/storage";
import { diskStore } from "@/modules/files/storage/disk";
import { createTestDatabase } from "../db";
import { docx, odt, photo, scratchFolder } from "./fixtures";

let database: Database;
let folder: string;
let store: FileStore;
beforeAll(async () => {
  database = await createTestDatabase();
  folder = await scratchFolder();
  store = diskStore(path.join(folder, "store"));
});
afterAll(async () => {
  await database.close();
  await rm(folder, { recursive: true, force: true });
});

/** Stores bytes as an upload would, waiting for their text. */
async function stored(bytes: Uint8Array, mediaType: string): Promise<string> {
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const file = path.join(folder, sha256);
  await writeFile(file, bytes);
  await store.put(sha256, { path: file, size: bytes.length, mediaType });
  await database.db.insert(storedFiles).values({ sha256, size: bytes.length, mediaType });
  return sha256;
}

const pagesOf = (sha256: string) =>
  database.db
    .select({ page: filePages.page, text: filePages.text, method: filePages.method })
    .from(filePages)
    .where(eq(filePages.sha256, sha256))
    .orderBy(asc(filePages.page));
const stateOf = async (sha256: string) =>
  (await database.db.select().from(storedFiles).where(eq(storedFiles.sha256, sha256)))[0]!;

describe("reading the text of stored files", () => {
  test("a PDF's text layer, page by page", async () => {
    const sha256 = await stored(
      writePdf([
        { lines: ["Law of the Kyrgyz Republic", "On the rehabilitation of victims"] },
        { lines: ["Article 2. The commission"] },
        { lines: ["Article 3. Archives opened to the families"] },
      ]),
      "application/pdf",
    );
    await extractPending(database.db, store, 10);
    expect(await pagesOf(sha256)).toEqual([
      { page: 1, text: "Law of the Kyrgyz Republic\nOn the rehabilitation of victims", method: "text_layer" },
      { page: 2, text: "Article 2. The commission", method: "text_layer" },
      { page: 3, text: "Article 3. Archives opened to the families", method: "text_layer" },
    ]);
    expect(await stateOf(sha256)).toMatchObject({
      extraction: "done",
      textLayer: true,
      pageCount: 3,
      extractionAttempts: 1,
    });
  });

  test("a scan without a text layer is marked so, its pages kept empty for OCR later", async () => {
    const sha256 = await stored(writePdf([{ scan: true }, { scan: true }]), "application/pdf");
    await extractPending(database.db, store, 10);
    expect(await stateOf(sha256)).toMatchObject({ extraction: "no_text", textLayer: false, pageCount: 2 });
    expect((await pagesOf(sha256)).map((p) => p.text)).toEqual(["", ""]);
  });

  test("Word, OpenDocument, HTML and plain text, each as one page", async () => {
    const word = await stored(
      docx("Decree of the Presidium on the return of confiscated property"),
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    const open = await stored(
      odt(["First paragraph &amp; more", 'Second<text:s text:c="2"/>paragraph']),
      "application/vnd.oasis.opendocument.text",
    );
    const html = await stored(
      new TextEncoder().encode(
        "<!doctype html><html><head><title>Gazette</title><script>alert('x')</script><style>p{}</style></head><body><h1>Press release</h1><p>The commission met.</p></body></html>",
      ),
      "text/html",
    );
    const plain = await stored(new TextEncoder().encode("Жапаров signed the law.\r\n"), "text/plain");
    await extractPending(database.db, store, 10);

    expect((await pagesOf(word))[0]?.text).toBe("Decree of the Presidium on the return of confiscated property");
    expect((await pagesOf(open))[0]?.text).toBe("First paragraph & more\nSecond  paragraph");
    const page = (await pagesOf(html))[0]!;
    expect(page.text).toContain("Press release");
    expect(page.text).toContain("The commission met.");
    expect(page.text).not.toContain("alert");
    expect(page.method).toBe("markup");
    expect((await pagesOf(plain))[0]?.text).toBe("Жапаров signed the law.");
    for (const sha256 of [word, open, html, plain]) expect((await stateOf(sha256)).extraction).toBe("done");
  });

  test("an image has no text to read; it gets a thumbnail, stored once by its own hash", async () => {
    const sha256 = await stored(await photo(1200, 800), "image/png");
    await extractPending(database.db, store, 10);
    const state = await stateOf(sha256);
    expect(state).toMatchObject({ extraction: "unsupported", textLayer: null });
    expect(await pagesOf(sha256)).toEqual([]);

    expect(state.thumbnailSha256).toMatch(/^[0-9a-f]{64}$/);
    const thumbnail = await stateOf(state.thumbnailSha256!);
    // A thumbnail is never read again, nor thumbnailed.
    expect(thumbnail).toMatchObject({ mediaType: "image/webp", extraction: "unsupported", thumbnailSha256: null });
    const bytes = new Uint8Array(await new Response(await store.read(thumbnail.sha256)).arrayBuffer());
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(thumbnail.sha256);
    expect(bytes.length).toBe(thumbnail.size);
    expect(await sharp(bytes).metadata()).toMatchObject({ format: "webp", width: 480, height: 320 });
    expect(await extractPending(database.db, store, 10)).toBe(0);
  });

  test("a small image is not enlarged for its thumbnail", async () => {
    const sha256 = await stored(await photo(200, 100), "image/png");
    await extractPending(database.db, store, 10);
    const thumbnail = (await stateOf(sha256)).thumbnailSha256!;
    const bytes = new Uint8Array(await new Response(await store.read(thumbnail)).arrayBuffer());
    expect(await sharp(bytes).metadata()).toMatchObject({ width: 200, height: 100 });
  });

  test("a file that cannot be read is tried three times, then marked failed with the reason", async () => {
    const sha256 = await stored(new TextEncoder().encode("%PDF-1.7 but nothing after"), "application/pdf");
    for (let i = 0; i < 3; i++) await extractPending(database.db, store, 1);
    const state = await stateOf(sha256);
    expect(state).toMatchObject({ extraction: "failed", extractionAttempts: 3 });
    expect(state.extractionError).toBeTruthy();
    expect(await extractPending(database.db, store, 10)).toBe(0);
  });
});
