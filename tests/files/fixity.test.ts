import { createHash, randomBytes } from "node:crypto";
import { chmod, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { Database } from "@/db";
import { storedFiles } from "@/db/schema";
import { checkFixity, fixityFailed } from "@/modules/files/fixity";
import type { FileStore } from "@/modules/files/storage";
import { diskStore } from "@/modules/files/storage/disk";
import { createTestDatabase } from "../db";
import { scratchFolder } from "./fixtures";

let database: Database;
let folder: string;
let store: FileStore;
beforeAll(async () => {
  database = await createTestDatabase();
  folder = await scratchFolder();
  store = diskStore(path.join(folder, "store"));
});
afterAll(async () => {
  await database.close();
  await rm(folder, { recursive: true, force: true });
});

async function stored(bytes: Uint8Array, onRecord = true): Promise<string> {
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const file = path.join(folder, sha256);
  await writeFile(file, bytes);
  await store.put(sha256, { path: file, size: bytes.length, mediaType: "text/plain" });
  if (onRecord) await database.db.insert(storedFiles).values({ sha256, size: bytes.length, mediaType: "text/plain" });
  return sha256;
}

const inStore = (sha256: string) => path.join(folder, "store", sha256.slice(0, 2), sha256.slice(2, 4), sha256);

test("every file is hashed again: intact ones pass, a changed, a shortened and a missing one fail, the unknown are listed", async () => {
  const intact = await stored(randomBytes(10_000));
  const changed = await stored(randomBytes(2_000));
  const shortened = await stored(randomBytes(3_000));
  const missing = await stored(randomBytes(100));
  const stray = await stored(randomBytes(50), false);

  expect(fixityFailed(await checkFixity(database.db, store))).toBe(false);

  const flipped = randomBytes(2_000);
  await chmod(inStore(changed), 0o644);
  await writeFile(inStore(changed), flipped);
  await chmod(inStore(shortened), 0o644);
  await writeFile(inStore(shortened), randomBytes(10));
  await rm(inStore(missing));

  const report = await checkFixity(database.db, store);
  expect(fixityFailed(report)).toBe(true);
  expect(report.checked).toBe(4);
  expect(report.changed).toEqual([{ sha256: changed, found: createHash("sha256").update(flipped).digest("hex") }]);
  expect(report.wrongSize).toEqual([{ sha256: shortened, recorded: 3_000, stored: 10 }]);
  expect(report.missing).toEqual([missing]);
  expect(report.unknown).toEqual([stray]);
  expect(report.unattached).toEqual(expect.arrayContaining([intact, changed]));
});
