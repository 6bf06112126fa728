import "server-only";
import { open } from "node:fs/promises";
import { fileTypeFromFile } from "file-type";

export type Sniffed = { mediaType: string; label: string };

// How much of a file without a signature is read to tell text from binary.
const textProbeBytes = 1024 * 1024;

/**
 * What a file is, from its bytes: the signature file-type knows, or for files without one (text
 * has none) UTF-8 without NUL bytes, as an HTML page when it opens like one.
 */
export async function sniffFile(file: string): Promise<Sniffed> {
  const found = await fileTypeFromFile(file);
  if (found) return { mediaType: found.mime, label: found.ext.toUpperCase() };

  const handle = await open(file, "r");
  let head: Uint8Array;
  try {
    const buffer = new Uint8Array(textProbeBytes);
    const { bytesRead } = await handle.read(buffer, 0, textProbeBytes, 0);
    head = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  if (head.length === 0) return { mediaType: "application/x-empty", label: "empty file" };
  if (head.includes(0)) return { mediaType: "application/octet-stream", label: "binary data" };
  let text: string;
  try {
    // stream: a character cut at the end of the probe is not an error.
    text = new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: true });
  } catch {
    return { mediaType: "application/octet-stream", label: "text that is not UTF-8" };
  }
  const start = text
    .replace(/^\uFEFF?\s*/, "")
    .slice(0, 64)
    .toLowerCase();
  if (/^<(!doctype html|html|head|body)[\s>]/.test(start)) return { mediaType: "text/html", label: "HTML" };
  return { mediaType: "text/plain", label: "plain text" };
}
