import { mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "vitest";
import { diskStore } from "@/modules/files/storage/disk";
import { describeFileStore } from "./store-contract";

describeFileStore("disk", async () => {
  const root = await mkdtemp(path.join(tmpdir(), "marginalia-disk-store-"));
  return { store: diskStore(root), close: () => rm(root, { recursive: true, force: true }) };
});

test("stored files are read-only and fanned out by their hash's first letters", async () => {
  const root = await mkdtemp(path.join(tmpdir(), "marginalia-disk-store-"));
  const incoming = path.join(root, "incoming.bin");
  await writeFile(incoming, "hello");
  const sha256 = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";
  await diskStore(root).put(sha256, { path: incoming, size: 5, mediaType: "text/plain" });

  const file = await stat(path.join(root, "2c", "f2", sha256));
  expect(file.mode & 0o777).toBe(0o444);
  await rm(root, { recursive: true, force: true });
});
