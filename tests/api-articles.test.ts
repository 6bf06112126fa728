import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import type { Database } from "@/db";
import type { Ctx } from "@/modules/auth/context";
import { createAgent } from "@/modules/agents/save";
import { createArticle, updateArticle } from "@/modules/articles/save";
import { createLaw } from "@/modules/laws/save";
import { articleListSchema, articleSchema } from "@/modules/public/api/schemas/article";
import { createSource } from "@/modules/sources/save";
import { createTopic } from "@/modules/topics/save";
import { moveItem } from "@/modules/workflow/transitions";
import { GET as getArticle } from "@/app/api/v1/articles/[slug]/route";
import { GET as listArticles } from "@/app/api/v1/articles/route";
import {
  api,
  ask,
  expectAnswer,
  expectCachedAnswer,
  expectProblem,
  openApiSchemas,
  origin,
  queryOf,
  walk,
  type DocumentSchema,
} from "./api-helpers";
import { createTestDatabase } from "./db";
import { makeJurisdiction, makeUser, publishItem, workingRevision } from "./factories";

/* The read API's article endpoints through their route handlers, on a test database (./api-helpers.ts). */
vi.mock("next/cache", () => ({ cacheTag: () => undefined, cacheLife: () => undefined }));
vi.mock("@/modules/public/site", () => ({ siteOrigin: async () => "https://archive.example" }));
vi.mock("@/db", async (original) => ({
  ...(await original<typeof import("@/db")>()),
  getDatabase: async () => api.database!,
}));

let database: Database;
let admin: Ctx;
let documentSchema: DocumentSchema;
const ids: Record<string, number> = {};
const slugs: Record<string, string> = {};
const newsForm = (extra: Record<string, unknown> = {}) => ({
  kind: "news",
  title: "Bishkek court rehabilitates victims",
  lang: "en",
  body: "Published body.",
  originalDate: "2024-11-21",
  originalUrl: "https://news.example/bishkek",
  jurisdictionCodes: ["KG"],
  ...extra,
});
beforeAll(async () => {
  database = api.database = await createTestDatabase();
  await makeJurisdiction(database.db, "KG", "Kyrgyzstan");
  await makeJurisdiction(database.db, "KZ", "Kazakhstan");
  admin = (await makeUser(database.db, "admin")).ctx;
  const topic = (await createTopic(admin, { name: "Rehabilitation", slug: "rehabilitation" })).id;
  const writer = (await createAgent(admin, { kind: "person", preferredName: "Ainura Writer" })).id;
  const hidden = (await createAgent(admin, { kind: "media_outlet", preferredName: "An outlet never published" })).id;
  await publishItem(database.db, "agent", writer);
  const law = async (title: string, topicIds: number[]) =>
    (
      await createLaw(admin, {
        type: "law",
        status: "in_force",
        jurisdictionCode: "KG",
        titles: [{ lang: "en", title }],
        topicIds,
      })
    ).id;
  const publishedLaw = await law("Kyrgyz rehabilitation act", [topic]);
  await publishItem(database.db, "law", publishedLaw);
  const draftLaw = await law("A draft law nobody published", []);
  const source = (await createSource(admin, { title: "Court record", url: "https://court.example/1" })).id;

  const article = async (key: string, form: Record<string, unknown>, publish = true) => {
    const made = await createArticle(admin, form);
    ids[key] = made.id;
    slugs[key] = made.slug;
    if (publish) await publishItem(database.db, "article", made.id);
  };
  const news = newsForm({
    authorIds: [writer],
    publisherId: hidden,
    lawIds: [publishedLaw, draftLaw],
    topicIds: [topic],
    sourceIds: [source],
  });
  await article("news", news);
  await article("opinion", { kind: "opinion", title: "On Kazakh archives", lang: "ru", jurisdictionCodes: ["KZ"] });
  // About Kyrgyzstan and rehabilitation only through the law it discusses.
  await article("statement", {
    kind: "statement",
    title: "A statement on the act",
    lang: "en",
    lawIds: [publishedLaw],
  });
  await article(
    "draft",
    { kind: "news", title: "A Kyrgyz draft nobody published", lang: "en", jurisdictionCodes: ["KG"] },
    false,
  );
  await article("withdrawn", { kind: "news", title: "A withdrawn report", lang: "en", jurisdictionCodes: ["KG"] });
  const withdrawn = ids.withdrawn!;
  await moveItem(admin, {
    type: "article",
    id: withdrawn,
    action: "withdraw",
    baseRevision: await workingRevision(admin, "article", withdrawn),
  });
  // A draft change to a published article, never published: the API must keep showing the published one.
  await updateArticle(admin, ids.news!, {
    ...news,
    body: "Unpublished edit.",
    baseRevision: await workingRevision(admin, "article", ids.news!),
  });
  ({ documentSchema } = await openApiSchemas());
});
afterAll(() => database.close());

