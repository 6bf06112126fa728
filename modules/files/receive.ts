import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { createWriteStream, type WriteStream } from "node:fs";
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
  // A write that fails (a full disk) fails the upload; without a listener it would end the process.
  const written: { error: Error | null } = { error: null };
  out.on("error", (error) => (written.error = error));
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
      if (written.error) throw written.error;
      if (!out.write(value)) await drained(out);
    }
    await new Promise<void>((resolve, reject) =>
      out.end((error?: Error | null) => (error || written.error ? reject(error ?? written.error) : resolve())),
    );
    return { path: file, size, sha256: hash.digest("hex") };
  } catch (error) {
    await discard(out, file);
    throw error;
  }
}

/**
 * Closes the stream and removes its file. The file is opened after the stream is made: removed
 * before the open finishes, it would be created again behind the removal and left behind.
 */
async function discard(out: WriteStream, file: string): Promise<void> {
  if (!out.closed) {
    await new Promise<void>((resolve) => {
      out.once("close", () => resolve());
      out.destroy();
    });
  }
  await rm(file, { force: true });
}

/** Resolves when the stream can take more, rejects when it failed instead. */
function drained(out: WriteStream): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const done = (error?: Error) => {
      out.off("drain", done);
      out.off("error", done);
      if (error) reject(error);
      else resolve();
    };
    out.once("drain", done);
    out.once("error", done);
  });
}
