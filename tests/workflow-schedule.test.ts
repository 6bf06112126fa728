import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database, Db } from "@/db";
import { openDatabase } from "@/db/client";
import { auditLog, editorialItems, liveDocuments, publicationClock } from "@/db/schema";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/errors";
import type { Ctx } from "@/modules/auth/context";
import { createLaw, updateLaw } from "@/modules/laws/save";
import type { WorkflowAction } from "@/modules/workflow/machine";
import { publishDue } from "@/modules/workflow/scheduler";
import { moveItem } from "@/modules/workflow/transitions";
import { createMigratedDataDir, createTestDatabase, openEmbeddedDatabase } from "./db";
import { makeJurisdiction, makeUser } from "./factories";
import { tempDir } from "./processes";

let database: Database;
let contributor: Ctx;
let editor: Ctx;
let otherEditor: Ctx;
let admin: Ctx;
beforeAll(async () => {
  database = await createTestDatabase();
  ({ contributor, editor, otherEditor, admin } = await team(database.db));
});
afterAll(() => database.close());

const hour = 3_600_000;
const later = (ms: number, from = new Date()) => new Date(from.getTime() + ms);

async function team(db: Db) {
  await makeJurisdiction(db, "KG", "Kyrgyzstan");
  return {
    contributor: (await makeUser(db, "contributor")).ctx,
    editor: (await makeUser(db, "editor")).ctx,
    otherEditor: (await makeUser(db, "editor")).ctx,
    admin: (await makeUser(db, "admin")).ctx,
  };
}

const lawForm = (title: string) => ({
  jurisdictionCode: "KG",
  type: "law",
  status: "bill",
  titles: [{ lang: "en", title }],
});

async function itemOf(db: Db, id: number) {
  const [row] = await db
    .select()
    .from(editorialItems)
    .where(and(eq(editorialItems.itemType, "law"), eq(editorialItems.itemId, id)));
  return row!;
}

async function move(ctx: Ctx, id: number, action: WorkflowAction, extra: Record<string, unknown> = {}, now?: Date) {
  const { workingRevisionId } = await itemOf(ctx.db, id);
  return moveItem(ctx, { type: "law", id, action, baseRevision: workingRevisionId, ...extra }, now);
}

/** A contributor's law, submitted and approved by an editor: ready to publish or schedule. */
async function approvedLaw(people: { contributor: Ctx; editor: Ctx }, title: string) {
  const id = (await createLaw(people.contributor, lawForm(title))).id;
  await move(people.contributor, id, "submit");
  await move(people.editor, id, "approve");
  return id;
}

async function clock(db: Db) {
  const [row] = await db.select().from(publicationClock);
  return row!.version;
}

async function isLive(db: Db, id: number) {
  const rows = await db
    .select({ id: liveDocuments.itemId })
    .from(liveDocuments)
    .where(and(eq(liveDocuments.itemType, "law"), eq(liveDocuments.itemId, id)));
  return rows.length === 1;
}

async function publishRows(db: Db, id: number) {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, "law.publish"), eq(auditLog.targetId, String(id))));
}

