import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { Database } from "@/db";
import { editorialItems, goneAddresses } from "@/db/schema";
import { ValidationError } from "@/lib/errors";
import type { Ctx } from "@/modules/auth/context";
import { createLaw } from "@/modules/laws/save";
import { moveItem } from "@/modules/workflow/transitions";
import { createTestDatabase } from "./db";
import { makeJurisdiction, makeUser, publishItem, workingRevision } from "./factories";

let database: Database;
let editor: Ctx;
beforeAll(async () => {
  database = await createTestDatabase();
  await makeJurisdiction(database.db, "KG");
  editor = (await makeUser(database.db, "editor")).ctx;
});
afterAll(() => database.close());

const lawForm = (title: string) => ({
  jurisdictionCode: "KG",
  type: "law",
  status: "bill",
  titles: [{ lang: "en", title }],
});

async function withdraw(id: number, extra: Record<string, unknown>) {
  return moveItem(editor, {
    type: "law",
    id,
    action: "withdraw",
    baseRevision: await workingRevision(editor, "law", id),
    ...extra,
  });
}

async function visibility(id: number) {
  const [row] = await database.db
    .select({ visibility: editorialItems.visibility })
    .from(editorialItems)
    .where(and(eq(editorialItems.itemType, "law"), eq(editorialItems.itemId, id)));
  return row?.visibility;
}

test("a law withdrawn as merged into another published law sends its readers there", async () => {
  const old = (await createLaw(editor, lawForm("Merged away"))).id;
  const kept = (await createLaw(editor, lawForm("Kept and merged into"))).id;
  await publishItem(database.db, "law", old);
  await publishItem(database.db, "law", kept);
  await withdraw(old, { mergedIntoId: kept });
  const [gone] = await database.db.select().from(goneAddresses).where(eq(goneAddresses.slug, "merged-away"));
  expect(gone).toMatchObject({ itemType: "law", scope: "KG", mergedIntoId: kept });
});

test("a merge target must be another published law; a refused merge changes nothing", async () => {
  const old = (await createLaw(editor, lawForm("Not merged"))).id;
  const draft = (await createLaw(editor, lawForm("Only a draft"))).id;
  await publishItem(database.db, "law", old);
  for (const target of [draft, old, 2_000_000]) {
    await expect(withdraw(old, { mergedIntoId: target })).rejects.toBeInstanceOf(ValidationError);
    expect(await visibility(old)).toBe("live");
  }
  // Only a withdrawal can point elsewhere.
  await expect(
    moveItem(editor, {
      type: "law",
      id: draft,
      action: "submit",
      baseRevision: await workingRevision(editor, "law", draft),
      mergedIntoId: old,
    }),
  ).rejects.toBeInstanceOf(ValidationError);
});
