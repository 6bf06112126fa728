import { existsSync } from "node:fs";
import { readdir, rm } from "node:fs/promises";
import { Readable } from "node:stream";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "@/db";
import { auditLog, storedFiles } from "@/db/schema";
import { NotAuthenticatedError, ValidationError } from "@/lib/errors";
import { writePdf } from "@/lib/files/minimal-pdf";
import type { Ctx } from "@/modules/auth/context";
import { admitFile } from "@/modules/files/admit";
import { FileTooLargeError, receiveFile } from "@/modules/files/receive";
import type { FileStore } from "@/modules/files/storage";
import { diskStore } from "@/modules/files/storage/disk";
import { createTestDatabase } from "../db";
import { anonymous, makeUser } from "../factories";
import { docx, docxBomb, plainZip, png, pngClaiming, received, scratchFolder } from "./fixtures";

let database: Database;
let contributor: Ctx;
let folder: string;
let store: FileStore;
beforeAll(async () => {
  database = await createTestDatabase();
  contributor = (await makeUser(database.db, "contributor")).ctx;
  folder = await scratchFolder();
  store = diskStore(`${folder}/store`);
});
afterAll(async () => {
  await database.close();
  await rm(folder, { recursive: true, force: true });
});

const text = (value: string) => new TextEncoder().encode(value);

async function admit(bytes: Uint8Array, name: string, ctx = contributor) {
  const file = await received(folder, bytes);
  return { file, admitted: admitFile(ctx, file, name, store) };
}

async function refusal(bytes: Uint8Array, name: string): Promise<string> {
  const { file, admitted } = await admit(bytes, name);
  const error = await admitted.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ValidationError);
  expect(existsSync(file.path), "the temporary file is removed").toBe(false);
  expect(await store.stat(file.sha256), "nothing is stored").toBeNull();
  return (error as ValidationError).fieldErrors.file![0]!;
}