const list = (query = "", headers: Record<string, string> = {}) =>
  listArticles(ask(`/api/v1/articles${query}`, headers));
const one = (slug: string, query = "", headers: Record<string, string> = {}) =>
  getArticle(ask(`/api/v1/articles/${slug}${query}`, headers), { params: Promise.resolve({ slug }) });

async function page(query = "") {
  return articleListSchema.parse(await expectAnswer(documentSchema, await list(query), 200, "/articles"));
}

const problem = (response: Response, status: number, apiPath = "/articles/{slug}") =>
  expectProblem(documentSchema, response, status, apiPath);

const published = ["news", "opinion", "statement"];

describe("GET /api/v1/articles", () => {
  test("lists published articles only, each valid by its schema and the OpenAPI document", async () => {
    const { data, next } = await page();
    expect(data.map((a) => a.slug).sort()).toEqual(published.map((k) => slugs[k]).sort());
    expect(next).toBeNull();
    expect(data.find((a) => a.slug === slugs.news)).toEqual({
      slug: slugs.news,
      kind: "news",
      title: "Bishkek court rehabilitates victims",
      lang: "en",
      originalDate: { date: "2024-11-21", precision: "day", approximate: false },
      authors: [{ name: "Ainura Writer", url: `${origin}/agents/ainura-writer` }],
      // Its publisher is an agent never published: not named.
      publisher: null,
      creditedAgent: null,
      publishedAt: expect.any(String),
      url: `${origin}/articles/${slugs.news}`,
      api: `${origin}/api/v1/articles/${slugs.news}`,
    });
    expect(JSON.stringify(data)).not.toContain("An outlet never published");
  });

  test("filters as the /articles index does: kind, topic, jurisdiction (also through a law discussed), agent", async () => {
    const keys = async (query: string) => (await page(query)).data.map((a) => a.slug).sort();
    const of = (...k: string[]) => k.map((key) => slugs[key]).sort();
    expect(await keys("?kind=opinion")).toEqual(of("opinion"));
    expect(await keys("?jurisdiction=kz")).toEqual(of("opinion"));
    expect(await keys("?jurisdiction=KG")).toEqual(of("news", "statement"));
    expect(await keys("?topic=rehabilitation")).toEqual(of("news", "statement"));
    expect(await keys("?topic=rehabilitation&kind=statement")).toEqual(of("statement"));
    expect(await keys("?agent=ainura-writer")).toEqual(of("news"));
    expect(await keys("?agent=an-outlet-never-published")).toEqual([]);
    expect(await keys("?topic=no-such-topic")).toEqual([]);
  });

  test.each([1, 2])("a walk by cursor, %i a page, reads every published article exactly once", async (limit) => {
    const seen = await walk(`?limit=${limit}`, "/api/v1/articles", page, (a) => a.slug, limit);
    expect(seen.sort()).toEqual(published.map((k) => slugs[k]).sort());
  });

  test("a cursor keeps the filters it was given with", async () => {
    const first = await page("?jurisdiction=kg&limit=1");
    expect(first.next).toContain("jurisdiction=KG");
    const second = await page(queryOf(first.next!, "/api/v1/articles"));
    expect([...first.data, ...second.data].map((a) => a.slug).sort()).toEqual([slugs.news, slugs.statement].sort());
    expect(second.next).toBeNull();
  });

  test("updated_since keeps the articles published at or after it", async () => {
    const all = (await page()).data;
    const since = all.map((a) => a.publishedAt).sort()[1]!;
    const newer = (await page(`?updated_since=${encodeURIComponent(since)}`)).data;
    expect(newer.map((a) => a.slug).sort()).toEqual(
      all
        .filter((a) => a.publishedAt >= since)
        .map((a) => a.slug)
        .sort(),
    );
    expect(newer.length).toBeLessThan(all.length);
  });

  test.each([
    ["?kind=essay", "kind"],
    ["?kind=", "kind"],
    ["?topic=Not%20A%20Slug", "topic"],
    ["?jurisdiction=k%20g!", "jurisdiction"],
    ["?agent=%00", "agent"],
    ["?limit=0", "limit"],
    ["?limit=101", "limit"],
    ["?updated_since=2024-01-01", "updated_since"],
    ["?cursor=!!!", "cursor"],
    [`?cursor=${Buffer.from('{"p":"x","id":1}').toString("base64url")}`, "cursor"],
    ["?page=2", "page"],
    ["?kind=news&kind=opinion", "kind"],
  ])("refuses %s with a 400 that names the parameter", async (query, name) => {
    expect(await problem(await list(query), 400, "/articles")).toContain(`"${name}"`);
  });
});

