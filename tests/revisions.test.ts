import { and, asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "@/db";
import { auditLog, editorialItems, laws, revisions } from "@/db/schema";
import { ConflictError, ValidationError } from "@/lib/errors";
import type { Ctx } from "@/modules/auth/context";
import { deleteLaw } from "@/modules/laws/delete";
import { addEvent, listEvents } from "@/modules/laws/events";
import { getLaw } from "@/modules/laws/read";
import { createLaw, updateLaw } from "@/modules/laws/save";
import { lawSnapshot } from "@/modules/laws/snapshot";
import { addLawTextVersion, getLawTextVersion, updateLawTextVersion } from "@/modules/laws/texts";
import { EditConflictError } from "@/modules/workflow/conflict";
import { snapshotHash } from "@/modules/workflow/revise";
import { moveItem } from "@/modules/workflow/transitions";
import { createTestDatabase } from "./db";
import { makeJurisdiction, makeUser } from "./factories";

let database: Database;
let aigul: Ctx;
let bakyt: Ctx;
let editor: Ctx;
let admin: Ctx;
beforeAll(async () => {
  database = await createTestDatabase();
  await makeJurisdiction(database.db, "KG", "Kyrgyzstan");
  aigul = (await makeUser(database.db, "contributor", { name: "Aigul Contributor" })).ctx;
  bakyt = (await makeUser(database.db, "contributor", { name: "Bakyt Contributor" })).ctx;
  editor = (await makeUser(database.db, "editor", { name: "Erlan Editor" })).ctx;
  admin = (await makeUser(database.db, "admin", { name: "Asel Admin" })).ctx;
});
afterAll(() => database.close());

const lawForm = (title: string, extra: Record<string, unknown> = {}) => ({
  jurisdictionCode: "KG",
  type: "law",
  status: "adopted",
  summary: "On non-profit organisations.",
  titles: [{ lang: "en", title }],
  identifiers: [{ registry: "Ministry of Justice register", value: "No. 72" }],
  ...extra,
});

async function workingOf(id: number): Promise<number> {
  const [row] = await database.db
    .select({ working: editorialItems.workingRevisionId })
    .from(editorialItems)
    .where(and(eq(editorialItems.itemType, "law"), eq(editorialItems.itemId, id)));
  return row!.working!;
}

async function revisionsOf(id: number) {
  return database.db
    .select()
    .from(revisions)
    .where(and(eq(revisions.itemType, "law"), eq(revisions.itemId, id)))
    .orderBy(asc(revisions.number));
}

async function auditOf(id: number) {
  return database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.targetType, "law"), eq(auditLog.targetId, String(id))))
    .orderBy(asc(auditLog.id));
}

