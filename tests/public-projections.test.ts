import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { Database } from "@/db";
import { editorialItems, publicArticles, publicLaws, publicLinks, publicTags } from "@/db/schema";
import { createAgent } from "@/modules/agents/save";
import { createArticle, updateArticle } from "@/modules/articles/save";
import { commandLineActor, type Ctx } from "@/modules/auth/context";
import { createLaw } from "@/modules/laws/save";
import { readTopic, readTopics } from "@/modules/public/topic";
import { backfillPublicIndex } from "@/modules/system/backfill";
import { createTopic } from "@/modules/topics/save";
import { makeLive } from "@/modules/workflow/publish";
import { moveItem } from "@/modules/workflow/transitions";
import { createTestDatabase } from "./db";
import { makeJurisdiction, makeUser, publishItem, workingRevision } from "./factories";

let database: Database;
let editor: Ctx;
let admin: Ctx;
let topicId: number;
let authorId: number;
beforeAll(async () => {
  database = await createTestDatabase();
  await makeJurisdiction(database.db, "KG", "Kyrgyzstan");
  editor = (await makeUser(database.db, "editor")).ctx;
  admin = { db: database.db, actor: commandLineActor };
  topicId = (await createTopic(admin, { name: "Rehabilitation" })).id;
  authorId = (await createAgent(editor, { kind: "person", preferredName: "A. Writer" })).id;
});
afterAll(() => database.close());

const law = (title: string, topicIds: number[] = []) =>
  createLaw(editor, {
    jurisdictionCode: "KG",
    type: "law",
    status: "in_force",
    titles: [{ lang: "en", title }],
    topicIds,
  });
const article = (title: string, lawIds: number[]) =>
  createArticle(editor, { kind: "news", title, lang: "en", lawIds, authorIds: [authorId] });

async function readModel(articleId: number) {
  const db = database.db;
  return {
    row: (await db.select().from(publicArticles).where(eq(publicArticles.articleId, articleId)))[0],
    links: await db
      .select({ kind: publicLinks.kind, toType: publicLinks.toType, toId: publicLinks.toId })
      .from(publicLinks)
      .where(and(eq(publicLinks.fromType, "article"), eq(publicLinks.fromId, articleId))),
    tags: await db
      .select({ vocabulary: publicTags.vocabulary, value: publicTags.value, direct: publicTags.direct })
      .from(publicTags)
      .where(and(eq(publicTags.itemType, "article"), eq(publicTags.itemId, articleId))),
  };
}

async function act(type: "law" | "article", id: number, action: string, ctx: Ctx = editor) {
  return moveItem(ctx, { type, id, action, baseRevision: await workingRevision(ctx, type, id) });
}

test("publishing an article writes its row, links and tags (those of the live laws it discusses); withdrawing removes them", async () => {
  const discussed = (await law("A law on rehabilitation", [topicId])).id;
  const draft = (await law("A law still in draft", [topicId])).id;
  await publishItem(database.db, "law", discussed);
  const piece = (await article("A report", [discussed, draft])).id;
  expect((await readModel(piece)).row).toBeUndefined();

  await publishItem(database.db, "article", piece);
  const model = await readModel(piece);
  expect(model.row).toMatchObject({ slug: "a-report", kind: "news", title: "A report", authorIds: [authorId] });
  expect(model.links).toEqual(
    expect.arrayContaining([
      { kind: "discusses", toType: "law", toId: discussed },
      { kind: "discusses", toType: "law", toId: draft },
      { kind: "author", toType: "agent", toId: authorId },
    ]),
  );
  // Tagged by the published law it discusses; the draft law adds nothing readers could see.
  expect(model.tags).toEqual(
    expect.arrayContaining([
      { vocabulary: "topic", value: String(topicId), direct: false },
      { vocabulary: "jurisdiction", value: "KG", direct: false },
    ]),
  );
  expect((await readTopic(database.db, "rehabilitation"))!.articles.map((a) => a.title)).toContain("A report");

  await act("article", piece, "withdraw");
  expect(await readModel(piece)).toEqual({ row: undefined, links: [], tags: [] });
  expect((await readTopic(database.db, "rehabilitation"))!.articles.map((a) => a.title)).not.toContain("A report");
});

test("a law's withdrawal takes its topics off the articles discussing it, and its publication brings them back", async () => {
  const discussed = (await law("A law withdrawn later", [topicId])).id;
  await publishItem(database.db, "law", discussed);
  const piece = (await article("A report on a withdrawn law", [discussed])).id;
  await publishItem(database.db, "article", piece);
  expect((await readModel(piece)).tags).toContainEqual({ vocabulary: "topic", value: String(topicId), direct: false });

  await act("law", discussed, "withdraw");
  expect((await readModel(piece)).tags).toEqual([]);
  expect(await database.db.select().from(publicLaws).where(eq(publicLaws.lawId, discussed))).toEqual([]);
  expect(
    await database.db
      .select()
      .from(publicLinks)
      .where(and(eq(publicLinks.fromType, "law"), eq(publicLinks.fromId, discussed))),
  ).toEqual([]);

  await publishItem(database.db, "law", discussed);
  expect((await readModel(piece)).tags).toContainEqual({ vocabulary: "topic", value: String(topicId), direct: false });
});

