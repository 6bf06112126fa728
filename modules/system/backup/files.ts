import { createHash } from "node:crypto";
import { createWriteStream, existsSync, readdirSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Db } from "@/db";
import { everyStoredFile } from "@/modules/files/every-stored-file";
import { checkFixity, type FixityReport } from "@/modules/files/fixity";
import type { FileStore } from "@/modules/files/storage";
import { diskStore } from "@/modules/files/storage/disk";

export type FilesCopy = {
  copied: number;
  bytes: number;
  /** On record but not in the store copied from: not copied. */
  missing: string[];
  /** In the store copied from, but its bytes no longer hash to its name: not copied. */
  damaged: { sha256: string; found: string }[];
  /** The copy checked against the database afterwards: the backup's (or the restore's) verification. */
  fixity: FixityReport;
};

/** Where `npm run backup -- FILE --with-files` puts the files: beside FILE. */
export const filesFolderFor = (backupFile: string) => `${backupFile}.files`;

/**
 * Copies the bytes of every file the database records from `from` into `to`, each checked against
 * its SHA-256 as it is written (a damaged one is listed, not copied, and the others go on), then
 * hashes the copy again with the fixity check. Works in a folder of its own under `scratchParent`. Used both ways: backup (the store into a folder in the disk store's
 * layout) and restore (that folder into the configured store).
 */
export async function copyFiles(db: Db, from: FileStore, to: FileStore, scratchParent: string): Promise<FilesCopy> {
  await mkdir(scratchParent, { recursive: true });
  const scratch = await mkdtemp(path.join(scratchParent, "copy-"));
  const result: Omit<FilesCopy, "fixity"> = { copied: 0, bytes: 0, missing: [], damaged: [] };
  try {
    for await (const { sha256, mediaType } of everyStoredFile(db)) {
      const stream = await from.read(sha256);
      if (!stream) {
        result.missing.push(sha256);
        continue;
      }
      const temporary = path.join(scratch, sha256);
      try {
        const { found, size } = await writeHashed(stream, temporary);
        if (found !== sha256) {
          result.damaged.push({ sha256, found });
          continue;
        }
        await to.put(sha256, { path: temporary, size, mediaType });
        result.copied++;
        result.bytes += size;
      } finally {
        await rm(temporary, { force: true });
      }
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  return { ...result, fixity: await checkFixity(db, to) };
}

async function writeHashed(stream: ReadableStream<Uint8Array>, file: string): Promise<{ found: string; size: number }> {
  const hash = createHash("sha256");
  let size = 0;
  await pipeline(
    Readable.fromWeb(stream as import("node:stream/web").ReadableStream<Uint8Array>),
    async function* (chunks: AsyncIterable<Buffer>) {
      for await (const chunk of chunks) {
        hash.update(chunk);
        size += chunk.length;
        yield chunk;
      }
    },
    createWriteStream(file, { flags: "wx", mode: 0o600 }),
  );
  return { found: hash.digest("hex"), size };
}

/** The files of a backup: into a new folder beside it, in the disk store's layout. */
export async function backupFiles(db: Db, store: FileStore, folder: string): Promise<FilesCopy> {
  if (existsSync(folder) && readdirSync(folder).length > 0) {
    throw new Error(`${folder} already exists and is not empty: choose another name for the backup.`);
  }
  const scratch = path.join(folder, ".incoming");
  try {
    return await copyFiles(db, store, diskStore(folder), scratch);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** A backup's files, from its folder into the configured store. */
export async function restoreFiles(db: Db, store: FileStore, folder: string, scratch: string): Promise<FilesCopy> {
  if (!existsSync(folder)) throw new Error(`${folder} does not exist: give the folder the backup wrote its files to.`);
  return copyFiles(db, diskStore(folder), store, scratch);
}