async function conflictOf(promise: Promise<unknown>): Promise<EditConflictError> {
  const error = await promise.then(
    () => {
      throw new Error("expected the save to be refused");
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EditConflictError);
  return error as EditConflictError;
}

/** Drizzle wraps the database's error ("Failed query: …"); the trigger's message is its cause. */
async function refusedAsImmutable(statement: Promise<unknown>) {
  const error = await statement.then(
    () => {
      throw new Error("expected the database to refuse");
    },
    (e: unknown) => e,
  );
  const messages = [(error as Error).message, ((error as Error).cause as Error | undefined)?.message ?? ""];
  expect(messages.join("\n")).toMatch(/revisions are immutable/);
}

describe("each save is one immutable revision", () => {
  let id: number;

  test("creating a law records revision 1, without a parent, hashed from its snapshot", async () => {
    id = (await createLaw(aigul, lawForm("Law on non-profit organisations"))).id;
    const [first, ...rest] = await revisionsOf(id);
    expect(rest).toEqual([]);
    expect(first).toMatchObject({ number: 1, parentId: null, authorId: aigul.actor!.id });
    expect(first!.hash).toBe(snapshotHash(first!.snapshot));
    expect(first!.snapshot).toEqual(await lawSnapshot(aigul, id));
    expect(await workingOf(id)).toBe(first!.id);
  });

  test("each save adds the next number, whose parent is the one before", async () => {
    await updateLaw(bakyt, id, {
      ...lawForm("Law on non-commercial organisations"),
      baseRevision: await workingOf(id),
    });
    await addEvent(aigul, id, {
      kind: "adopted",
      note: "Adopted by the Jogorku Kenesh.",
      baseRevision: await workingOf(id),
    });
    const list = await revisionsOf(id);
    expect(list.map((r) => r.number)).toEqual([1, 2, 3]);
    expect(list.map((r) => r.parentId)).toEqual([null, list[0]!.id, list[1]!.id]);
    expect(list.map((r) => r.authorId)).toEqual([aigul.actor!.id, bakyt.actor!.id, aigul.actor!.id]);
    for (const revision of list) expect(revision.hash).toBe(snapshotHash(revision.snapshot));
    expect(list[1]!.snapshot.title).toBe("Law on non-commercial organisations");
    expect(list[2]!.snapshot.events).toMatchObject([{ kind: "adopted", note: "Adopted by the Jogorku Kenesh." }]);
    expect(list[2]!.snapshot).toEqual(await lawSnapshot(aigul, id));
    expect(await workingOf(id)).toBe(list[2]!.id);

    const audited = (await auditOf(id)).map((r) => [r.action, r.beforeRevision, r.afterRevision]);
    expect(audited).toEqual([
      ["law.create", null, String(list[0]!.id)],
      ["law.update", String(list[0]!.id), String(list[1]!.id)],
      ["law.event.add", String(list[1]!.id), String(list[2]!.id)],
    ]);
  });

  test("a save that changes nothing records nothing, and keeps the review where it was", async () => {
    const before = await revisionsOf(id);
    const auditBefore = await auditOf(id);
    await moveItem(aigul, { type: "law", id, action: "submit", baseRevision: await workingOf(id) });
    await updateLaw(aigul, id, {
      ...lawForm("Law on non-commercial organisations"),
      baseRevision: await workingOf(id),
    });
    expect(await revisionsOf(id)).toEqual(before);
    expect((await auditOf(id)).map((r) => r.action)).toEqual([...auditBefore.map((r) => r.action), "law.submit"]);
    const [item] = await database.db.select().from(editorialItems).where(eq(editorialItems.itemId, id));
    expect(item).toMatchObject({ review: "in_review", workingRevisionId: before.at(-1)!.id });
  });

  test("the database refuses to change or remove a revision", async () => {
    const [first] = await revisionsOf(id);
    await refusedAsImmutable(
      database.db.execute(sql`update revisions set message = 'rewritten' where id = ${first!.id}`),
    );
    await refusedAsImmutable(
      database.db
        .update(revisions)
        .set({ snapshot: { title: "Forged" } })
        .where(eq(revisions.id, first!.id)),
    );
    await refusedAsImmutable(database.db.execute(sql`delete from revisions where id = ${first!.id}`));
    await refusedAsImmutable(database.db.execute(sql`delete from revisions`));
    await refusedAsImmutable(database.db.execute(sql`truncate revisions cascade`));
    expect((await revisionsOf(id))[0]).toEqual(first);
  });

  test("a save must name the revision it was based on", async () => {
    const error = await updateLaw(aigul, id, lawForm("Law without a base")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys((error as ValidationError).fieldErrors)).toEqual(["baseRevision"]);
  });
});

describe("two people saving from the same revision", () => {
  test("law fields: the second save is refused, naming who saved first and when; the first one's data stands", async () => {
    const id = (await createLaw(aigul, lawForm("Law on state secrets"))).id;
    const base = await workingOf(id);
    const auditBefore = (await auditOf(id)).length;

    await updateLaw(aigul, id, {
      ...lawForm("Law on the protection of state secrets", { summary: "Aigul's summary." }),
      baseRevision: base,
    });
    const saved = (await revisionsOf(id)).at(-1)!;

    const error = await conflictOf(
      updateLaw(bakyt, id, {
        ...lawForm("Law on secrets", { summary: "Bakyt's summary.", titles: [{ lang: "ru", title: "Закон о тайне" }] }),
        baseRevision: base,
      }),
    );
    expect(error.current).toEqual({
      revisionId: saved.id,
      number: saved.number,
      by: "Aigul Contributor",
      at: saved.createdAt,
    });
    expect(error.message).toContain("Aigul Contributor");

    const law = await getLaw(bakyt, id);
    expect(law).toMatchObject({ title: "Law on the protection of state secrets", summary: "Aigul's summary." });
    expect(law.titles).toEqual([{ lang: "en", title: "Law on the protection of state secrets", preferred: true }]);
    expect((await revisionsOf(id)).map((r) => r.authorId)).toEqual([aigul.actor!.id, aigul.actor!.id]);
    const audit = (await auditOf(id)).slice(auditBefore);
    expect(audit.map((r) => [r.action, r.actorId])).toEqual([["law.update", aigul.actor!.id]]);
  });

  test("events: the second addition is refused and only the first event exists", async () => {
    const id = (await createLaw(aigul, lawForm("Law on peaceful assembly"))).id;
    const base = await workingOf(id);
    await addEvent(aigul, id, { kind: "initiated", note: "Aigul's event", baseRevision: base });
    const saved = (await revisionsOf(id)).at(-1)!;

    const error = await conflictOf(addEvent(bakyt, id, { kind: "signed", note: "Bakyt's event", baseRevision: base }));
    expect(error.current).toEqual({
      revisionId: saved.id,
      number: saved.number,
      by: "Aigul Contributor",
      at: saved.createdAt,
    });
    expect((await listEvents(bakyt, id)).map((e) => e.note)).toEqual(["Aigul's event"]);
    expect((await revisionsOf(id)).length).toBe(2);
  });

  test("text versions: the second correction is refused and the text is the first one's", async () => {
    const id = (await createLaw(aigul, lawForm("Law on mass media"))).id;
    const version = await addLawTextVersion(aigul, id, {
      lang: "ru",
      official: "on",
      body: "Статья 1. Original text.",
      baseRevision: await workingOf(id),
    });
    const base = await workingOf(id);
    await updateLawTextVersion(aigul, version.id, {
      lang: "ru",
      official: "on",
      body: "Статья 1. Aigul's text.",
      baseRevision: base,
    });
    const saved = (await revisionsOf(id)).at(-1)!;

    const error = await conflictOf(
      updateLawTextVersion(bakyt, version.id, { lang: "ky", body: "Статья 1. Bakyt's text.", baseRevision: base }),
    );
    expect(error.current).toEqual({
      revisionId: saved.id,
      number: saved.number,
      by: "Aigul Contributor",
      at: saved.createdAt,
    });
    expect(await getLawTextVersion(bakyt, version.id)).toMatchObject({
      lang: "ru",
      official: true,
      body: "Статья 1. Aigul's text.",
    });
    expect((await revisionsOf(id)).map((r) => r.authorId)).toEqual([aigul.actor!.id, aigul.actor!.id, aigul.actor!.id]);
  });
});

describe("deleting", () => {
  test("deleting a draft law keeps its revisions", async () => {
    const id = (await createLaw(aigul, lawForm("Law on a short-lived draft"))).id;
    await updateLaw(aigul, id, { ...lawForm("Law on a very short-lived draft"), baseRevision: await workingOf(id) });
    const kept = await revisionsOf(id);
    expect(kept.length).toBe(2);

    await deleteLaw(aigul, id);
    expect(await database.db.select().from(laws).where(eq(laws.id, id))).toEqual([]);
    expect(await database.db.select().from(editorialItems).where(eq(editorialItems.itemId, id))).toEqual([]);
    expect(await revisionsOf(id)).toEqual(kept);
    expect((await auditOf(id)).at(-1)).toMatchObject({ action: "law.delete", beforeRevision: String(kept[1]!.id) });
  });

  test("a published law cannot be deleted, also once withdrawn", async () => {
    const id = (await createLaw(aigul, lawForm("Law on a published thing"))).id;
    const move = async (ctx: Ctx, action: "submit" | "approve" | "publish" | "withdraw") =>
      moveItem(ctx, { type: "law", id, action, baseRevision: await workingOf(id) });
    await move(aigul, "submit");
    await move(editor, "approve");
    await move(editor, "publish");

    await expect(deleteLaw(aigul, id)).rejects.toBeInstanceOf(ConflictError);
    await expect(deleteLaw(admin, id)).rejects.toBeInstanceOf(ConflictError);
    await move(editor, "withdraw");
    await expect(deleteLaw(admin, id)).rejects.toBeInstanceOf(ConflictError);
    expect((await getLaw(admin, id)).title).toBe("Law on a published thing");
    expect((await revisionsOf(id)).length).toBe(1);
  });
});