describe("scheduling", () => {
  test("needs a time in the future", async () => {
    const id = await approvedLaw({ contributor, editor }, "Law on the State Language");
    const now = new Date();
    for (const publishAt of [undefined, "", later(-60_000, now).toISOString(), now.toISOString(), "not a date"]) {
      const error = await move(editor, id, "schedule", publishAt === undefined ? {} : { publishAt }, now).catch(
        (e: unknown) => e,
      );
      expect(error, String(publishAt)).toBeInstanceOf(ValidationError);
      expect(Object.keys((error as ValidationError).fieldErrors), String(publishAt)).toEqual(["publishAt"]);
    }
    expect(await itemOf(database.db, id)).toMatchObject({ review: "approved", publishAt: null, scheduledById: null });
  });

  test("is for someone other than the change's authors", async () => {
    const id = (await createLaw(editor, lawForm("Law on elections"))).id;
    await move(editor, id, "submit");
    await move(otherEditor, id, "approve");
    const publishAt = later(hour).toISOString();
    await expect(move(editor, id, "schedule", { publishAt })).rejects.toBeInstanceOf(ConflictError);
    expect(await move(otherEditor, id, "schedule", { publishAt })).toMatchObject({ publishAt: new Date(publishAt) });
    await move(admin, id, "archive");
  });

  test("a scheduled law is published when its time comes, not before, and once", async () => {
    const id = await approvedLaw({ contributor, editor }, "Law on local self-government");
    const at = later(hour);
    const scheduled = await move(editor, id, "schedule", { publishAt: at.toISOString() });
    expect(scheduled).toMatchObject({
      review: "approved",
      visibility: "unpublished",
      publishAt: at,
      scheduledById: editor.actor!.id,
    });
    const clockBefore = await clock(database.db);

    expect(await publishDue(database.db, later(-1, at))).toBe(0);
    expect(await itemOf(database.db, id)).toMatchObject({ review: "approved", publishAt: at });
    expect(await isLive(database.db, id)).toBe(false);
    expect(await clock(database.db)).toBe(clockBefore);

    expect(await publishDue(database.db, at)).toBe(1);
    const published = await itemOf(database.db, id);
    expect(published).toMatchObject({ review: "published", visibility: "live", publishAt: null });
    expect(published.liveRevisionId).toBe(published.workingRevisionId);
    expect(await isLive(database.db, id)).toBe(true);
    expect(await clock(database.db)).toBe(clockBefore + 1);

    expect(await publishDue(database.db, later(hour, at))).toBe(0);
    expect(await clock(database.db)).toBe(clockBefore + 1);
    const rows = await publishRows(database.db, id);
    expect(rows).toMatchObject([
      {
        actorId: null,
        beforeRevision: null,
        afterRevision: String(published.workingRevisionId),
        details: { scheduledFor: at.toISOString(), scheduledById: editor.actor!.id },
      },
    ]);
  });

  test("runs at the same moment publish it once", async () => {
    const id = await approvedLaw({ contributor, editor }, "Law on the Cabinet of Ministers");
    const at = later(hour);
    await move(editor, id, "schedule", { publishAt: at.toISOString() });
    const clockBefore = await clock(database.db);
    // On PostgreSQL these run on separate pooled connections at once; PGlite takes them in turn.
    const counts = await Promise.all([
      publishDue(database.db, at),
      publishDue(database.db, at),
      publishDue(database.db, later(1, at)),
    ]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await publishRows(database.db, id)).toHaveLength(1);
    expect(await clock(database.db)).toBe(clockBefore + 1);
    expect(await itemOf(database.db, id)).toMatchObject({ review: "published", visibility: "live" });
  });

  test("an edit after scheduling makes a draft again, which is not published", async () => {
    const id = await approvedLaw({ contributor, editor }, "Law on guarantees of activity of the President");
    const at = later(hour);
    await move(editor, id, "schedule", { publishAt: at.toISOString() });
    const { workingRevisionId } = await itemOf(database.db, id);
    await updateLaw(contributor, id, {
      ...lawForm("Law on the guarantees of the President"),
      baseRevision: workingRevisionId,
    });
    expect(await itemOf(database.db, id)).toMatchObject({
      review: "draft",
      publishAt: null,
      scheduledById: null,
      approvedById: null,
    });

    expect(await publishDue(database.db, later(hour, at))).toBe(0);
    expect(await isLive(database.db, id)).toBe(false);
    expect(await publishRows(database.db, id)).toEqual([]);
  });

  test("a live law withdrawn while its next version is scheduled stays withdrawn", async () => {
    const id = await approvedLaw({ contributor, editor }, "Law on a law taken down");
    await move(editor, id, "publish");
    const { workingRevisionId } = await itemOf(database.db, id);
    await updateLaw(contributor, id, {
      ...lawForm("Law on a law taken down, amended"),
      baseRevision: workingRevisionId,
    });
    await move(contributor, id, "submit");
    await move(editor, id, "approve");
    const at = later(hour);
    await move(editor, id, "schedule", { publishAt: at.toISOString() });
    // Taken off the site (a court order, say): like archiving, that must not be undone by the clock.
    await move(editor, id, "withdraw");

    await publishDue(database.db, later(hour, at));
    expect(await itemOf(database.db, id)).toMatchObject({ visibility: "withdrawn" });
    expect(await isLive(database.db, id)).toBe(false);
    // Leave nothing due for the tests after this one.
    await database.db
      .update(editorialItems)
      .set({ publishAt: null })
      .where(and(eq(editorialItems.itemType, "law"), eq(editorialItems.itemId, id)));
  });

  test("an archived law is not published", async () => {
    const id = await approvedLaw({ contributor, editor }, "Law on a bill that was dropped");
    const at = later(hour);
    await move(editor, id, "schedule", { publishAt: at.toISOString() });
    await move(admin, id, "archive");
    expect(await itemOf(database.db, id)).toMatchObject({ visibility: "archived", publishAt: null });
    expect(await publishDue(database.db, later(hour, at))).toBe(0);

    // Even if an archived row still carried a time (written before archiving cleared it), the
    // scheduler's own check keeps it off the site.
    await database.db
      .update(editorialItems)
      .set({ publishAt: at })
      .where(and(eq(editorialItems.itemType, "law"), eq(editorialItems.itemId, id)));
    try {
      expect(await publishDue(database.db, later(hour, at))).toBe(0);
    } finally {
      await database.db
        .update(editorialItems)
        .set({ publishAt: null })
        .where(and(eq(editorialItems.itemType, "law"), eq(editorialItems.itemId, id)));
    }
    expect(await isLive(database.db, id)).toBe(false);
    expect(await publishRows(database.db, id)).toEqual([]);
  });
});

