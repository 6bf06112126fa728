import fs from "node:fs";
import { once } from "node:events";
import { pipeline } from "node:stream/promises";
import { StringDecoder } from "node:string_decoder";
import { createGunzip, createGzip } from "node:zlib";
import { BackupFileError } from "./format";

/**
 * Reads a gzip'd file line by line without holding it whole. A file that is not gzip, or is cut
 * short, fails with a BackupFileError when the reader reaches the damage.
 */
export async function* readLines(file: string): AsyncGenerator<string> {
  const source = fs.createReadStream(file);
  const gunzip = createGunzip();
  source.on("error", (error) => gunzip.destroy(error));
  source.pipe(gunzip);
  const decoder = new StringDecoder("utf8");
  let pending = "";
  try {
    for await (const chunk of gunzip) {
      pending += decoder.write(chunk as Buffer);
      let end: number;
      while ((end = pending.indexOf("\n")) >= 0) {
        yield pending.slice(0, end);
        pending = pending.slice(end + 1);
      }
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new BackupFileError(`There is no file ${file}.`);
    if (code?.startsWith("Z_")) {
      throw new BackupFileError(
        `${file} is damaged or truncated, or is not a gzip'd backup (${(error as Error).message}).`,
      );
    }
    throw error;
  } finally {
    source.destroy();
    gunzip.destroy();
  }
  pending += decoder.end();
  if (pending !== "") yield pending;
}

/** A line sink to a new gzip'd file (mode 600), written to `<file>.partial` and renamed only once complete. */
export function lineWriter(file: string) {
  const partial = `${file}.partial`;
  const gzip = createGzip();
  // Readable by its owner only: it holds the audit log's addresses, and maybe password hashes.
  const done = pipeline(gzip, fs.createWriteStream(partial, { mode: 0o600 }));
  // Surfaced by `finish` or `abort`; without a handler an early failure would be unhandled.
  done.catch(() => undefined);
  return {
    async write(line: string): Promise<void> {
      if (!gzip.write(`${line}\n`)) await Promise.race([once(gzip, "drain"), done]);
    },
    async finish(): Promise<void> {
      gzip.end();
      await done;
      fs.renameSync(partial, file);
    },
    async abort(): Promise<void> {
      gzip.destroy();
      await done.catch(() => undefined);
      fs.rmSync(partial, { force: true });
    },
  };
}
