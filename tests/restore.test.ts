import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "@/db";
import { auditLog, editorialItems, revisions } from "@/db/schema";
import type { ContentType } from "@/db/schema/vocabulary";
import { NotAuthenticatedError, NotFoundError } from "@/lib/errors";
import { restoreAgentRevision } from "@/modules/agents/restore";
import { createAgent, updateAgent } from "@/modules/agents/save";
import { restoreArticleRevision } from "@/modules/articles/restore";
import { articleSnapshotVersion } from "@/modules/articles/snapshot-schema";
import { createArticle, updateArticle } from "@/modules/articles/save";
import type { Ctx } from "@/modules/auth/context";
import { addEvent, listEvents, removeEvent } from "@/modules/laws/events";
import { getLaw } from "@/modules/laws/read";
import { addLawRelation, listLawRelations, removeLawRelation } from "@/modules/laws/relations";
import { restoreLawRevision } from "@/modules/laws/restore";
import { createLaw, updateLaw } from "@/modules/laws/save";
import {
  addLawTextVersion,
  listLawTextVersions,
  removeLawTextVersion,
  updateLawTextVersion,
} from "@/modules/laws/texts";
import { deleteSource } from "@/modules/sources/delete";
import { createSource } from "@/modules/sources/save";
import { EditConflictError } from "@/modules/workflow/conflict";
import { createTestDatabase } from "./db";
import { anonymous, makeJurisdiction, makeUser, publishItem, workingRevision } from "./factories";

let database: Database;
let editor: Ctx;
beforeAll(async () => {
  database = await createTestDatabase();
  await makeJurisdiction(database.db, "KZ", "Kazakhstan");
  editor = (await makeUser(database.db, "editor", { name: "Erlan Editor" })).ctx;
});
afterAll(() => database.close());

const lawForm = (extra: Record<string, unknown> = {}) => ({
  jurisdictionCode: "KZ",
  type: "law",
  status: "in_force",
  summary: "Restores the rights of people repressed for political reasons.",
  titles: [
    { lang: "en", title: "On the rehabilitation of victims of mass political repression" },
    { lang: "ru", title: "О реабилитации жертв массовых политических репрессий" },
  ],
  identifiers: [{ registry: "Adilet", value: "Z930002200_" }],
  ...extra,
});

async function revisionsOf(type: ContentType, id: number) {
  return database.db
    .select()
    .from(revisions)
    .where(and(eq(revisions.itemType, type), eq(revisions.itemId, id)))
    .orderBy(asc(revisions.number));
}

async function itemOf(type: ContentType, id: number) {
  const [row] = await database.db
    .select()
    .from(editorialItems)
    .where(and(eq(editorialItems.itemType, type), eq(editorialItems.itemId, id)));
  return row!;
}

async function numberOf(revisionId: number) {
  const [row] = await database.db.select({ n: revisions.number }).from(revisions).where(eq(revisions.id, revisionId));
  return row!.n;
}

/**
 * A law's working copy as the editors' reads return it. Restored events, texts and relations are
 * new rows, so their ids (and the times they were written) are left out.
 */
async function workingCopy(id: number) {
  const { updatedAt: _updated, ...law } = await getLaw(editor, id);
  const events = (await listEvents(editor, id)).map(({ id: _id, accounts, ...event }) => ({
    ...event,
    accounts: accounts.map(({ id: _account, ...account }) => account),
  }));
  const texts = (await listLawTextVersions(editor, id)).map(({ id: _id, updatedAt: _at, ...text }) => text);
  const { outgoing, incoming } = await listLawRelations(editor, id);
  const relations = [...outgoing, ...incoming].map(({ id: _id, ...relation }) => relation);
  return { law, events, texts, relations };
}

/** A snapshot without the ids of the rows a restore writes anew (events, accounts, texts, relations). */
function withoutRowIds(snapshot: Record<string, unknown>) {
  const strip = (list: unknown) => (list as Record<string, unknown>[]).map(({ id: _id, ...row }) => row);
  return {
    ...snapshot,
    events: strip(snapshot.events).map((event) => ({ ...event, accounts: strip(event.accounts) })),
    texts: strip(snapshot.texts),
    relations: strip(snapshot.relations),
  };
}

async function auditCount() {
  return (await database.db.select({ id: auditLog.id }).from(auditLog)).length;
}

