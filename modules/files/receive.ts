import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { ValidationError } from "@/lib/errors";
import { formatSize } from "@/lib/files/size";

export type ReceivedFile = { path: string; size: number; sha256: string };

export class FileTooLargeError extends ValidationError {
  constructor(
    readonly fileName: string,
    limitBytes: number,
  ) {
    const message = `${fileName} is larger than ${formatSize(limitBytes)}, the most one file may be.`;
    super({ file: [message] }, message);
  }
}

/**
 * Writes an upload's bytes to a temporary file as they arrive, hashing them on the way, and stops
 * as soon as they pass the limit: a large file is never held in memory, and an oversized one is
 * refused without being read to its end.
 */
export async function receiveFile(
  body: ReadableStream<Uint8Array>,
  options: { folder: string; name: string; limitBytes: number },
): Promise<ReceivedFile> {
  await mkdir(options.folder, { recursive: true });
  const file = path.join(options.folder, `${randomUUID()}.incoming`);
  const out = createWriteStream(file, { flags: "wx", mode: 0o600 });
  const hash = createHash("sha256");
  let size = 0;
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > options.limitBytes) {
        await reader.cancel();
        throw new FileTooLargeError(options.name, options.limitBytes);
      }
      hash.update(value);
      if (!out.write(value)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
    }
    await new Promise<void>((resolve, reject) =>
      out.end((error?: Error | null) => (error ? reject(error) : resolve())),
    );
    return { path: file, size, sha256: hash.digest("hex") };
  } catch (error) {
    out.destroy();
    await rm(file, { force: true });
    throw error;
  }
}
