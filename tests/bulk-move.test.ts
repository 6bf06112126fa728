import { afterAll, beforeAll, expect, test } from "vitest";
import type { Database } from "@/db";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import type { Ctx } from "@/modules/auth/context";
import { createLaw, updateLaw } from "@/modules/laws/save";
import { bulkMove } from "@/modules/workflow/bulk-move";
import { editorialStatus } from "@/modules/workflow/status";
import { moveItem } from "@/modules/workflow/transitions";
import { createTestDatabase } from "./db";
import { makeJurisdiction, makeUser, publishItem, workingRevision } from "./factories";

let database: Database;
let contributor: Ctx;
let editor: Ctx;
let otherEditor: Ctx;
beforeAll(async () => {
  database = await createTestDatabase();
  await makeJurisdiction(database.db, "KG");
  contributor = (await makeUser(database.db, "contributor")).ctx;
  editor = (await makeUser(database.db, "editor")).ctx;
  otherEditor = (await makeUser(database.db, "editor")).ctx;
});
afterAll(() => database.close());

const draft = (ctx: Ctx, title: string) =>
  createLaw(ctx, { jurisdictionCode: "KG", type: "law", status: "bill", titles: [{ lang: "en", title }] });
const item = async (id: number) => ({ id, baseRevision: await workingRevision(editor, "law", id) });
const state = async (id: number) => (await editorialStatus(editor, "law", id)).review;

test("bulk submit moves each draft, and reports an item that cannot move with its title and why", async () => {
  const a = await draft(contributor, "Bulk draft A");
  const b = await draft(contributor, "Bulk draft B");
  const c = await draft(contributor, "Bulk draft C");
  const cItem = await item(c.id);
  await moveItem(contributor, { type: "law", id: c.id, action: "submit", baseRevision: cItem.baseRevision });
  const result = await bulkMove(contributor, {
    type: "law",
    action: "submit",
    items: [await item(a.id), await item(b.id), cItem],
  });
  expect(result.outcomes.map((o) => o.ok)).toEqual([true, true, false]);
  expect(result.summary).toBe(
    "2 submitted; 1 refused: Bulk draft C — This item is in review, so it cannot be submitted now.",
  );
  expect([await state(a.id), await state(b.id), await state(c.id)]).toEqual(["in_review", "in_review", "in_review"]);
});

test("bulk publish: the two-person rule refuses the editor's own change and publishes the others", async () => {
  const theirs = await draft(contributor, "Someone else's change");
  const own = await draft(editor, "The editor's own change");
  for (const law of [theirs, own]) {
    const base = await workingRevision(editor, "law", law.id);
    await moveItem(contributor, { type: "law", id: law.id, action: "submit", baseRevision: base });
  }
  await moveItem(otherEditor, {
    type: "law",
    id: own.id,
    action: "approve",
    baseRevision: await workingRevision(editor, "law", own.id),
  });
  await moveItem(otherEditor, {
    type: "law",
    id: theirs.id,
    action: "approve",
    baseRevision: await workingRevision(editor, "law", theirs.id),
  });
  const result = await bulkMove(editor, {
    type: "law",
    action: "publish",
    items: [await item(theirs.id), await item(own.id)],
  });
  expect(result.outcomes).toEqual([
    { id: theirs.id, title: "Someone else's change", ok: true },
    {
      id: own.id,
      title: "The editor's own change",
      ok: false,
      reason: "Someone other than its authors must approve and publish a change.",
    },
  ]);
  expect(result.summary).toMatch(/^1 published; 1 refused: The editor's own change — Someone other/);
  expect((await editorialStatus(editor, "law", theirs.id)).visibility).toBe("live");
  expect((await editorialStatus(editor, "law", own.id)).visibility).toBe("unpublished");
});

test("a base revision the list showed before someone saved again is refused as changed, not moved", async () => {
  const law = await draft(contributor, "Saved again meanwhile");
  await publishItem(database.db, "law", law.id);
  const shown = await item(law.id);
  const other = await draft(contributor, "Withdrawn with it");
  await publishItem(database.db, "law", other.id);
  await updateLaw(contributor, law.id, {
    jurisdictionCode: "KG",
    type: "law",
    status: "adopted",
    titles: [{ lang: "en", title: "Saved again meanwhile" }],
    baseRevision: shown.baseRevision,
  });
  const result = await bulkMove(editor, { type: "law", action: "withdraw", items: [shown, await item(other.id)] });
  expect(result.outcomes.map((o) => o.ok)).toEqual([false, true]);
  expect(result.outcomes[0]).toMatchObject({ reason: expect.stringMatching(/changed since you opened it/) });
  expect((await editorialStatus(editor, "law", law.id)).visibility).toBe("live");
  expect((await editorialStatus(editor, "law", other.id)).visibility).toBe("withdrawn");
});

test("a contributor cannot bulk publish or withdraw; an empty choice is a validation error", async () => {
  const law = await draft(contributor, "Not for contributors");
  const items = [await item(law.id)];
  await expect(bulkMove(contributor, { type: "law", action: "publish", items })).rejects.toBeInstanceOf(ForbiddenError);
  await expect(bulkMove(contributor, { type: "law", action: "withdraw", items })).rejects.toBeInstanceOf(
    ForbiddenError,
  );
  await expect(bulkMove(editor, { type: "law", action: "submit", items: [] })).rejects.toBeInstanceOf(ValidationError);
  await expect(bulkMove(editor, { type: "law", action: "archive", items })).rejects.toBeInstanceOf(ValidationError);
});
