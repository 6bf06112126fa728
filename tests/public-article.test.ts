import { afterAll, beforeAll, expect, test } from "vitest";
import type { Database } from "@/db";
import { and, eq } from "drizzle-orm";
import { liveDocuments } from "@/db/schema";
import type { Ctx } from "@/modules/auth/context";
import { createArticle } from "@/modules/articles/save";
import { parseArticleSnapshot } from "@/modules/articles/snapshot-schema";
import { createLaw } from "@/modules/laws/save";
import { articlesDiscussing, articleView } from "@/modules/public/article";
import { createTestDatabase } from "./db";
import { makeJurisdiction, makeUser, publishItem } from "./factories";

let database: Database;
let editor: Ctx;
let publishedLaw: number;
let draftLaw: number;
beforeAll(async () => {
  database = await createTestDatabase();
  await makeJurisdiction(database.db, "KG", "Kyrgyzstan");
  editor = (await makeUser(database.db, "editor")).ctx;
  const law = (title: string) =>
    createLaw(editor, { jurisdictionCode: "KG", type: "law", status: "in_force", titles: [{ lang: "en", title }] });
  publishedLaw = (await law("A published law")).id;
  draftLaw = (await law("A law still in draft")).id;
  await publishItem(database.db, "law", publishedLaw);
});
afterAll(() => database.close());

const article = (title: string, kind: string, lawIds: number[]) =>
  createArticle(editor, { kind, title, lang: "en", jurisdictionCodes: ["KG"], lawIds });

test("a law's page lists only the published articles that discuss it, with their kind", async () => {
  const news = await article("A published report", "news", [publishedLaw]);
  const opinion = await article("A published commentary", "opinion", [publishedLaw, draftLaw]);
  await article("A commentary still in draft", "opinion", [publishedLaw]);
  await publishItem(database.db, "article", news.id);
  await publishItem(database.db, "article", opinion.id);

  const discussions = await articlesDiscussing(database.db, publishedLaw);
  expect(discussions.map((d) => [d.kind, d.title, d.path]).sort()).toEqual([
    ["news", "A published report", "/articles/a-published-report"],
    ["opinion", "A published commentary", "/articles/a-published-commentary"],
  ]);
});

test("an article's page links only the laws discussed that are published", async () => {
  const piece = await article("Two laws compared", "analysis", [draftLaw, publishedLaw]);
  await publishItem(database.db, "article", piece.id);
  const [doc] = await database.db
    .select({ snapshot: liveDocuments.snapshot, publishedAt: liveDocuments.publishedAt })
    .from(liveDocuments)
    .where(and(eq(liveDocuments.itemType, "article"), eq(liveDocuments.itemId, piece.id)));
  const view = await articleView(database.db, piece.id, parseArticleSnapshot(doc!.snapshot), doc!.publishedAt);
  expect(view.laws).toEqual([{ title: "A published law", path: "/laws/kg/a-published-law" }]);
  expect(view).toMatchObject({ articleKind: "analysis", title: "Two laws compared", jurisdictions: ["Kyrgyzstan"] });
});