describe("restoring a law's revision", () => {
  let id: number;
  let published: { id: number; number: number; hash: string };
  let before: Awaited<ReturnType<typeof workingCopy>>;

  beforeAll(async () => {
    const amended = await createLaw(editor, lawForm({ titles: [{ lang: "en", title: "On public associations" }] }));
    const gazette = await createSource(editor, { title: "Vedomosti of the Supreme Council, 1993" });
    id = (await createLaw(editor, lawForm())).id;
    const base = () => workingRevision(editor, "law", id);
    await addEvent(editor, id, {
      kind: "adopted",
      note: "Adopted by the Supreme Council.",
      accounts: [{ date: "1993-04-14", sourceId: gazette.id, note: "" }],
      baseRevision: await base(),
    });
    await addLawTextVersion(editor, id, {
      lang: "ru",
      official: "on",
      effectiveDate: "1993-04-14",
      sourceId: gazette.id,
      body: "Статья 1. Настоящий Закон реабилитирует жертв массовых политических репрессий.",
      baseRevision: await base(),
    });
    await addLawRelation(editor, id, {
      toLawId: amended.id,
      kind: "amends",
      note: "Article 3 of that law.",
      baseRevision: await base(),
    });
    const publishedId = await publishItem(database.db, "law", id);
    const [row] = await database.db.select().from(revisions).where(eq(revisions.id, publishedId));
    published = { id: row!.id, number: row!.number, hash: row!.hash };
    before = await workingCopy(id);

    // Then everything changes, and that is published too: the public reads the changed law.
    await updateLaw(editor, id, {
      ...lawForm({
        summary: "A summary rewritten later.",
        titles: [{ lang: "en", title: "On the rehabilitation of the repressed" }],
      }),
      baseRevision: await base(),
    });
    await removeEvent(editor, (await listEvents(editor, id))[0]!.id, await base());
    const [text] = await listLawTextVersions(editor, id);
    await updateLawTextVersion(editor, text!.id, {
      lang: "ru",
      body: "Статья 1. Другой текст.",
      baseRevision: await base(),
    });
    const [relation] = (await listLawRelations(editor, id)).outgoing;
    await removeLawRelation(editor, relation!.id, await base());
    await publishItem(database.db, "law", id);
  });

  test("the changes are in place before the restore", async () => {
    const changed = await workingCopy(id);
    expect(changed.law).toMatchObject({
      title: "On the rehabilitation of the repressed",
      summary: "A summary rewritten later.",
    });
    expect(changed.events).toEqual([]);
    expect(changed.texts).toMatchObject([{ excerpt: "Статья 1. Другой текст." }]);
    expect(changed.relations).toEqual([]);
  });

  test("a stale base is refused with who saved since, and writes nothing", async () => {
    const list = await revisionsOf("law", id);
    const audited = await auditCount();
    const copy = await workingCopy(id);
    const error = await restoreLawRevision(editor, id, published.number, list.at(-2)!.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EditConflictError);
    expect((error as EditConflictError).current).toMatchObject({ revisionId: list.at(-1)!.id, by: "Erlan Editor" });
    expect(await revisionsOf("law", id)).toEqual(list);
    expect(await auditCount()).toBe(audited);
    expect(await workingCopy(id)).toEqual(copy);
  });

  test("a revision that does not exist is not found; a signed-out user may not restore", async () => {
    const base = await workingRevision(editor, "law", id);
    const last = (await revisionsOf("law", id)).at(-1)!.number;
    await expect(restoreLawRevision(editor, id, last + 1, base)).rejects.toBeInstanceOf(NotFoundError);
    await expect(restoreLawRevision(editor, id, 0, base)).rejects.toBeInstanceOf(NotFoundError);
    await expect(restoreLawRevision(anonymous(database.db), id, published.number, base)).rejects.toBeInstanceOf(
      NotAuthenticatedError,
    );
    expect((await revisionsOf("law", id)).at(-1)!.number).toBe(last);
  });

  test("the working copy is the published revision's again: fields, timeline, texts and relations", async () => {
    const live = (await itemOf("law", id)).liveRevisionId;
    const last = (await revisionsOf("law", id)).at(-1)!;
    await restoreLawRevision(editor, id, published.number, await workingRevision(editor, "law", id));

    expect(await workingCopy(id)).toEqual(before);
    const restored = (await revisionsOf("law", id)).at(-1)!;
    expect(restored).toMatchObject({
      number: last.number + 1,
      parentId: last.id,
      authorId: editor.actor!.id,
      message: `Restored revision ${published.number}`,
    });
    const item = await itemOf("law", id);
    expect(item).toMatchObject({ workingRevisionId: restored.id, review: "draft", liveRevisionId: live });
    expect(live).not.toBe(published.id);

    // Readers keep the changed law until the restored revision is published.
    await publishItem(database.db, "law", id);
    expect((await itemOf("law", id)).liveRevisionId).toBe(restored.id);
  });

  test("the restored revision records the restored one's snapshot", async () => {
    const [old] = await database.db.select().from(revisions).where(eq(revisions.id, published.id));
    const restored = (await revisionsOf("law", id)).find((r) => r.message === `Restored revision ${published.number}`)!;
    expect(withoutRowIds(restored.snapshot)).toEqual(withoutRowIds(old!.snapshot));
  });

  // The restore re-inserts events, accounts, texts and relations with the ids they had, so the
  // history shows no change between the two, rather than everything removed and added again.
  test("the restored revision's snapshot hash equals the restored revision's", async () => {
    const restored = (await revisionsOf("law", id)).find((r) => r.message === `Restored revision ${published.number}`)!;
    expect(restored.hash).toBe(published.hash);
  });
});

