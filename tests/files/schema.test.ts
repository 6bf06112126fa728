import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "@/db";
import { attachments, storedFiles } from "@/db/schema";
import { createLaw } from "@/modules/laws/save";
import { createTestDatabase } from "../db";
import { makeJurisdiction, makeUser } from "../factories";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
  await makeJurisdiction(database.db, "KG", "Kyrgyzstan");
});
afterAll(() => database.close());

const sha256 = "a".repeat(64);

describe("the database keeps stored files and attachments whole", () => {
  test("a stored file's name must be a lower-case SHA-256", async () => {
    for (const bad of ["A".repeat(64), "a".repeat(63), "../a"]) {
      await expect(
        database.db.insert(storedFiles).values({ sha256: bad, size: 1, mediaType: "text/plain" }),
      ).rejects.toThrow();
    }
    await database.db.insert(storedFiles).values({ sha256, size: 1, mediaType: "text/plain" });
  });

  test("an attachment belongs to exactly one item, and its name is a plain file name", async () => {
    const { ctx } = await makeUser(database.db, "editor");
    const law = await createLaw(ctx, {
      jurisdictionCode: "KG",
      type: "law",
      status: "in_force",
      titles: [{ lang: "en", title: "A law with files" }],
    });
    const row = { sha256, role: "scan" as const, name: "scan.pdf" };
    await database.db.insert(attachments).values({ ...row, lawId: law.id });

    await expect(database.db.insert(attachments).values(row)).rejects.toThrow();
    for (const name of ["", "a/b.pdf", "a\\b.pdf", "line\nbreak.pdf", "x".repeat(256)]) {
      await expect(database.db.insert(attachments).values({ ...row, lawId: law.id, name })).rejects.toThrow();
    }
    const [total] = await database.db.select({ n: count() }).from(attachments);
    expect(total?.n).toBe(1);
  });
});
