import { createHash, randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { FileStore } from "@/modules/files/storage";

/** What every file store must do, run against each kind (store-disk.test.ts, store-s3.test.ts). */
export function describeFileStore(name: string, open: () => Promise<{ store: FileStore; close(): Promise<void> }>) {
  describe(`${name} file store`, () => {
    let store: FileStore;
    let close: () => Promise<void>;
    let scratch: string;

    beforeAll(async () => {
      ({ store, close } = await open());
      scratch = await mkdtemp(path.join(tmpdir(), "marginalia-store-"));
    });
    afterAll(async () => {
      await close();
      await rm(scratch, { recursive: true, force: true });
    });

    async function incoming(bytes: Uint8Array) {
      const file = path.join(scratch, randomBytes(6).toString("hex"));
      await writeFile(file, bytes);
      const sha256 = createHash("sha256").update(bytes).digest("hex");
      return { sha256, from: { path: file, size: bytes.length, mediaType: "application/octet-stream" } };
    }

    test("a file put in is read back whole and by range, and the incoming copy is gone", async () => {
      const bytes = new Uint8Array(randomBytes(70_000));
      const { sha256, from } = await incoming(bytes);
      await store.put(sha256, from);

      expect(existsSync(from.path)).toBe(false);
      expect(await store.stat(sha256)).toEqual({ size: 70_000 });
      expect(await bytesOf(await store.read(sha256))).toEqual(bytes);
      expect(await bytesOf(await store.read(sha256, { start: 100, end: 199 }))).toEqual(bytes.subarray(100, 200));
      expect(await bytesOf(await store.read(sha256, { start: 69_999, end: 69_999 }))).toEqual(bytes.subarray(69_999));
    });

    test("the same file put twice is stored once and its first bytes stay", async () => {
      const bytes = new Uint8Array(randomBytes(1_000));
      const first = await incoming(bytes);
      await store.put(first.sha256, first.from);
      const again = await incoming(bytes);
      await store.put(again.sha256, again.from);

      expect(existsSync(again.from.path)).toBe(false);
      expect(await bytesOf(await store.read(first.sha256))).toEqual(bytes);
      const listed = [];
      for await (const file of store.list()) if (file.sha256 === first.sha256) listed.push(file);
      expect(listed).toEqual([{ sha256: first.sha256, size: 1_000 }]);
    });

    test("an empty file is a file", async () => {
      const { sha256, from } = await incoming(new Uint8Array());
      await store.put(sha256, from);
      expect(await store.stat(sha256)).toEqual({ size: 0 });
      expect(await bytesOf(await store.read(sha256))).toEqual(new Uint8Array());
    });

    test("a hash never stored reads as missing, not as an error", async () => {
      const unknown = "0".repeat(64);
      expect(await store.stat(unknown)).toBeNull();
      expect(await store.read(unknown)).toBeNull();
    });

    test("a name that is not a SHA-256 is refused before it becomes a path or key", async () => {
      for (const name of ["../../etc/passwd", "A".repeat(64), `${"a".repeat(64)}/x`, ""]) {
        await expect(store.stat(name)).rejects.toThrow(/Not a SHA-256/);
        await expect(store.read(name)).rejects.toThrow(/Not a SHA-256/);
      }
    });

    test("listing finds every stored file with its size", async () => {
      const put = [];
      for (const size of [10, 20, 30]) {
        const { sha256, from } = await incoming(randomBytes(size));
        await store.put(sha256, from);
        put.push({ sha256, size });
      }
      const listed = new Map<string, number>();
      for await (const file of store.list()) listed.set(file.sha256, file.size);
      for (const file of put) expect(listed.get(file.sha256)).toBe(file.size);
    });
  });
}

async function bytesOf(stream: ReadableStream<Uint8Array> | null): Promise<Uint8Array> {
  if (!stream) throw new Error("no stream");
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
