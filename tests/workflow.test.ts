import { and, asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "@/db";
import {
  auditLog,
  editorialComments,
  editorialItems,
  goneAddresses,
  liveDocuments,
  publicationClock,
  publications,
  revisions,
} from "@/db/schema";
import { ConflictError, ForbiddenError, NotAuthenticatedError, ValidationError } from "@/lib/errors";
import { verifyAuditChain } from "@/modules/audit/verify";
import type { Ctx } from "@/modules/auth/context";
import { createLaw, updateLaw } from "@/modules/laws/save";
import { addComment, listComments, resolveComment } from "@/modules/workflow/comments";
import { changeAuthors, changeAuthorsOf } from "@/modules/workflow/change-authors";
import { itemKey } from "@/modules/workflow/item-keys";
import { moveItem } from "@/modules/workflow/transitions";
import { workflowOptions } from "@/modules/workflow/options";
import type { WorkflowAction } from "@/modules/workflow/machine";
import { createTestDatabase } from "./db";
import { anonymous, makeJurisdiction, makeUser } from "./factories";

let database: Database;
let contributor: Ctx;
let editor: Ctx;
let otherEditor: Ctx;
let admin: Ctx;
beforeAll(async () => {
  database = await createTestDatabase();
  await makeJurisdiction(database.db, "KG", "Kyrgyzstan");
  contributor = (await makeUser(database.db, "contributor", { name: "Aida Contributor" })).ctx;
  editor = (await makeUser(database.db, "editor", { name: "Erlan Editor" })).ctx;
  otherEditor = (await makeUser(database.db, "editor", { name: "Olga Editor" })).ctx;
  admin = (await makeUser(database.db, "admin", { name: "Asel Admin" })).ctx;
});
afterAll(() => database.close());

const lawForm = (title: string, extra: Record<string, unknown> = {}) => ({
  jurisdictionCode: "KG",
  type: "law",
  status: "adopted",
  summary: "On the rehabilitation of victims of political repression.",
  titles: [{ lang: "en", title }],
  ...extra,
});

async function itemOf(id: number) {
  const [row] = await database.db
    .select()
    .from(editorialItems)
    .where(and(eq(editorialItems.itemType, "law"), eq(editorialItems.itemId, id)));
  return row!;
}

async function revisionOf(revisionId: number | null) {
  const [row] = await database.db.select().from(revisions).where(eq(revisions.id, revisionId!));
  return row!;
}

/** Takes a workflow action as the panel would: on the working revision the user sees. */
async function move(ctx: Ctx, id: number, action: WorkflowAction, extra: Record<string, unknown> = {}) {
  const { workingRevisionId } = await itemOf(id);
  return moveItem(ctx, { type: "law", id, action, baseRevision: workingRevisionId, ...extra });
}

/** Saves the law form as its edit page would, on the working revision. */
async function save(ctx: Ctx, id: number, title: string) {
  const { workingRevisionId } = await itemOf(id);
  return updateLaw(ctx, id, { ...lawForm(title), baseRevision: String(workingRevisionId) });
}

async function newLaw(ctx: Ctx, title: string) {
  return (await createLaw(ctx, lawForm(title))).id;
}

/** The law as the public reads it: the view is all that public code may see. */
async function liveDocumentOf(id: number) {
  const rows = await database.db
    .select()
    .from(liveDocuments)
    .where(and(eq(liveDocuments.itemType, "law"), eq(liveDocuments.itemId, id)));
  expect(rows.length).toBeLessThanOrEqual(1);
  return rows[0];
}

async function clock() {
  const [row] = await database.db.select().from(publicationClock);
  return row!.version;
}

async function auditOf(id: number) {
  return database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.targetType, "law"), eq(auditLog.targetId, String(id))))
    .orderBy(asc(auditLog.id));
}

async function refusal(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected the move to be refused");
    },
    (error: unknown) => error,
  );
}