test("a law merged into another leaves the read model with its withdrawal", async () => {
  const kept = (await law("The law kept", [topicId])).id;
  const merged = (await law("The law merged away", [topicId])).id;
  await publishItem(database.db, "law", kept);
  await publishItem(database.db, "law", merged);
  await moveItem(editor, {
    type: "law",
    id: merged,
    action: "withdraw",
    mergedIntoId: kept,
    baseRevision: await workingRevision(editor, "law", merged),
  });
  const rows = await database.db.select({ id: publicLaws.lawId }).from(publicLaws);
  expect(rows.map((r) => r.id)).toContain(kept);
  expect(rows.map((r) => r.id)).not.toContain(merged);
  expect(
    await database.db
      .select()
      .from(publicTags)
      .where(and(eq(publicTags.itemType, "law"), eq(publicTags.itemId, merged))),
  ).toEqual([]);
});

test("archiving an article removes its rows like a withdrawal", async () => {
  const piece = (await article("A report archived later", [])).id;
  await publishItem(database.db, "article", piece);
  expect((await readModel(piece)).row).toBeDefined();
  await act("article", piece, "archive", admin);
  expect(await readModel(piece)).toEqual({ row: undefined, links: [], tags: [] });
});

test("a draft saved over a published article changes nothing readers see until it is published", async () => {
  const piece = (await article("The published title", [])).id;
  await publishItem(database.db, "article", piece);
  const before = await readModel(piece);
  await updateArticle(editor, piece, {
    kind: "opinion",
    title: "A newer title still in draft",
    lang: "en",
    baseRevision: await workingRevision(editor, "article", piece),
  });
  expect(await readModel(piece)).toEqual(before);

  await publishItem(database.db, "article", piece);
  expect((await readModel(piece)).row).toMatchObject({ title: "A newer title still in draft", kind: "opinion" });
});

test("a publication that fails leaves no projection behind: it is written in the publishing transaction", async () => {
  const piece = (await article("A publication rolled back", [])).id;
  const [row] = await database.db
    .select()
    .from(editorialItems)
    .where(and(eq(editorialItems.itemType, "article"), eq(editorialItems.itemId, piece)));
  await expect(
    database.db.transaction(async (tx) => {
      await makeLive(tx, row!, new Date());
      throw new Error("the publication fails after the projection");
    }),
  ).rejects.toThrow("the publication fails");
  expect(await readModel(piece)).toEqual({ row: undefined, links: [], tags: [] });
});

test("after the upgrade (migration 0020 empties the laws' rows) the start writes the read model again from what is live", async () => {
  const discussed = (await law("A law from before the upgrade", [topicId])).id;
  await publishItem(database.db, "law", discussed);
  const piece = (await article("A report from before the upgrade", [discussed])).id;
  await publishItem(database.db, "article", piece);
  const before = await readModel(piece);
  // What an archive published before migration 0020 has: no article rows, links or tags, no law rows.
  await database.db.delete(publicTags).where(and(eq(publicTags.itemType, "article"), eq(publicTags.itemId, piece)));
  await database.db.delete(publicLinks).where(and(eq(publicLinks.fromType, "article"), eq(publicLinks.fromId, piece)));
  await database.db.delete(publicArticles).where(eq(publicArticles.articleId, piece));
  await database.db.delete(publicLaws).where(eq(publicLaws.lawId, discussed));

  await backfillPublicIndex(database.db);
  expect(await readModel(piece)).toEqual(before);
  expect(await database.db.select().from(publicLaws).where(eq(publicLaws.lawId, discussed))).toHaveLength(1);
});

test("the topics' counts follow every tag written and removed, and /topics reads them", async () => {
  const counted = (await createTopic(admin, { name: "Counted topic" })).id;
  const countsOf = async () =>
    (await readTopics(database.db)).find((t) => t.path === "/topics/counted-topic") ?? { laws: 0, articles: 0 };
  const discussed = (await law("A law on a counted topic", [counted])).id;
  await publishItem(database.db, "law", discussed);
  const piece = (await article("A report on a counted topic", [discussed])).id;
  await publishItem(database.db, "article", piece);
  expect(await countsOf()).toMatchObject({ laws: 1, articles: 1 });

  // The law's withdrawal takes its topic off the article too; its publication brings both back.
  await act("law", discussed, "withdraw");
  expect(await countsOf()).toMatchObject({ laws: 0, articles: 0 });
  await publishItem(database.db, "law", discussed);
  await act("article", piece, "withdraw");
  expect(await countsOf()).toMatchObject({ laws: 1, articles: 0 });

  // Whatever else this file published and withdrew, the counts are public_tags' own.
  const { rows: drift } = await database.db.execute(sql`select * from public_tag_counts c
    full join (select vocabulary, value, item_type, count(*)::int as n from public_tags group by 1, 2, 3) t
      using (vocabulary, value, item_type)
    where coalesce(c.n, 0) <> coalesce(t.n, 0)`);
  expect(drift).toEqual([]);
  await expect(database.db.execute(sql`truncate public_tags`)).rejects.toThrow();
});
