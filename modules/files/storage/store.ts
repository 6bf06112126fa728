/** Bytes `start` to `end` of a file, both included, as HTTP ranges count them. */
export type ByteRange = { start: number; end: number };

/**
 * Where the bytes of attached files live, addressed by their SHA-256. A file is written once and
 * never changed: the hash is its name, so two uploads of the same file are one stored file, and a
 * file whose bytes no longer match its name has been damaged (what `fixity:check` looks for).
 */
export interface FileStore {
  readonly kind: "disk" | "s3";
  /** Moves the file at `from` into the store under `sha256` (a no-op when already there); `from` is gone afterwards. */
  put(sha256: string, from: { path: string; size: number; mediaType: string }): Promise<void>;
  read(sha256: string, range?: ByteRange): Promise<ReadableStream<Uint8Array> | null>;
  stat(sha256: string): Promise<{ size: number } | null>;
  /** Every stored file, for fixity checks that look for files the database does not know. */
  list(): AsyncIterable<{ sha256: string; size: number }>;
}

const sha256Pattern = /^[0-9a-f]{64}$/;

/** Refuses anything but a lower-case hex SHA-256, so that a name from a request never becomes a path or key of its own choosing. */
export function assertSha256(value: string): string {
  if (!sha256Pattern.test(value)) throw new Error(`Not a SHA-256: ${JSON.stringify(value.slice(0, 80))}`);
  return value;
}

export function isSha256(value: string): boolean {
  return sha256Pattern.test(value);
}
