import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { Database } from "@/db";
import { citableRevisions, revisions } from "@/db/schema";
import type { Ctx } from "@/modules/auth/context";
import { createLaw, updateLaw } from "@/modules/laws/save";
import { parseLawSnapshot } from "@/modules/laws/snapshot-schema";
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

const form = (title: string, summary: string) => ({
  jurisdictionCode: "KG",
  type: "law",
  status: "in_force",
  summary,
  titles: [{ lang: "en", title }],
});
const save = async (id: number, summary: string) =>
  updateLaw(editor, id, { ...form("Cited law", summary), baseRevision: await workingRevision(editor, "law", id) });

async function citable(id: number) {
  return database.db
    .select({ number: citableRevisions.number, snapshot: citableRevisions.snapshot })
    .from(citableRevisions)
    .where(and(eq(citableRevisions.itemType, "law"), eq(citableRevisions.itemId, id)))
    .orderBy(asc(citableRevisions.number));
}

test("every version that was published stays citable; drafts never are; a withdrawn law has none", async () => {
  const id = (await createLaw(editor, form("Cited law", "First published text."))).id;
  expect(await citable(id)).toEqual([]);
  await publishItem(database.db, "law", id);
  await save(id, "A draft nobody published.");
  await save(id, "Second published text.");
  await publishItem(database.db, "law", id);

  const versions = await citable(id);
  expect(versions.map((v) => parseLawSnapshot(v.snapshot).summary)).toEqual([
    "First published text.",
    "Second published text.",
  ]);
  const all = await database.db
    .select({ number: revisions.number })
    .from(revisions)
    .where(and(eq(revisions.itemType, "law"), eq(revisions.itemId, id)));
  expect(all).toHaveLength(3);

  await moveItem(editor, {
    type: "law",
    id,
    action: "withdraw",
    baseRevision: await workingRevision(editor, "law", id),
  });
  expect(await citable(id)).toEqual([]);
});
