import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "@/db";
import { auditLog, editorialItems, users } from "@/db/schema";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import type { Ctx } from "@/modules/auth/context";
import { listLaws } from "@/modules/laws/list";
import { changeRole } from "@/modules/users/change-role";
import { setActive } from "@/modules/users/set-active";
import { createLaw } from "@/modules/laws/save";
import { assignItem, bulkAssign, listReviewers } from "@/modules/workflow/assign";
import { reviewQueue } from "@/modules/workflow/queue";
import { editorialStatus } from "@/modules/workflow/status";
import { moveItem } from "@/modules/workflow/transitions";
import { createTestDatabase } from "./db";
import { makeJurisdiction, makeUser, workingRevision } from "./factories";

let database: Database;
let contributor: Ctx;
let editor: Ctx;
let reviewer: Ctx;
let reviewerId: number;
let contributorId: number;
let goneId: number;
beforeAll(async () => {
  database = await createTestDatabase();
  await makeJurisdiction(database.db, "KG");
  const made = await makeUser(database.db, "contributor", { name: "Aida Writer" });
  contributor = made.ctx;
  contributorId = made.user.id;
  editor = (await makeUser(database.db, "editor", { name: "Bakyt Editor" })).ctx;
  const other = await makeUser(database.db, "editor", { name: "Chyngyz Reviewer" });
  reviewer = other.ctx;
  reviewerId = other.user.id;
  const gone = await makeUser(database.db, "editor", { name: "Dana Gone" });
  goneId = gone.user.id;
  await database.db.update(users).set({ active: false }).where(eq(users.id, goneId));
});
afterAll(() => database.close());

const draft = (ctx: Ctx, title: string) =>
  createLaw(ctx, { jurisdictionCode: "KG", type: "law", status: "bill", titles: [{ lang: "en", title }] });
const assigned = async (id: number) =>
  (
    await database.db
      .select({ to: editorialItems.assignedToId })
      .from(editorialItems)
      .where(and(eq(editorialItems.itemType, "law"), eq(editorialItems.itemId, id)))
  )[0]?.to;
const assignRows = async () => await database.db.select().from(auditLog).where(eq(auditLog.action, "item.assign"));

test("an editor assigns an item to a reviewer and unassigns it; each is audited, the panel names the reviewer", async () => {
  const law = await draft(contributor, "Assigned law");
  const before = (await assignRows()).length;
  await assignItem(editor, "law", law.id, reviewerId);
  expect(await assigned(law.id)).toBe(reviewerId);
  expect((await editorialStatus(editor, "law", law.id)).assignedTo).toBe("Chyngyz Reviewer");
  // A form's "nobody" is the empty string.
  await assignItem(editor, "law", String(law.id), "");
  expect(await assigned(law.id)).toBeNull();
  expect((await editorialStatus(editor, "law", law.id)).assignedTo).toBeNull();
  const rows = (await assignRows()).slice(before);
  expect(rows.map((r) => r.details)).toEqual([
    { from: null, to: reviewerId },
    { from: reviewerId, to: null },
  ]);
  expect(rows[0]).toMatchObject({ targetType: "law", targetId: String(law.id), actorId: editor.actor!.id });
});

test("a contributor may not assign, nor list the reviewers", async () => {
  const law = await draft(contributor, "Not for contributors");
  await expect(assignItem(contributor, "law", law.id, reviewerId)).rejects.toBeInstanceOf(ForbiddenError);
  await expect(
    bulkAssign(contributor, { type: "law", assigneeId: reviewerId, items: [{ id: law.id }] }),
  ).rejects.toBeInstanceOf(ForbiddenError);
  await expect(listReviewers(contributor)).rejects.toBeInstanceOf(ForbiddenError);
  expect(await assigned(law.id)).toBeNull();
});

test("assigning to a contributor, a deactivated or an unknown user is refused at the field, writing nothing", async () => {
  const law = await draft(contributor, "Wrong assignee");
  const before = (await assignRows()).length;
  for (const [who, message] of [
    [contributorId, /cannot review/],
    [goneId, /deactivated/],
    [999_999, /Choose a reviewer/],
  ] as const) {
    const error = await assignItem(editor, "law", law.id, who).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors.assigneeId?.[0]).toMatch(message);
  }
  const bulk = await bulkAssign(editor, { type: "law", assigneeId: goneId, items: [{ id: law.id }] }).catch(
    (e: unknown) => e,
  );
  expect((bulk as ValidationError).fieldErrors.assigneeId?.[0]).toMatch(/deactivated/);
  expect(await assigned(law.id)).toBeNull();
  expect((await assignRows()).length).toBe(before);
  expect((await listReviewers(editor)).map((r) => r.name)).toEqual(["Bakyt Editor", "Chyngyz Reviewer"]);
});

