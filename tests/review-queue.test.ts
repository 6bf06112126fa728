import { afterAll, beforeAll, expect, test } from "vitest";
import type { Database } from "@/db";
import { NotAuthenticatedError } from "@/lib/errors";
import type { Ctx } from "@/modules/auth/context";
import { createLaw, updateLaw } from "@/modules/laws/save";
import { markSeen, queueCounts, reviewQueue } from "@/modules/workflow/queue";
import { moveItem } from "@/modules/workflow/transitions";
import { createTestDatabase } from "./db";
import { anonymous, makeJurisdiction, makeUser, workingRevision } from "./factories";

let database: Database;
let writer: Ctx;
let editor: Ctx;
let otherEditor: Ctx;
beforeAll(async () => {
  database = await createTestDatabase();
  await makeJurisdiction(database.db, "KG");
  writer = (await makeUser(database.db, "contributor")).ctx;
  editor = (await makeUser(database.db, "editor")).ctx;
  otherEditor = (await makeUser(database.db, "editor")).ctx;
});
afterAll(() => database.close());

const lawForm = (title: string) => ({
  jurisdictionCode: "KG",
  type: "law",
  status: "bill",
  titles: [{ lang: "en", title }],
});
const titles = (items: { title: string }[]) => items.map((i) => i.title).sort();

async function move(ctx: Ctx, id: number, action: string, extra: Record<string, unknown> = {}) {
  await moveItem(ctx, { type: "law", id, action, baseRevision: await workingRevision(ctx, "law", id), ...extra });
}

test("the queue shows each user what waits for them, what they submitted, and what changed since they looked", async () => {
  const submitted = (await createLaw(writer, lawForm("Waiting for a reviewer"))).id;
  await move(writer, submitted, "submit");
  const sentBack = (await createLaw(writer, lawForm("Sent back to its author"))).id;
  await move(writer, sentBack, "submit");
  await move(editor, sentBack, "request_changes", { comment: "Cite the source of the date." });
  const approved = (await createLaw(writer, lawForm("Approved, to publish"))).id;
  await move(writer, approved, "submit");
  await move(editor, approved, "approve");
  const scheduled = (await createLaw(writer, lawForm("Approved and scheduled"))).id;
  await move(writer, scheduled, "submit");
  await move(editor, scheduled, "approve");
  await move(editor, scheduled, "schedule", { publishAt: new Date(Date.now() + 3_600_000).toISOString() });
  const draft = (await createLaw(writer, lawForm("A draft nobody submitted"))).id;

  const forEditor = await reviewQueue(otherEditor);
  expect(titles(forEditor.waiting)).toEqual(["Approved, to publish", "Waiting for a reviewer"]);
  expect(titles(forEditor.scheduled)).toEqual(["Approved and scheduled"]);
  expect(forEditor.submitted).toEqual([]);

  const forWriter = await reviewQueue(writer);
  expect(titles(forWriter.waiting)).toEqual(["Sent back to its author"]);
  expect(titles(forWriter.submitted)).toEqual([
    "Approved and scheduled",
    "Approved, to publish",
    "Sent back to its author",
    "Waiting for a reviewer",
  ]);
  expect(await queueCounts(writer)).toMatchObject({ waiting: 1, submitted: 4, scheduled: 1 });

  // "Changed since I last looked": only what the user opened before, and changed after.
  await markSeen(otherEditor, "law", draft);
  await markSeen(otherEditor, "law", submitted);
  expect((await reviewQueue(otherEditor)).changed).toEqual([]);
  await updateLaw(writer, draft, {
    ...lawForm("A draft, edited"),
    baseRevision: await workingRevision(writer, "law", draft),
  });
  expect(titles((await reviewQueue(otherEditor)).changed)).toEqual(["A draft, edited"]);
  await markSeen(otherEditor, "law", draft);
  expect((await reviewQueue(otherEditor)).changed).toEqual([]);
});

test("an editor's own submission does not wait for them; signed-out users get no queue", async () => {
  const own = (await createLaw(editor, lawForm("The editor's own"))).id;
  await move(editor, own, "submit");
  expect(titles((await reviewQueue(editor)).waiting)).not.toContain("The editor's own");
  expect(titles((await reviewQueue(otherEditor)).waiting)).toContain("The editor's own");
  await expect(reviewQueue(anonymous(database.db))).rejects.toBeInstanceOf(NotAuthenticatedError);
});
