import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import type { Database } from "@/db";
import { createArticle } from "@/modules/articles/save";
import { addEvent } from "@/modules/laws/events";
import { createLaw } from "@/modules/laws/save";
import { topicListSchema, topicSchema } from "@/modules/public/api/schemas/topic";
import { createTopic } from "@/modules/topics/save";
import { GET as getTopic } from "@/app/api/v1/topics/[slug]/route";
import { GET as listTopics } from "@/app/api/v1/topics/route";
import {
  api,
  ask,
  expectAnswer,
  expectCachedAnswer,
  expectProblem,
  openApiSchemas,
  origin,
  type DocumentSchema,
} from "./api-helpers";
import { createTestDatabase } from "./db";
import { makeJurisdiction, makeUser, publishItem, workingRevision } from "./factories";

/* The read API's topic endpoints through their route handlers, on a test database (./api-helpers.ts). */
vi.mock("next/cache", () => ({ cacheTag: () => undefined, cacheLife: () => undefined }));
vi.mock("@/modules/public/site", () => ({ siteOrigin: async () => "https://archive.example" }));
vi.mock("@/db", async (original) => ({
  ...(await original<typeof import("@/db")>()),
  getDatabase: async () => api.database!,
}));

let database: Database;
let documentSchema: DocumentSchema;
beforeAll(async () => {
  database = api.database = await createTestDatabase();
  await makeJurisdiction(database.db, "KG", "Kyrgyzstan");
  const admin = (await makeUser(database.db, "admin")).ctx;
  const justice = await createTopic(admin, { name: "Transitional justice", slug: "transitional-justice" });
  const rehabilitation = await createTopic(admin, {
    name: "Rehabilitation",
    slug: "rehabilitation",
    description: "Restoring the rights of the repressed.",
    parentId: justice.id,
  });
  await createTopic(admin, { name: "Archives", slug: "archives" });
  const law = async (title: string, publish: boolean) => {
    const made = await createLaw(admin, {
      type: "law",
      status: "in_force",
      jurisdictionCode: "KG",
      titles: [{ lang: "en", title }],
      topicIds: [rehabilitation.id],
    });
    await addEvent(admin, made.id, {
      kind: "adopted",
      accounts: [{ date: "2024-11-20" }],
      baseRevision: await workingRevision(admin, "law", made.id),
    });
    if (publish) await publishItem(database.db, "law", made.id);
  };
  await law("Kyrgyz rehabilitation act", true);
  await law("A draft rehabilitation bill", false);
  const article = await createArticle(admin, {
    kind: "news",
    title: "Bishkek court rehabilitates victims",
    lang: "en",
    topicIds: [rehabilitation.id],
  });
  await publishItem(database.db, "article", article.id);
  await createArticle(admin, {
    kind: "news",
    title: "A draft about archives",
    lang: "en",
    topicIds: [rehabilitation.id],
  });
  ({ documentSchema } = await openApiSchemas());
});
afterAll(() => database.close());

const list = (query = "", headers: Record<string, string> = {}) => listTopics(ask(`/api/v1/topics${query}`, headers));
const one = (slug: string, query = "", headers: Record<string, string> = {}) =>
  getTopic(ask(`/api/v1/topics/${slug}${query}`, headers), { params: Promise.resolve({ slug }) });

describe("GET /api/v1/topics", () => {
  test("lists the topics published content is about, with counts of published laws and articles only", async () => {
    const { data, next } = topicListSchema.parse(await expectAnswer(documentSchema, await list(), 200, "/topics"));
    expect(next).toBeNull();
    expect(data).toEqual([
      {
        slug: "rehabilitation",
        name: "Rehabilitation",
        laws: 1,
        articles: 1,
        url: `${origin}/topics/rehabilitation`,
        api: `${origin}/api/v1/topics/rehabilitation`,
      },
    ]);
  });

  test("takes no parameter: one is a 400 that names it", async () => {
    expect(await expectProblem(documentSchema, await list("?limit=1"), 400, "/topics")).toContain('"limit"');
  });
});

describe("GET /api/v1/topics/{slug}", () => {
  test("gives a topic as its page shows it: broader, narrower, published laws and articles", async () => {
    const body = await expectAnswer(documentSchema, await one("rehabilitation"), 200, "/topics/{slug}");
    const topic = topicSchema.parse(body);
    expect(topic).toMatchObject({
      name: "Rehabilitation",
      description: "Restoring the rights of the repressed.",
      broader: { slug: "transitional-justice", name: "Transitional justice" },
      narrower: [],
      lawCount: 1,
      articleCount: 1,
      lawsApi: `${origin}/api/v1/laws?topic=rehabilitation`,
      articlesApi: `${origin}/api/v1/articles?topic=rehabilitation`,
    });
    expect(topic.laws).toEqual([
      {
        title: "Kyrgyz rehabilitation act",
        jurisdiction: { code: "KG", name: "Kyrgyzstan" },
        type: "law",
        status: "in_force",
        milestone: { kind: "adopted", date: { date: "2024-11-20", precision: "day", approximate: false } },
        url: `${origin}/laws/kg/kyrgyz-rehabilitation-act`,
        api: `${origin}/api/v1/laws/kg/kyrgyz-rehabilitation-act`,
      },
    ]);
    expect(topic.articles.map((a) => a.title)).toEqual(["Bishkek court rehabilitates victims"]);
    expect(JSON.stringify(body)).not.toMatch(/A draft/);
    const broader = topicSchema.parse(
      await expectAnswer(documentSchema, await one("transitional-justice"), 200, "/topics/{slug}"),
    );
    expect(broader.narrower.map((t) => t.api)).toEqual([`${origin}/api/v1/topics/rehabilitation`]);
  });

  test("an unknown or impossible slug is 404, a parameter 400", async () => {
    const problem = (response: Response, status: number) =>
      expectProblem(documentSchema, response, status, "/topics/{slug}");
    expect(await problem(await one("no-such-topic"), 404)).toBe("No topic has this address.");
    await problem(await one("%00"), 404);
    expect(await problem(await one("archives", "?page=2"), 400)).toContain('"page"');
  });

  test.each([
    ["the list", (headers?: Record<string, string>) => list("", headers)],
    ["a topic", (headers?: Record<string, string>) => one("rehabilitation", "", headers)],
  ])("%s: ETag, Cache-Control, open CORS, and 304 to a request that holds it", async (_name, get) => {
    await expectCachedAnswer(get);
  });
});