describe("GET /api/v1/articles/{slug}", () => {
  test("gives a published article as its page shows it, not its unpublished edit", async () => {
    const body = await expectAnswer(documentSchema, await one(slugs.news!), 200, "/articles/{slug}");
    const article = articleSchema.parse(body);
    expect(article).toMatchObject({
      title: "Bishkek court rehabilitates victims",
      body: "Published body.",
      originalUrl: "https://news.example/bishkek",
      authors: [{ name: "Ainura Writer", url: `${origin}/agents/ainura-writer` }],
      publisher: null,
      topics: [{ slug: "rehabilitation", name: "Rehabilitation" }],
      jurisdictions: [{ code: "KG", name: "Kyrgyzstan" }],
      sources: [{ title: "Court record" }],
    });
    // The draft law it also discusses stays out.
    expect(article.laws).toEqual([
      {
        title: "Kyrgyz rehabilitation act",
        url: `${origin}/laws/kg/kyrgyz-rehabilitation-act`,
        api: `${origin}/api/v1/laws/kg/kyrgyz-rehabilitation-act`,
      },
    ]);
    const text = JSON.stringify(body);
    for (const hidden of ["Unpublished edit.", "A draft law nobody published", "An outlet never published"])
      expect(text).not.toContain(hidden);
  });

  test("an article never published is 404, a withdrawn one 410, an unknown or impossible address 404", async () => {
    expect(await problem(await one(slugs.draft!), 404)).toBe("No published article has this address.");
    expect(await problem(await one(slugs.withdrawn!), 410)).toMatch(/withdrawn/);
    await problem(await one("no-such-article"), 404);
    await problem(await one("Not%20a%20slug"), 404);
    await problem(await one("%00"), 404);
  });

  test("takes no query parameter: one is a 400 that names it", async () => {
    expect(await problem(await one(slugs.news!, "?version=1"), 400)).toContain('"version"');
  });
});

describe("HTTP caching, CORS and the OpenAPI document", () => {
  test.each([
    ["the list", (headers?: Record<string, string>) => list("?kind=news", headers)],
    ["an article", (headers?: Record<string, string>) => one(slugs.opinion!, "", headers)],
  ])("%s: ETag, Cache-Control, open CORS, and 304 to a request that holds it", async (_name, get) => {
    await expectCachedAnswer(get);
  });

  test("the document lists both endpoints with the list's parameters and the article's errors", async () => {
    const { document } = await openApiSchemas();
    expect(document.paths["/articles"]!.get.parameters.map((p) => p.name)).toEqual([
      "kind",
      "topic",
      "jurisdiction",
      "agent",
      "updated_since",
      "cursor",
      "limit",
    ]);
    expect(Object.keys(document.paths["/articles/{slug}"]!.get.responses)).toEqual(
      expect.arrayContaining(["200", "308", "404", "410"]),
    );
    expect(documentSchema("/articles/{slug}", 200)({ title: "x" })).not.toBeNull();
  });
});

describe("a renamed article", () => {
  // Last in the file: it publishes one more article.
  test("its old address is a 308 to the new one, with Location", async () => {
    await updateArticle(admin, ids.opinion!, {
      kind: "opinion",
      title: "On Kazakh archives",
      lang: "ru",
      jurisdictionCodes: ["KZ"],
      slug: "on-kazakh-archives-renamed",
      baseRevision: await workingRevision(admin, "article", ids.opinion!),
    });
    expect((await one("on-kazakh-archives-renamed")).status).toBe(404);
    await publishItem(database.db, "article", ids.opinion!);
    const moved = await one(slugs.opinion!);
    expect(moved.headers.get("location")).toBe(`${origin}/api/v1/articles/on-kazakh-archives-renamed`);
    expect(await problem(moved, 308)).toMatch(/moved/);
    expect((await one("on-kazakh-archives-renamed")).status).toBe(200);
  });
});