describe("restoring a revision that links a record deleted since", () => {
  test("a timeline or text source deleted since is dropped from the restored law", async () => {
    const source = await createSource(editor, { title: "A report later found to be forged" });
    const id = (await createLaw(editor, lawForm({ slug: "forged-source-law" }))).id;
    const base = () => workingRevision(editor, "law", id);
    await addEvent(editor, id, {
      kind: "signed",
      accounts: [{ date: "1993-04", sourceId: source.id, note: "" }],
      baseRevision: await base(),
    });
    const text = await addLawTextVersion(editor, id, {
      lang: "ru",
      sourceId: source.id,
      body: "Статья 1.",
      baseRevision: await base(),
    });
    const linked = await numberOf(await base());

    await removeEvent(editor, (await listEvents(editor, id))[0]!.id, await base());
    await removeLawTextVersion(editor, text.id, await base());
    await deleteSource(editor, source.id);

    await restoreLawRevision(editor, id, linked, await base());
    const events = await listEvents(editor, id);
    expect(events).toMatchObject([{ kind: "signed", accounts: [{ sourceId: null, sourceTitle: null }] }]);
    expect(events[0]!.accounts[0]!.date).toMatchObject({ date: "1993-04-01", precision: "month" });
    expect(await listLawTextVersions(editor, id)).toMatchObject([{ lang: "ru", sourceId: null, excerpt: "Статья 1." }]);
  });

  test("a law-level source deleted since is dropped from the restored law", async () => {
    const source = await createSource(editor, { title: "A source nobody cites any more" });
    const id = (await createLaw(editor, lawForm({ slug: "cited-source-law", sourceIds: [source.id] }))).id;
    const linked = await numberOf(await workingRevision(editor, "law", id));
    await updateLaw(editor, id, {
      ...lawForm({ sourceIds: [], summary: "Rewritten after the source was dropped." }),
      baseRevision: await workingRevision(editor, "law", id),
    });
    await deleteSource(editor, source.id);

    await restoreLawRevision(editor, id, linked, await workingRevision(editor, "law", id));
    const law = await getLaw(editor, id);
    expect(law.sources).toEqual([]);
    expect(law.summary).toBe(lawForm().summary);
    expect((await revisionsOf("law", id)).at(-1)!.message).toBe(`Restored revision ${linked}`);
  });
});

describe("restoring articles and agents", () => {
  test("an article's fields come back", async () => {
    const first = {
      kind: "analysis",
      title: "Thirty years of rehabilitation in Kazakhstan",
      body: "The 1993 law and what followed.",
      lang: "en",
      originalDate: "2023-04",
      originalUrl: "https://example.org/thirty-years",
      jurisdictionCodes: ["KZ"],
    };
    const article = await createArticle(editor, first);
    const original = (await revisionsOf("article", article.id))[0]!;
    await updateArticle(editor, article.id, {
      ...first,
      kind: "opinion",
      title: "A rewritten title",
      body: "A rewritten body.",
      originalDate: "",
      originalUrl: "",
      jurisdictionCodes: [],
      baseRevision: await workingRevision(editor, "article", article.id),
    });

    const restored = await restoreArticleRevision(
      editor,
      article.id,
      original.number,
      await workingRevision(editor, "article", article.id),
    );
    const { id: _id, createdById: _by, createdAt: _created, updatedAt: _updated, ...fields } = restored;
    expect({ schemaVersion: articleSnapshotVersion, ...fields, attachments: [] }).toEqual(original.snapshot);
    const last = (await revisionsOf("article", article.id)).at(-1)!;
    expect(last).toMatchObject({ number: 3, message: "Restored revision 1", hash: original.hash });
  });

  test("an agent's fields come back", async () => {
    const first = {
      kind: "legislature" as const,
      preferredName: "Supreme Council of Kazakhstan",
      description: "The legislature until 1995.",
      names: [{ name: "Верховный Совет Республики Казахстан", lang: "ru" }],
      links: [{ label: "Wikipedia", url: "https://en.wikipedia.org/wiki/Supreme_Council_of_Kazakhstan" }],
    };
    const agent = await createAgent(editor, first);
    const original = (await revisionsOf("agent", agent.id))[0]!;
    await updateAgent(editor, agent.id, {
      ...first,
      kind: "government_body",
      preferredName: "A renamed body",
      description: "",
      names: [],
      links: [],
      baseRevision: await workingRevision(editor, "agent", agent.id),
    });

    const restored = await restoreAgentRevision(
      editor,
      agent.id,
      original.number,
      await workingRevision(editor, "agent", agent.id),
    );
    expect(restored).toMatchObject(first);
    const last = (await revisionsOf("agent", agent.id)).at(-1)!;
    expect(last).toMatchObject({ number: 3, message: "Restored revision 1", hash: original.hash });
  });
});
