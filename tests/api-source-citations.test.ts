import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, test, vi } from "vitest";
import type { Database } from "@/db";
import { publicSourceCitations } from "@/db/schema";
import type { Ctx } from "@/modules/auth/context";
import { createArticle, updateArticle } from "@/modules/articles/save";
import { addEvent } from "@/modules/laws/events";
import { createLaw } from "@/modules/laws/save";
import { createSource } from "@/modules/sources/save";
import { moveItem } from "@/modules/workflow/transitions";
import { GET as getSource } from "@/app/api/v1/sources/[id]/route";
import { GET as listSources } from "@/app/api/v1/sources/route";
import { api, ask } from "./api-helpers";
import { createTestDatabase } from "./db";
import { makeJurisdiction, makeUser, publishItem, workingRevision } from "./factories";

/*
 * The sources the read API shows follow public_source_citations, written at publication: a
 * source appears when an item citing it is published and goes when that item is withdrawn or
 * published again without it.
 */
vi.mock("next/cache", () => ({ cacheTag: () => undefined, cacheLife: () => undefined }));
vi.mock("@/modules/public/site", () => ({ siteOrigin: async () => "https://archive.example" }));
vi.mock("@/db", async (original) => ({
  ...(await original<typeof import("@/db")>()),
  getDatabase: async () => api.database!,
}));

let database: Database;
let admin: Ctx;
beforeAll(async () => {
  database = api.database = await createTestDatabase();
  await makeJurisdiction(database.db, "KG", "Kyrgyzstan");
  admin = (await makeUser(database.db, "admin")).ctx;
});
afterAll(() => database.close());

const source = async (title: string, url = "") => (await createSource(admin, { title, url })).id;
const status = async (id: number) =>
  (await getSource(ask(`/api/v1/sources/${id}`), { params: Promise.resolve({ id: String(id) }) })).status;
const listed = async () => {
  const body = (await (await listSources(ask("/api/v1/sources?limit=100"))).json()) as { data: { id: number }[] };
  return body.data.map((s) => s.id);
};
const citations = (fromType: "law" | "article", fromId: number) =>
  database.db
    .select({
      sourceId: publicSourceCitations.sourceId,
      title: publicSourceCitations.title,
      url: publicSourceCitations.url,
    })
    .from(publicSourceCitations)
    .where(and(eq(publicSourceCitations.fromType, fromType), eq(publicSourceCitations.fromId, fromId)))
    .orderBy(asc(publicSourceCitations.position));
const act = async (type: "law" | "article", id: number, action: string) =>
  moveItem(admin, { type, id, action, baseRevision: await workingRevision(admin, type, id) });

test("a law's sources and the accounts of its timeline are cited once it is published, and no longer once withdrawn", async () => {
  const listedSource = await source("Gazette of the law", "https://gazette.example");
  const account = await source("Press release dating a step");
  const law = await createLaw(admin, {
    type: "law",
    status: "in_force",
    jurisdictionCode: "KG",
    titles: [{ lang: "en", title: "A law citing two sources" }],
    sourceIds: [listedSource],
  });
  await addEvent(admin, law.id, {
    kind: "adopted",
    accounts: [{ date: "2024-11-20", sourceId: String(account) }],
    baseRevision: await workingRevision(admin, "law", law.id),
  });
  expect(await citations("law", law.id)).toEqual([]);
  expect(await status(listedSource)).toBe(404);

  await publishItem(database.db, "law", law.id);
  expect(await citations("law", law.id)).toEqual([
    { sourceId: listedSource, title: "Gazette of the law", url: "https://gazette.example" },
    { sourceId: account, title: "Press release dating a step", url: null },
  ]);
  expect(await status(listedSource)).toBe(200);
  expect(await status(account)).toBe(200);
  expect(await listed()).toEqual(expect.arrayContaining([listedSource, account]));

  await act("law", law.id, "withdraw");
  expect(await citations("law", law.id)).toEqual([]);
  expect(await status(listedSource)).toBe(404);
  expect(await status(account)).toBe(404);
  expect(await listed()).not.toContain(listedSource);
  expect(await listed()).not.toContain(account);
});

test("an article published again without a source no longer cites it; the source it keeps stays", async () => {
  const kept = await source("A source the article keeps");
  const dropped = await source("A source the article drops");
  const values = { kind: "news" as const, title: "An article changing its sources", lang: "en" };
  const article = await createArticle(admin, { ...values, sourceIds: [kept, dropped] });
  await publishItem(database.db, "article", article.id);
  expect((await citations("article", article.id)).map((c) => c.sourceId).sort()).toEqual([kept, dropped].sort());
  expect(await status(dropped)).toBe(200);

  await updateArticle(admin, article.id, {
    ...values,
    sourceIds: [kept],
    baseRevision: await workingRevision(admin, "article", article.id),
  });
  // A draft without it changes nothing readers see until it is published.
  expect(await status(dropped)).toBe(200);

  await publishItem(database.db, "article", article.id);
  expect(await citations("article", article.id)).toEqual([
    { sourceId: kept, title: "A source the article keeps", url: null },
  ]);
  expect(await status(dropped)).toBe(404);
  expect(await listed()).not.toContain(dropped);
  expect(await status(kept)).toBe(200);
  expect(await listed()).toContain(kept);
});
