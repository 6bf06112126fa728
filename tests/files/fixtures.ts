import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { strToU8, Zip, ZipDeflate, zipSync } from "fflate";
import sharp from "sharp";
import type { ReceivedFile } from "@/modules/files/receive";

/** A folder of the test's own for files on their way into the store. */
export async function scratchFolder(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), "marginalia-files-"));
}

/** Writes bytes where an upload would have left them, as receiveFile answers. */
export async function received(folder: string, bytes: Uint8Array): Promise<ReceivedFile> {
  const file = path.join(folder, `${createHash("sha256").update(bytes).digest("hex").slice(0, 12)}-${Date.now()}`);
  await writeFile(file, bytes);
  return { path: file, size: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex") };
}

// A 1×1 PNG.
export const png = Uint8Array.from(
  Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
    "base64",
  ),
);

const wordContentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;

/** A small Word file: its content types, and a document of one paragraph. */
export function docx(paragraph = "A paragraph of the decree."): Uint8Array {
  return zipSync({
    "[Content_Types].xml": strToU8(wordContentTypes),
    "word/document.xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${paragraph}</w:t></w:r></w:p></w:body></w:document>`,
    ),
  });
}

/**
 * A Word file whose document unpacks to `megabytes` of zeros from a few hundred KB: a zip bomb.
 * Written a megabyte at a time, so the test never holds the bomb itself.
 */
export async function docxBomb(folder: string, megabytes: number): Promise<ReceivedFile> {
  const file = path.join(folder, `bomb-${Date.now()}.docx`);
  const out = createWriteStream(file);
  const hash = createHash("sha256");
  let size = 0;
  const done = new Promise<void>((resolve, reject) => {
    const zip = new Zip((error, chunk, final) => {
      if (error) return reject(error);
      hash.update(chunk);
      size += chunk.length;
      out.write(chunk);
      if (final) out.end(resolve);
    });
    const types = new ZipDeflate("[Content_Types].xml");
    zip.add(types);
    types.push(strToU8(wordContentTypes), true);
    const document = new ZipDeflate("word/document.xml", { level: 9 });
    zip.add(document);
    const zeros = new Uint8Array(1024 * 1024);
    for (let i = 0; i < megabytes; i++) document.push(zeros, i === megabytes - 1);
    zip.end();
  });
  await done;
  return { path: file, size, sha256: hash.digest("hex") };
}

/** A ZIP archive that is not a document. */
export function plainZip(): Uint8Array {
  return zipSync({ "notes.txt": strToU8("Some notes.") });
}

/** A small OpenDocument text: its mimetype first, as the format wants, and a content.xml of paragraphs. */
export function odt(paragraphs: string[]): Uint8Array {
  const body = paragraphs.map((p) => `<text:p text:style-name="P1">${p}</text:p>`).join("");
  return zipSync({
    mimetype: [strToU8("application/vnd.oasis.opendocument.text"), { level: 0 }],
    "content.xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>${body}</office:text></office:body></office:document-content>`,
    ),
  });
}

/** A photograph-sized PNG (a gradient, so that it has something to shrink), made by sharp. */
export async function photo(width = 1200, height = 800): Promise<Uint8Array> {
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) pixels.set([x % 256, y % 256, 128], (y * width + x) * 3);
  const bytes = await sharp(pixels, { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer();
  return new Uint8Array(bytes);
}

/**
 * The 1×1 PNG with its header saying `width` × `height`: a few bytes that claim a picture of
 * gigabytes, as a decompression bomb does.
 */
export function pngClaiming(width: number, height: number): Uint8Array {
  const bytes = Uint8Array.from(png);
  const view = new DataView(bytes.buffer);
  // The IHDR chunk: length at 8, type at 12, width at 16, height at 20, its CRC after 13 bytes of data.
  view.setUint32(16, width);
  view.setUint32(20, height);
  view.setUint32(29, crc32(bytes.subarray(12, 29)));
  return bytes;
}

function crc32(bytes: Uint8Array): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}