describe("a law from draft to live and back", () => {
  let id: number;
  let firstLive: number;

  test("a contributor's new law is a draft with one revision, and nobody reads it", async () => {
    id = await newLaw(contributor, "Law on rehabilitation");
    const item = await itemOf(id);
    expect(item).toMatchObject({ review: "draft", visibility: "unpublished", liveRevisionId: null, publishAt: null });
    expect((await revisionOf(item.workingRevisionId)).number).toBe(1);
    expect(await liveDocumentOf(id)).toBeUndefined();
  });

  test("the contributor submits it; sending it back needs a comment", async () => {
    const submitted = await move(contributor, id, "submit");
    expect(submitted).toMatchObject({ review: "in_review", submittedById: contributor.actor!.id });

    const error = await refusal(move(editor, id, "request_changes"));
    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys((error as ValidationError).fieldErrors)).toEqual(["comment"]);
    expect(await refusal(move(editor, id, "request_changes", { comment: "   " }))).toBeInstanceOf(ValidationError);
    expect((await itemOf(id)).review).toBe("in_review");

    const sentBack = await move(editor, id, "request_changes", { comment: "Add the registry number." });
    expect(sentBack.review).toBe("changes_requested");
    const comments = await listComments(contributor, "law", id);
    expect(comments).toMatchObject([
      { body: "Add the registry number.", kind: "changes_requested", authorName: "Erlan Editor", resolvedAt: null },
    ]);
  });

  test("the contributor's save makes it a draft again, on a new revision, and they resubmit", async () => {
    const before = await itemOf(id);
    await save(contributor, id, "Law on the rehabilitation of victims");
    const after = await itemOf(id);
    expect(after.review).toBe("draft");
    expect(after.workingRevisionId).not.toBe(before.workingRevisionId);
    expect(await revisionOf(after.workingRevisionId)).toMatchObject({ number: 2, parentId: before.workingRevisionId });
    expect((await move(contributor, id, "submit")).review).toBe("in_review");
  });

  test("the editor cannot approve over the open comment without a reason; once it is resolved they can", async () => {
    const error = await refusal(move(editor, id, "approve"));
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as Error).message).toMatch(/comments/);
    expect((await itemOf(id)).review).toBe("in_review");

    const [open] = await listComments(editor, "law", id);
    await resolveComment(contributor, open!.id);
    const approved = await move(editor, id, "approve");
    expect(approved).toMatchObject({ review: "approved", approvedById: editor.actor!.id });
    // Nothing was bypassed, so there is no override on record.
    expect((await listComments(editor, "law", id)).map((c) => c.kind)).toEqual(["changes_requested"]);
  });

  test("the editor publishes: live_documents has the law with the live revision's snapshot", async () => {
    const clockBefore = await clock();
    const published = await move(editor, id, "publish");
    expect(published).toMatchObject({ review: "published", visibility: "live", publishAt: null });
    expect(published.liveRevisionId).toBe(published.workingRevisionId);
    firstLive = published.liveRevisionId!;

    const live = await liveDocumentOf(id);
    const revision = await revisionOf(firstLive);
    expect(live).toMatchObject({
      revisionId: firstLive,
      scope: "KG",
      slug: "law-on-rehabilitation",
      title: "Law on the rehabilitation of victims",
    });
    expect(live!.snapshot).toEqual(revision.snapshot);
    expect(await clock()).toBe(clockBefore + 1);
  });

  test("a new edit leaves the public on the live revision; the working one has the change", async () => {
    await save(contributor, id, "Law on the rehabilitation of victims of political repression");
    const item = await itemOf(id);
    expect(item).toMatchObject({ review: "draft", visibility: "live", liveRevisionId: firstLive });
    expect((await revisionOf(item.workingRevisionId)).snapshot.title).toBe(
      "Law on the rehabilitation of victims of political repression",
    );
    const live = await liveDocumentOf(id);
    expect(live).toMatchObject({ revisionId: firstLive, title: "Law on the rehabilitation of victims" });
    expect(live!.snapshot.title).toBe("Law on the rehabilitation of victims");
  });

  test("publishing the new revision replaces what the public reads", async () => {
    const firstPublishedAt = (await liveDocumentOf(id))!.firstPublishedAt;
    await move(contributor, id, "submit");
    await move(editor, id, "approve");
    const published = await move(editor, id, "publish");
    expect(published.liveRevisionId).not.toBe(firstLive);
    const live = await liveDocumentOf(id);
    expect(live).toMatchObject({
      revisionId: published.liveRevisionId,
      title: "Law on the rehabilitation of victims of political repression",
      firstPublishedAt,
    });
  });

  test("only editors withdraw; a withdrawn law leaves live_documents and its address answers gone", async () => {
    expect(await refusal(move(contributor, id, "withdraw"))).toBeInstanceOf(ForbiddenError);
    const clockBefore = await clock();
    const withdrawn = await move(editor, id, "withdraw");
    expect(withdrawn).toMatchObject({ review: "published", visibility: "withdrawn" });
    expect(await liveDocumentOf(id)).toBeUndefined();
    const gone = await database.db.select().from(goneAddresses).where(eq(goneAddresses.slug, "law-on-rehabilitation"));
    expect(gone).toMatchObject([{ itemType: "law", scope: "KG", slug: "law-on-rehabilitation", mergedIntoId: null }]);
    expect(gone[0]!.goneAt).toBeInstanceOf(Date);
    expect(await clock()).toBe(clockBefore + 1);
  });

  test("the wrong role gets ForbiddenError for archiving, as for every other editorial move", async () => {
    const before = await itemOf(id);
    expect(await refusal(move(contributor, id, "archive"))).toBeInstanceOf(ForbiddenError);
    expect(await refusal(move(editor, id, "archive"))).toBeInstanceOf(ForbiddenError);
    expect(await itemOf(id)).toEqual(before);
  });

  test("an admin archives it; then nothing moves it and nobody edits it", async () => {
    const archived = await move(admin, id, "archive");
    expect(archived.visibility).toBe("archived");
    for (const action of ["submit", "approve", "publish", "withdraw", "archive"] as const) {
      expect(await refusal(move(admin, id, action)), action).toBeInstanceOf(ConflictError);
    }
    expect(await refusal(save(admin, id, "An archived law"))).toBeInstanceOf(ConflictError);
    expect(await liveDocumentOf(id)).toBeUndefined();
  });
});

