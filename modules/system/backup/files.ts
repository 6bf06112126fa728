import { createHash, randomUUID } from "node:crypto";
import { createWriteStream, existsSync, readdirSync } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
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
  /** The copy checked against the database afterwards: the backup's (or the restore's) verification. */
  fixity: FixityReport;
};

/** Where `npm run backup -- FILE --with-files` puts the files: beside FILE. */
export const filesFolderFor = (backupFile: string) => `${backupFile}.files`;

/**
 * Copies the bytes of every file the database records from `from` into `to`, each checked against
 * its SHA-256 as it is written (a damaged file is refused, not copied), then hashes the copy again
 * with the fixity check. Used both ways: backup (the store into a folder in the disk store's
 * layout) and restore (that folder into the configured store).
 */
export async function copyFiles(db: Db, from: FileStore, to: FileStore, scratch: string): Promise<FilesCopy> {
  await mkdir(scratch, { recursive: true });
  const result: Omit<FilesCopy, "fixity"> = { copied: 0, bytes: 0, missing: [] };
  for await (const { sha256, mediaType } of everyStoredFile(db)) {
    const stream = await from.read(sha256);
    if (!stream) {
      result.missing.push(sha256);
      continue;
    }
    const temporary = path.join(scratch, `${randomUUID()}.copy`);
    try {
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
        createWriteStream(temporary, { flags: "wx", mode: 0o600 }),
      );
      const found = hash.digest("hex");
      if (found !== sha256) throw new Error(`${sha256} is damaged in the store copied from: it hashes to ${found}.`);
      await to.put(sha256, { path: temporary, size, mediaType });
      result.copied++;
      result.bytes += size;
    } finally {
      await rm(temporary, { force: true });
    }
  }
  await rm(scratch, { recursive: true, force: true });
  return { ...result, fixity: await checkFixity(db, to) };
}

/** The files of a backup: into a new folder beside it, in the disk store's layout. */
export async function backupFiles(db: Db, store: FileStore, folder: string): Promise<FilesCopy> {
  if (existsSync(folder) && readdirSync(folder).length > 0) {
    throw new Error(`${folder} already exists and is not empty: choose another name for the backup.`);
  }
  return copyFiles(db, store, diskStore(folder), path.join(folder, ".incoming"));
}

/** A backup's files, from its folder into the configured store. */
export async function restoreFiles(db: Db, store: FileStore, folder: string, scratch: string): Promise<FilesCopy> {
  if (!existsSync(folder)) throw new Error(`${folder} does not exist: give the folder the backup wrote its files to.`);
  return copyFiles(db, diskStore(folder), store, scratch);
}