describe("admitting a file", () => {
  test("a PDF is stored under its hash with its page count, and the store has its bytes", async () => {
    const bytes = writePdf([{ lines: ["First page"] }, { lines: ["Second"] }, { lines: ["Third"] }]);
    const { file, admitted } = await admit(bytes, "Decree No. 1.pdf");
    expect(await admitted).toEqual({
      sha256: file.sha256,
      name: "Decree No. 1.pdf",
      mediaType: "application/pdf",
      size: bytes.length,
      pageCount: 3,
      alreadyStored: false,
    });
    expect(await store.stat(file.sha256)).toEqual({ size: bytes.length });
    const [row] = await database.db.select().from(storedFiles).where(eq(storedFiles.sha256, file.sha256));
    expect(row).toMatchObject({ mediaType: "application/pdf", pageCount: 3, extraction: "pending" });
    const [entry] = await database.db.select().from(auditLog).where(eq(auditLog.targetId, file.sha256));
    expect(entry).toMatchObject({ action: "file.store", targetType: "file" });
  });

  test("the same file twice is stored once", async () => {
    const bytes = text("The same note, sent twice.\n");
    const first = await (await admit(bytes, "note.txt")).admitted;
    const second = await (await admit(bytes, "copy of note.txt")).admitted;
    expect(first.alreadyStored).toBe(false);
    expect(second).toMatchObject({ sha256: first.sha256, alreadyStored: true, name: "copy of note.txt" });
    expect(await database.db.select().from(storedFiles).where(eq(storedFiles.sha256, first.sha256))).toHaveLength(1);
  });

  test("the type comes from the content: HTML, text, Word, images, whatever the name", async () => {
    const kinds: [Uint8Array, string, string][] = [
      [text("<!DOCTYPE html><html><body>Gazette</body></html>"), "gazette.html", "text/html"],
      [text("\uFEFF  <html lang=ru><p>Газета</p></html>"), "saved page", "text/html"],
      [text("Plain words, UTF-8: Жапаров."), "notes.txt", "text/plain"],
      [docx(), "decree.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
      [png, "photo.png", "image/png"],
    ];
    for (const [bytes, name, mediaType] of kinds) {
      expect((await (await admit(bytes, name)).admitted).mediaType, name).toBe(mediaType);
    }
  });

  test("a file whose name and content disagree is refused, saying what it is", async () => {
    // A PNG of its own (a byte after its end), since the one above is stored.
    expect(await refusal(Uint8Array.from([...png, 0]), "budget.pdf")).toBe(
      "budget.pdf is not a PDF: its content is a PNG image.",
    );
    expect(await refusal(text("just text"), "decree.docx")).toBe(
      "decree.docx is not a Word document (DOCX): its content is plain text.",
    );
  });

  test("a type the archive does not take is refused, listing what it takes", async () => {
    expect(await refusal(plainZip(), "papers.zip")).toMatch(
      /^papers\.zip cannot be attached: files of this kind \(ZIP\) are not accepted\. The archive takes PDF, .*OpenDocument \(ODT\) files\.$/,
    );
    expect(await refusal(Uint8Array.from([0, 1, 2, 3, 0, 255]), "data.bin")).toMatch(
      /\(binary data\) are not accepted/,
    );
    expect(await refusal(new Uint8Array(), "empty.txt")).toBe("empty.txt is empty.");
  });

  test("a PDF carrying JavaScript is refused", async () => {
    const bytes = writePdf([{ lines: ["Looks harmless"] }], { javascript: "app.alert(1)" });
    expect(await refusal(bytes, "decree.pdf")).toMatch(/^decree\.pdf contains JavaScript .* Print it to a new PDF/);
  });

  test("a damaged PDF is refused rather than stored", async () => {
    expect(await refusal(text("%PDF-1.7\nnot really a PDF at all"), "broken.pdf")).toBe(
      "broken.pdf could not be read as a PDF: the file may be damaged.",
    );
  });

  test("an image that cannot be decoded, or claims more pixels than the archive decodes, is refused", async () => {
    expect(await refusal(pngClaiming(40_000, 30_000), "poster.png")).toBe(
      "poster.png is 40000 × 30000 pixels; the archive takes images of up to 100 million pixels.",
    );
    const truncated = Uint8Array.from([...png.subarray(0, 16), 0, 0]);
    expect(await refusal(truncated, "photo.png")).toBe(
      "photo.png could not be read as an image: the file may be damaged.",
    );
  });

  test("a Word file that unpacks to hundreds of megabytes is refused as a zip bomb", async () => {
    const bomb = await docxBomb(folder, 300);
    expect(bomb.size).toBeLessThan(2 * 1024 * 1024);
    const error = await admitFile(contributor, bomb, "report.docx", store).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toMatch(/^report\.docx unpacks to more than 250 MB .* zip bomb/);
    expect(await store.stat(bomb.sha256)).toBeNull();
    expect(existsSync(bomb.path)).toBe(false);
  });

  test("no one signed in stores nothing, and the temporary file goes", async () => {
    const { file, admitted } = await admit(text("anonymous"), "a.txt", anonymous(database.db));
    await expect(admitted).rejects.toBeInstanceOf(NotAuthenticatedError);
    expect(existsSync(file.path)).toBe(false);
    expect(await store.stat(file.sha256)).toBeNull();
  });
});

describe("receiving an upload", () => {
  test("the bytes are hashed as they arrive", async () => {
    const bytes = text("hello");
    const file = await receiveFile(Readable.toWeb(Readable.from([bytes])) as ReadableStream<Uint8Array>, {
      folder: `${folder}/incoming`,
      name: "hello.txt",
      limitBytes: 100,
    });
    expect(file).toMatchObject({ size: 5, sha256: "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824" });
    await rm(file.path);
  });

  test("a file over the limit is refused as soon as it passes it, and nothing is left behind", async () => {
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 1;
        controller.enqueue(new Uint8Array(1024));
      },
    });
    const error = await receiveFile(endless, {
      folder: `${folder}/over`,
      name: "huge.pdf",
      limitBytes: 10 * 1024,
    }).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(FileTooLargeError);
    expect((error as Error).message).toBe("huge.pdf is larger than 10.0 KB, the most one file may be.");
    expect(sent).toBeLessThan(20);
    expect(await readdir(`${folder}/over`)).toEqual([]);
  });
});