describe("who may move what", () => {
  test("a contributor gets ForbiddenError for every move but submit; a visitor is asked to sign in", async () => {
    const id = await newLaw(contributor, "Law on archives");
    await move(contributor, id, "submit");
    for (const action of ["request_changes", "approve", "publish", "schedule", "withdraw"] as const) {
      const extra = { comment: "Fine", publishAt: new Date(Date.now() + 86_400_000).toISOString() };
      expect(await refusal(move(contributor, id, action, extra)), action).toBeInstanceOf(ForbiddenError);
    }
    expect(await refusal(move(anonymous(database.db), id, "submit"))).toBeInstanceOf(NotAuthenticatedError);
    expect((await itemOf(id)).review).toBe("in_review");
  });

  test("a move on a revision the user has not seen is refused, and changes nothing", async () => {
    const id = await newLaw(contributor, "Law on languages");
    const seen = (await itemOf(id)).workingRevisionId;
    await save(contributor, id, "Law on the state language");
    const before = await itemOf(id);
    const auditBefore = (await auditOf(id)).length;
    const error = await refusal(moveItem(contributor, { type: "law", id, action: "submit", baseRevision: seen }));
    expect(error).toBeInstanceOf(ConflictError);
    expect(await itemOf(id)).toEqual(before);
    expect((await auditOf(id)).length).toBe(auditBefore);
  });

  test("the panel offers exactly what moveItem would accept", async () => {
    const id = await newLaw(editor, "Law on mass media");
    await move(editor, id, "submit");
    const asAuthor = await workflowOptions(editor, "law", id);
    expect(asAuthor.isAuthor).toBe(true);
    expect(asAuthor.options.find((o) => o.action === "approve")).toMatchObject({ allowed: false, needsReason: false });
    const asOther = await workflowOptions(otherEditor, "law", id);
    expect(asOther.options.filter((o) => o.allowed).map((o) => o.action)).toEqual(["request_changes", "approve"]);
    const asContributor = await workflowOptions(contributor, "law", id);
    expect(asContributor.options.filter((o) => o.allowed).map((o) => o.action)).toEqual([]);
  });
});

