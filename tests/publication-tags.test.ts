import { desc } from "drizzle-orm";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { Database } from "@/db";
import { cacheInvalidations } from "@/db/schema";
import { createAgent } from "@/modules/agents/save";
import { createArticle, updateArticle } from "@/modules/articles/save";
import type { Ctx } from "@/modules/auth/context";
import { createLaw } from "@/modules/laws/save";
import { createTopic } from "@/modules/topics/save";
import { moveItem } from "@/modules/workflow/transitions";
import { createTestDatabase } from "./db";
import { makeJurisdiction, makeUser, publishItem, workingRevision } from "./factories";

let database: Database;
let editor: Ctx;
let authorId: number;
let lawId: number;
beforeAll(async () => {
  database = await createTestDatabase();
  await makeJurisdiction(database.db, "KG", "Kyrgyzstan");
  editor = (await makeUser(database.db, "editor")).ctx;
  authorId = (await createAgent(editor, { kind: "person", preferredName: "A. Reporter" })).id;
  lawId = (
    await createLaw(editor, {
      jurisdictionCode: "KG",
      type: "law",
      status: "in_force",
      titles: [{ lang: "en", title: "A rehabilitation law" }],
    })
  ).id;
  await publishItem(database.db, "law", lawId);
  await publishItem(database.db, "agent", authorId);
});
afterAll(() => database.close());

/** The tags the newest change that reached readers expired, on every instance. */
async function lastExpired(): Promise<{ id: number; tags: string[] } | undefined> {
  const [row] = await database.db
    .select({ id: cacheInvalidations.id, tags: cacheInvalidations.tags })
    .from(cacheInvalidations)
    .orderBy(desc(cacheInvalidations.id))
    .limit(1);
  return row;
}

test("an article's publication expires its own pages, its address, its type's lists and the pages of what it links to", async () => {
  const { id } = await createArticle(editor, {
    kind: "news",
    title: "Parliament passes it",
    lang: "en",
    lawIds: [lawId],
    authorIds: [authorId],
  });
  await publishItem(database.db, "article", id);
  const { tags } = (await lastExpired())!;
  expect(tags).toEqual(
    expect.arrayContaining([
      `article:${id}`,
      "list:article",
      "address:article:/parliament-passes-it",
      "addresses",
      `law:${lawId}`,
      `agent:${authorId}`,
    ]),
  );
  // Nothing else's pages: not every law, not every page.
  expect(tags).not.toContain("public");
  expect(tags).not.toContain("list:law");
});

test("a draft save expires nothing; republishing at the same address leaves the addresses alone, and a law no longer discussed is expired too", async () => {
  const other = (
    await createLaw(editor, {
      jurisdictionCode: "KG",
      type: "law",
      status: "in_force",
      titles: [{ lang: "en", title: "Another law" }],
    })
  ).id;
  await publishItem(database.db, "law", other);
  const { id } = await createArticle(editor, {
    kind: "news",
    title: "A second report",
    lang: "en",
    lawIds: [lawId],
    authorIds: [],
  });
  await publishItem(database.db, "article", id);
  const published = (await lastExpired())!;

  await updateArticle(editor, id, {
    kind: "news",
    title: "A second report",
    lang: "en",
    lawIds: [other],
    authorIds: [],
    baseRevision: await workingRevision(editor, "article", id),
  });
  expect((await lastExpired())!.id).toBe(published.id);

  await publishItem(database.db, "article", id);
  const { tags } = (await lastExpired())!;
  expect(tags).toEqual(expect.arrayContaining([`article:${id}`, `law:${lawId}`, `law:${other}`]));
  expect(tags).not.toContain("addresses");
});

test("renaming an agent expires the pages of what names it; a topic edit expires the pages its name is on", async () => {
  const { id } = await createArticle(editor, {
    kind: "news",
    title: "Named by a reporter",
    lang: "en",
    lawIds: [],
    authorIds: [authorId],
  });
  await publishItem(database.db, "article", id);
  await moveItem(editor, {
    type: "agent",
    id: authorId,
    action: "withdraw",
    baseRevision: await workingRevision(editor, "agent", authorId),
    comment: "Test",
  });
  const { tags } = (await lastExpired())!;
  expect(tags).toEqual(expect.arrayContaining([`agent:${authorId}`, `article:${id}`, "addresses", "list:article"]));

  await createTopic({ db: database.db, actor: (await makeUser(database.db, "admin")).actor }, { name: "Archives" });
  expect((await lastExpired())!.tags).toEqual(expect.arrayContaining(["vocabulary", "list:law", "list:article"]));
});
