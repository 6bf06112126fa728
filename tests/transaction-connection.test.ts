import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import type { Database, Db } from "@/db";
import { agents, lawRelations, laws, sources, topics } from "@/db/schema";
import { getArticle } from "@/modules/articles/read";
import { createArticle, updateArticle } from "@/modules/articles/save";
import type { Ctx } from "@/modules/auth/context";
import { listLawRelations } from "@/modules/laws/relations";
import { dashboardCounts } from "@/modules/system/dashboard";
import { seed } from "@/modules/system/seed";
import { createTestDatabase } from "./db";
import { makeJurisdiction, makeUser, workingRevision } from "./factories";
import { watchOverlappingQueries } from "./overlap";

/**
 * A transaction holds one connection, which runs one query at a time: pg queues a second query
 * started meanwhile, deprecates doing so, and will refuse it in pg 9. The seed runs the domain
 * functions inside its transaction, so every read and write they make must go one after another.
 */
let database: Database;
let admin: Ctx;
let watcher: { overlaps: string[] };
const warnings: string[] = [];
const onWarning = (warning: Error) => warnings.push(warning.message);
let ids: { agent: number; law: number; other: number; topic: number; source: number };

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  admin = (await makeUser(db, "admin")).ctx;
  await makeJurisdiction(db, "KG", "Kyrgyzstan");
  const [agent] = await db
    .insert(agents)
    .values({ slug: "author", kind: "person", preferredName: "Author" })
    .returning();
  const [law, other] = await db
    .insert(laws)
    .values([
      { slug: "law", jurisdictionCode: "KG", title: "A law", summary: "", status: "adopted" },
      { slug: "other", jurisdictionCode: "KG", title: "Another law", summary: "", status: "bill" },
    ])
    .returning();
  await db.insert(lawRelations).values([
    { fromLawId: law!.id, toLawId: other!.id, kind: "amends" },
    { fromLawId: other!.id, toLawId: law!.id, kind: "cites" },
  ]);
  const [topic] = await db.insert(topics).values({ slug: "topic", name: "Topic" }).returning();
  const [source] = await db.insert(sources).values({ title: "Source" }).returning();
  ids = { agent: agent!.id, law: law!.id, other: other!.id, topic: topic!.id, source: source!.id };
  watcher = watchOverlappingQueries(database);
  process.on("warning", onWarning);
});
afterAll(async () => {
  process.off("warning", onWarning);
  await database.close();
});
beforeEach(() => {
  watcher.overlaps.length = 0;
});
afterEach(() => {
  expect(watcher.overlaps).toEqual([]);
  expect(warnings.filter((w) => w.includes("already executing a query"))).toEqual([]);
});

/** Runs a domain function the way the seed does: inside one transaction, as its ctx.db. */
function inTransaction<T>(run: (ctx: Ctx) => Promise<T>): Promise<T> {
  return database.db.transaction((tx) => run({ db: tx as unknown as Db, actor: admin.actor }));
}

const article = () => ({
  kind: "news",
  title: "A report",
  lang: "en",
  authorIds: [String(ids.agent)],
  publisherId: String(ids.agent),
  lawIds: [String(ids.law)],
  topicIds: [String(ids.topic)],
  jurisdictionCodes: ["KG"],
  sourceIds: [String(ids.source)],
});

describe("inside a transaction, one query at a time", () => {
  test("createArticle checks its links, and getArticle reads them", async () => {
    const created = await inTransaction((ctx) => createArticle(ctx, article()));
    expect(created.authors.map((a) => a.id)).toEqual([ids.agent]);
    const read = await inTransaction((ctx) => getArticle(ctx, created.id));
    expect(read.laws.map((l) => l.id)).toEqual([ids.law]);
    expect(read.sources.map((s) => s.id)).toEqual([ids.source]);
  });

  test("updateArticle replaces its links", async () => {
    const created = await createArticle(admin, article());
    const baseRevision = await workingRevision(admin, "article", created.id);
    watcher.overlaps.length = 0;
    const updated = await inTransaction((ctx) =>
      updateArticle(ctx, created.id, { ...article(), lawIds: [String(ids.other)], topicIds: [], baseRevision }),
    );
    expect(updated.laws.map((l) => l.id)).toEqual([ids.other]);
    expect(updated.topics).toEqual([]);
  });

  test("listLawRelations reads both sides", async () => {
    const relations = await inTransaction((ctx) => listLawRelations(ctx, ids.law));
    expect(relations.outgoing.map((r) => r.kind)).toEqual(["amends"]);
    expect(relations.incoming.map((r) => r.kind)).toEqual(["cites"]);
  });

  test("dashboardCounts counts", async () => {
    const counts = await inTransaction((ctx) => dashboardCounts(ctx));
    expect(counts.laws).toBeGreaterThanOrEqual(2);
    expect(counts.activeUsers).toBeGreaterThanOrEqual(1);
  });

  test("the seed loads the whole demo content in its one transaction", async () => {
    const result = await seed(database.db, { adminEmail: "seed-admin@example.org" });
    expect(result.lawsAdded).toBeGreaterThan(0);
  });
});