describe("two-person rule", () => {
  test("an editor cannot approve or publish a change they wrote, even with a reason; another editor can", async () => {
    const id = await newLaw(editor, "Law on public associations");
    await move(editor, id, "submit");
    expect(await refusal(move(editor, id, "approve"))).toBeInstanceOf(ConflictError);
    expect(await refusal(move(editor, id, "approve", { overrideReason: "Urgent" }))).toBeInstanceOf(ConflictError);
    await move(otherEditor, id, "approve");
    expect(await refusal(move(editor, id, "publish"))).toBeInstanceOf(ConflictError);
    expect(await refusal(move(editor, id, "publish", { overrideReason: "Urgent" }))).toBeInstanceOf(ConflictError);
    expect((await itemOf(id)).review).toBe("approved");
    expect((await move(otherEditor, id, "publish")).visibility).toBe("live");
  });

  test("an editor who only edited someone else's draft is one of its authors", async () => {
    const id = await newLaw(contributor, "Law on religious freedom");
    await save(editor, id, "Law on freedom of religion");
    await move(contributor, id, "submit");
    expect(await refusal(move(editor, id, "approve"))).toBeInstanceOf(ConflictError);
    expect((await move(otherEditor, id, "approve")).review).toBe("approved");
  });

  test("only who wrote since the item was last live is an author of its change, for one item as for many", async () => {
    const published = await newLaw(editor, "Law on the press");
    await move(editor, published, "submit");
    await move(otherEditor, published, "approve");
    await move(otherEditor, published, "publish");
    await save(contributor, published, "Law on the press and media");
    await move(contributor, published, "submit");
    const draft = await newLaw(contributor, "Law on broadcasting");
    await save(otherEditor, draft, "Law on television and radio");
    const never = await newLaw(contributor, "Law on cinema");

    const id = (ctx: Ctx) => ctx.actor!.id!;
    const authors = await changeAuthorsOf(database.db, [
      { type: "law", id: published },
      { type: "law", id: draft },
      { type: "law", id: never },
    ]);
    expect(authors.get(itemKey("law", published))).toEqual([id(contributor)]);
    expect(authors.get(itemKey("law", draft))?.toSorted()).toEqual([id(contributor), id(otherEditor)].toSorted());
    expect(authors.get(itemKey("law", never))).toEqual([id(contributor)]);
    expect(await changeAuthors(database.db, { type: "law", id: published })).toEqual([id(contributor)]);
    // The author of the published version reviews the next change, which is not theirs.
    const { options } = await workflowOptions(editor, "law", published);
    expect(options.find((o) => o.action === "approve")).toMatchObject({ allowed: true, needsReason: false });
    expect((await move(editor, published, "approve")).review).toBe("approved");
  });

  test("an admin may approve and publish their own change with a reason, recorded as a comment and in the audit log", async () => {
    const id = await newLaw(admin, "Law on the ombudsman");
    await move(admin, id, "submit");
    expect(await refusal(move(admin, id, "approve"))).toBeInstanceOf(ConflictError);

    await move(admin, id, "approve", { overrideReason: "Nobody else is on duty this week." });
    await move(admin, id, "publish", { overrideReason: "The court hearing is tomorrow." });
    expect(await itemOf(id)).toMatchObject({ review: "published", visibility: "live" });

    const overrides = await database.db
      .select()
      .from(editorialComments)
      .where(and(eq(editorialComments.itemId, id), eq(editorialComments.kind, "override")))
      .orderBy(asc(editorialComments.id));
    expect(overrides).toMatchObject([
      { body: "Nobody else is on duty this week.", authorId: admin.actor!.id, resolvedById: admin.actor!.id },
      { body: "The court hearing is tomorrow.", authorId: admin.actor!.id, resolvedById: admin.actor!.id },
    ]);
    expect(overrides.every((c) => c.resolvedAt !== null)).toBe(true);

    const rows = await auditOf(id);
    expect(rows.find((r) => r.action === "law.approve")!.details).toMatchObject({
      override: "Nobody else is on duty this week.",
    });
    expect(rows.find((r) => r.action === "law.publish")!.details).toMatchObject({
      override: "The court hearing is tomorrow.",
    });
  });

  test("an editor may approve over open comments with a reason, recorded as an override", async () => {
    const id = await newLaw(contributor, "Law on access to information");
    await move(contributor, id, "submit");
    await addComment(otherEditor, { type: "law", id, body: "Is the second title right?" });
    await move(editor, id, "approve", { overrideReason: "Checked with the registry; it is." });
    const kinds = (await listComments(editor, "law", id)).map((c) => [c.kind, c.resolvedAt === null]);
    expect(kinds).toEqual([
      ["comment", true],
      ["override", false],
    ]);
    expect((await auditOf(id)).at(-1)).toMatchObject({
      action: "law.approve",
      details: { override: "Checked with the registry; it is." },
    });
  });
});