test("bulk assign assigns each item and reports one that cannot be assigned with its title and why", async () => {
  const a = await draft(contributor, "Bulk assign A");
  const b = await draft(contributor, "Bulk assign B");
  const result = await bulkAssign(editor, {
    type: "law",
    assigneeId: String(reviewerId),
    items: [{ id: a.id }, { id: String(b.id) }, { id: 987_654 }],
  });
  expect(result.outcomes).toEqual([
    { id: a.id, title: "Bulk assign A", ok: true },
    { id: b.id, title: "Bulk assign B", ok: true },
    { id: 987_654, title: "#987654", ok: false, reason: "No such law." },
  ]);
  expect(result.summary).toBe("2 assigned to Chyngyz Reviewer; 1 refused: #987654 — No such law.");
  expect([await assigned(a.id), await assigned(b.id)]).toEqual([reviewerId, reviewerId]);
  // The list names the reviewer in the same query as the rest of the row.
  const listed = (await listLaws(editor, { q: "Bulk assign" })).laws.map((l) => [l.title, l.assignedTo]);
  expect(listed).toEqual(
    expect.arrayContaining([
      ["Bulk assign A", "Chyngyz Reviewer"],
      ["Bulk assign B", "Chyngyz Reviewer"],
    ]),
  );
  const cleared = await bulkAssign(editor, { type: "law", assigneeId: "", items: [{ id: a.id }] });
  expect(cleared.summary).toBe("1 unassigned");
  expect(await assigned(a.id)).toBeNull();
});

test("the review queue puts what is assigned to me first in Waiting for me, and says so", async () => {
  const older = await draft(contributor, "Queue assigned older");
  const newer = await draft(contributor, "Queue unassigned newer");
  for (const law of [older, newer])
    await moveItem(contributor, {
      type: "law",
      id: law.id,
      action: "submit",
      baseRevision: await workingRevision(contributor, "law", law.id),
    });
  await assignItem(editor, "law", older.id, reviewerId);
  const mine = (await reviewQueue(reviewer)).waiting;
  expect(mine[0]).toMatchObject({ title: "Queue assigned older", assignedToMe: true });
  expect(mine.find((i) => i.title === "Queue unassigned newer")).toMatchObject({ assignedToMe: false });
  // For anyone else the order stays newest first, and nothing is theirs.
  const theirs = (await reviewQueue(editor)).waiting.map((i) => i.title);
  expect(theirs.indexOf("Queue unassigned newer")).toBeLessThan(theirs.indexOf("Queue assigned older"));
  expect((await reviewQueue(editor)).waiting.some((i) => i.assignedToMe)).toBe(false);
});

describe("someone who can no longer review", () => {
  let admin: Ctx;
  beforeAll(async () => {
    admin = (await makeUser(database.db, "admin")).ctx;
  });
  const releasedRows = async (userId: number) =>
    (await assignRows())
      .filter((r) => (r.details as { from?: unknown }).from === userId)
      .map((r) => ({ law: Number(r.targetId), actorId: r.actorId, details: r.details }));

  test("deactivated, has every item assigned to them given back to nobody, each audited; others keep theirs", async () => {
    const leaving = (await makeUser(database.db, "editor")).user.id;
    const [a, b, kept] = await Promise.all(["Leaving A", "Leaving B", "Kept"].map((t) => draft(contributor, t)));
    await assignItem(editor, "law", a!.id, leaving);
    await assignItem(editor, "law", b!.id, leaving);
    await assignItem(editor, "law", kept!.id, reviewerId);

    await expect(setActive(admin, { userId: leaving, active: false })).resolves.toMatchObject({ unassigned: 2 });
    expect([await assigned(a!.id), await assigned(b!.id), await assigned(kept!.id)]).toEqual([null, null, reviewerId]);
    const because = { from: leaving, to: null, because: "user.deactivate" };
    expect((await releasedRows(leaving)).toSorted((x, y) => x.law - y.law)).toEqual(
      [a!.id, b!.id].toSorted((x, y) => x - y).map((law) => ({ law, actorId: admin.actor!.id, details: because })),
    );
    // Reactivated, they start with nothing assigned.
    await expect(setActive(admin, { userId: leaving, active: true })).resolves.toMatchObject({ unassigned: 0 });
    expect(await assigned(a!.id)).toBeNull();
  });

  test("made a contributor, has their items given back to nobody; a role that reviews keeps them", async () => {
    const moving = (await makeUser(database.db, "editor")).user.id;
    const law = await draft(contributor, "Role change");
    await assignItem(editor, "law", law.id, moving);
    await expect(changeRole(admin, { userId: moving, role: "admin" })).resolves.toMatchObject({ unassigned: 0 });
    expect(await assigned(law.id)).toBe(moving);
    await expect(changeRole(admin, { userId: moving, role: "contributor" })).resolves.toMatchObject({
      unassigned: 1,
    });
    expect(await assigned(law.id)).toBeNull();
    expect((await releasedRows(moving)).map((r) => r.details)).toEqual([
      { from: moving, to: null, because: "user.role" },
    ]);
  });

  test("keeps their assignments when the deactivation fails: both are one transaction", async () => {
    const staying = (await makeUser(database.db, "editor")).user.id;
    const law = await draft(contributor, "Failed deactivation");
    await assignItem(editor, "law", law.id, staying);
    await database.db.execute(sql`
      create function refuse_release() returns trigger language plpgsql as $$
      begin
        if new.action = 'item.assign' and new.details->>'because' = 'user.deactivate' then
          raise exception 'audit storage failed';
        end if;
        return new;
      end $$`);
    await database.db.execute(
      sql`create trigger refuse_release before insert on audit_log for each row execute function refuse_release()`,
    );
    try {
      await expect(setActive(admin, { userId: staying, active: false })).rejects.toThrow();
    } finally {
      await database.db.execute(sql`drop trigger refuse_release on audit_log`);
      await database.db.execute(sql`drop function refuse_release()`);
    }
    expect(await assigned(law.id)).toBe(staying);
    const [user] = await database.db.select({ active: users.active }).from(users).where(eq(users.id, staying));
    expect(user?.active).toBe(true);
  });
});
