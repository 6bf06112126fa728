import { createReadStream } from "node:fs";
import { chmod, copyFile, mkdir, readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { assertSha256, isSha256, type ByteRange, type FileStore } from "./store";

/**
 * Files in a folder, fanned out by the hash's first two pairs of letters (`ab/cd/abcd…`) so that
 * no folder holds more than a few thousand entries at archive scale.
 */
export function diskStore(root: string): FileStore {
  const where = (sha256: string) => path.join(root, sha256.slice(0, 2), sha256.slice(2, 4), assertSha256(sha256));

  return {
    kind: "disk",

    async put(sha256, from) {
      const target = where(sha256);
      if ((await sizeOf(target)) !== null) return void (await rm(from.path, { force: true }));
      await mkdir(path.dirname(target), { recursive: true });
      // Through a temporary name beside the target, so that a reader never sees half a file.
      const partial = `${target}.${process.pid}.${Date.now()}.partial`;
      try {
        await rename(from.path, partial).catch(async (error: NodeJS.ErrnoException) => {
          if (error.code !== "EXDEV") throw error;
          await copyFile(from.path, partial);
          await rm(from.path, { force: true });
        });
        await chmod(partial, 0o444);
        await rename(partial, target);
      } finally {
        await rm(partial, { force: true });
      }
    },

    async read(sha256, range?: ByteRange) {
      const file = where(sha256);
      if ((await sizeOf(file)) === null) return null;
      const stream = createReadStream(file, range ? { start: range.start, end: range.end } : {});
      return Readable.toWeb(stream) as ReadableStream<Uint8Array>;
    },

    async stat(sha256) {
      const size = await sizeOf(where(sha256));
      return size === null ? null : { size };
    },

    async *list() {
      for (const first of await entries(root)) {
        if (!/^[0-9a-f]{2}$/.test(first)) continue;
        for (const second of await entries(path.join(root, first))) {
          for (const name of await entries(path.join(root, first, second))) {
            if (!isSha256(name)) continue;
            const size = await sizeOf(path.join(root, first, second, name));
            if (size !== null) yield { sha256: name, size };
          }
        }
      }
    },
  };
}

async function sizeOf(file: string): Promise<number | null> {
  try {
    return (await stat(file)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

async function entries(folder: string): Promise<string[]> {
  try {
    return (await readdir(folder)).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}