describe("a failed publish leaves nothing behind", () => {
  async function everything(id: number) {
    return {
      item: await itemOf(id),
      publications: await database.db.select().from(publications).orderBy(asc(publications.itemId)),
      clock: await clock(),
      audit: await database.db.select().from(auditLog).orderBy(asc(auditLog.id)),
      comments: await database.db.select().from(editorialComments).orderBy(asc(editorialComments.id)),
    };
  }

  test("when another item holds the address, the publish fails as a whole", async () => {
    const id = await newLaw(contributor, "Law on the address clash");
    await move(contributor, id, "submit");
    await move(editor, id, "approve");
    const { workingRevisionId } = await itemOf(id);
    const now = new Date();
    await database.db.insert(publications).values({
      itemType: "law",
      itemId: id + 100_000,
      revisionId: workingRevisionId!,
      scope: "KG",
      slug: "law-on-the-address-clash",
      title: "Someone else",
      firstPublishedAt: now,
      publishedAt: now,
    });
    const before = await everything(id);
    await expect(move(editor, id, "publish")).rejects.toThrow();
    expect(await everything(id)).toEqual(before);

    await database.db.delete(publications).where(eq(publications.itemId, id + 100_000));
    expect((await move(editor, id, "publish")).visibility).toBe("live");
  });

  test("when the audit row cannot be written, the publication, clock, state and override comment go too", async () => {
    const id = await newLaw(admin, "Law on the failing audit");
    await move(admin, id, "submit");
    await move(otherEditor, id, "approve");
    const before = await everything(id);
    await database.db.execute(sql`
      create function refuse_law_publish() returns trigger language plpgsql as $$
      begin
        if new.action = 'law.publish' then raise exception 'audit storage failed'; end if;
        return new;
      end $$`);
    await database.db.execute(
      sql`create trigger refuse_law_publish before insert on audit_log for each row execute function refuse_law_publish()`,
    );
    try {
      await expect(move(admin, id, "publish", { overrideReason: "Deadline" })).rejects.toThrow();
    } finally {
      await database.db.execute(sql`drop trigger refuse_law_publish on audit_log`);
      await database.db.execute(sql`drop function refuse_law_publish()`);
    }
    expect(await everything(id)).toEqual(before);
    expect(await liveDocumentOf(id)).toBeUndefined();
  });
});

// Last in this file: it breaks the chain on purpose.
describe("audit", () => {
  test("every move appends one row naming the action and the live and working revisions", async () => {
    const id = await newLaw(contributor, "Law on the audit trail");
    const start = (await auditOf(id)).length;
    await move(contributor, id, "submit");
    await move(editor, id, "approve");
    expect(await refusal(move(contributor, id, "publish"))).toBeInstanceOf(ForbiddenError);
    const published = await move(editor, id, "publish");
    await save(contributor, id, "Law on the audit trail, amended");
    await move(contributor, id, "submit");
    await move(editor, id, "approve");
    const republished = await move(editor, id, "publish");

    const rows = (await auditOf(id)).slice(start);
    expect(rows.map((r) => r.action)).toEqual([
      "law.submit",
      "law.approve",
      "law.publish",
      "law.update",
      "law.submit",
      "law.approve",
      "law.publish",
    ]);
    const first = String(published.liveRevisionId);
    const second = String(republished.liveRevisionId);
    expect(rows.map((r) => [r.beforeRevision, r.afterRevision])).toEqual([
      [null, first],
      [null, first],
      [null, first],
      [first, second],
      [first, second],
      [first, second],
      [first, second],
    ]);
    expect(rows[2]!.details).toMatchObject({
      from: { review: "approved", visibility: "unpublished" },
      to: { review: "published", visibility: "live" },
    });
    expect(rows.every((r) => r.actorId !== null)).toBe(true);
  });

  test("the chain of every row written in this file verifies", async () => {
    const rows = await database.db.select({ id: auditLog.id }).from(auditLog);
    expect(await verifyAuditChain(database.db)).toEqual({ ok: true, rows: rows.length });
  });

  test("a row changed behind the log's back is named by verify", async () => {
    // The first row the workflow wrote in this file (the first law's revision 1): whatever else
    // the chain says, verify must stop at it once it is changed.
    const [created] = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "law.create"))
      .orderBy(asc(auditLog.id))
      .limit(1);
    await database.db.execute(sql`alter table audit_log disable trigger audit_log_no_change`);
    try {
      await database.db.execute(sql`update audit_log set after_revision = '999' where id = ${created!.id}`);
    } finally {
      await database.db.execute(sql`alter table audit_log enable trigger audit_log_no_change`);
    }
    const report = await verifyAuditChain(database.db);
    expect(report).toMatchObject({ ok: false, brokenAt: { id: created!.id, action: "law.create" } });
    expect(!report.ok && report.brokenAt.reason).toMatch(/changed/);
  });
});
