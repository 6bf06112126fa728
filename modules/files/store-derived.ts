import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Db, Tx } from "@/db";
import { storedFiles } from "@/db/schema";
import type { ExtractionState } from "@/db/schema/vocabulary";
import { incomingFolder, type FileStore } from "./storage";

/**
 * Stores bytes the archive made itself (a thumbnail, a capture's snapshot) as a stored file like
 * any other, known by its hash; the same bytes made twice are one file. Answers the hash.
 */
export async function storeDerived(
  db: Db | Tx,
  store: FileStore,
  file: { bytes: Uint8Array; mediaType: string; extraction: ExtractionState; createdById?: number | null },
): Promise<string> {
  const sha256 = createHash("sha256").update(file.bytes).digest("hex");
  const folder = incomingFolder();
  await mkdir(folder, { recursive: true });
  const temporary = path.join(folder, `${randomUUID()}.derived`);
  try {
    await writeFile(temporary, file.bytes, { flag: "wx", mode: 0o600 });
    await store.put(sha256, { path: temporary, size: file.bytes.byteLength, mediaType: file.mediaType });
  } finally {
    await rm(temporary, { force: true });
  }
  await db
    .insert(storedFiles)
    .values({
      sha256,
      size: file.bytes.byteLength,
      mediaType: file.mediaType,
      extraction: file.extraction,
      createdById: file.createdById ?? null,
    })
    .onConflictDoNothing();
  return sha256;
}