describe("after a restart", () => {
  // The same data opened again by a new process: a PGlite data folder reopened, or on PostgreSQL a
  // new connection pool to the same database.
  let reopen: () => Promise<Database>;
  let cleanUp: () => Promise<void>;
  beforeAll(async () => {
    if (database.driver === "pg") {
      const url = String(database.pool!.options.connectionString);
      reopen = () => openDatabase({ databaseUrl: url });
      cleanUp = async () => undefined;
    } else {
      const folder = tempDir("schedule-restart");
      await createMigratedDataDir(folder.dir);
      reopen = () => openEmbeddedDatabase(folder.dir);
      cleanUp = async () => folder.remove();
    }
  });
  afterAll(() => cleanUp());

  test("a law that fell due while the app was down is published by the first run", async () => {
    const at = later(hour);
    let id: number;
    let clockBefore: number;
    const first = await reopen();
    try {
      const people = database.driver === "pg" ? { contributor, editor } : await team(first.db);
      const as = (ctx: Ctx) => ({ ...ctx, db: first.db });
      id = await approvedLaw(
        { contributor: as(people.contributor), editor: as(people.editor) },
        "Law on the fell-due bill",
      );
      await move(as(people.editor), id, "schedule", { publishAt: at.toISOString() });
      clockBefore = await clock(first.db);
    } finally {
      await first.close();
    }

    // Down from before `at` until well after it.
    const second = await reopen();
    try {
      expect(await itemOf(second.db, id)).toMatchObject({ review: "approved", publishAt: at });
      expect(await publishDue(second.db, later(3 * hour, at))).toBe(1);
      expect(await itemOf(second.db, id)).toMatchObject({ review: "published", visibility: "live", publishAt: null });
      expect(await isLive(second.db, id)).toBe(true);
      expect(await clock(second.db)).toBe(clockBefore + 1);
      expect(await publishDue(second.db, later(3 * hour, at))).toBe(0);
      expect(await publishRows(second.db, id)).toHaveLength(1);
    } finally {
      await second.close();
    }
  });
});

describe("cancelling a schedule", () => {
  test("an editor cancels it: the item stays approved and is not published when the time comes", async () => {
    const id = await approvedLaw({ contributor, editor }, "Scheduled, then cancelled");
    const at = later(hour);
    await move(editor, id, "schedule", { publishAt: at.toISOString() });
    await expect(move(contributor, id, "unschedule")).rejects.toBeInstanceOf(ForbiddenError);
    await move(otherEditor, id, "unschedule");
    expect(await itemOf(database.db, id)).toMatchObject({ review: "approved", publishAt: null, scheduledById: null });
    expect(await publishDue(database.db, later(2 * hour))).toBe(0);
    expect(await itemOf(database.db, id)).toMatchObject({ visibility: "unpublished" });
  });

  test("nothing to cancel when no time is set", async () => {
    const id = await approvedLaw({ contributor, editor }, "Approved, never scheduled");
    await expect(move(editor, id, "unschedule")).rejects.toBeInstanceOf(ConflictError);
  });
});
