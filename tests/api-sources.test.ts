import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import type { Database } from "@/db";
import type { Ctx } from "@/modules/auth/context";
import { createArticle } from "@/modules/articles/save";
import { approveFigure } from "@/modules/figures/approve";
import { createFigure } from "@/modules/figures/save";
import { addEvent } from "@/modules/laws/events";
import { createLaw } from "@/modules/laws/save";
import { sourceListSchema, sourceSchema } from "@/modules/public/api/schemas/source";
import { createSource, updateSource } from "@/modules/sources/save";
import { GET as getSource } from "@/app/api/v1/sources/[id]/route";
import { GET as listSources } from "@/app/api/v1/sources/route";
import {
  api,
  ask,
  expectAnswer,
  expectCachedAnswer,
  expectProblem,
  openApiSchemas,
  origin,
  walk,
  type DocumentSchema,
} from "./api-helpers";
import { createTestDatabase } from "./db";
import { makeJurisdiction, makeUser, publishItem, workingRevision } from "./factories";

/* The read API's source endpoints through their route handlers, on a test database (./api-helpers.ts). */
vi.mock("next/cache", () => ({ cacheTag: () => undefined, cacheLife: () => undefined }));
vi.mock("@/modules/public/site", () => ({ siteOrigin: async () => "https://archive.example" }));
vi.mock("@/db", async (original) => ({
  ...(await original<typeof import("@/db")>()),
  getDatabase: async () => api.database!,
}));

let database: Database;
let documentSchema: DocumentSchema;
let admin: Ctx;
const ids: Record<string, number> = {};
beforeAll(async () => {
  database = api.database = await createTestDatabase();
  await makeJurisdiction(database.db, "KG", "Kyrgyzstan");
  admin = (await makeUser(database.db, "admin")).ctx;
  const reviewer = (await makeUser(database.db, "editor")).ctx;
  const source = async (key: string, title: string, url = "") =>
    (ids[key] = (await createSource(admin, { title, url, archivedUrl: url && `${url}/archived` })).id);
  await source("gazette", "Official gazette", "https://gazette.example");
  await source("press", "Parliament's press release", "https://press.example");
  await source("news", "A newspaper of the day");
  await source("report", "Prosecutor's report", "https://report.example");
  await source("leak", "Source only a draft cites", "https://leak.example");
  await source("unapproved", "Source of an unapproved figure");
  await source("unused", "Source nothing cites");
  const law = async (title: string, sourceIds: number[], eventSource: number | null, publish: boolean) => {
    const made = await createLaw(admin, {
      type: "law",
      status: "in_force",
      jurisdictionCode: "KG",
      titles: [{ lang: "en", title }],
      sourceIds,
    });
    await addEvent(admin, made.id, {
      kind: "adopted",
      accounts: [{ date: "2024-11-20", sourceId: eventSource === null ? "" : String(eventSource) }],
      baseRevision: await workingRevision(admin, "law", made.id),
    });
    if (publish) await publishItem(database.db, "law", made.id);
  };
  // The gazette is listed; the press release only dates a step of the law's history.
  await law("Kyrgyz rehabilitation act", [ids.gazette!], ids.press!, true);
  await law("A draft bill", [ids.leak!], ids.leak!, false);
  const article = await createArticle(admin, {
    kind: "news",
    title: "Court rehabilitates",
    lang: "en",
    sourceIds: [ids.news!],
  });
  await publishItem(database.db, "article", article.id);
  await createArticle(admin, { kind: "news", title: "A draft article", lang: "en", sourceIds: [ids.leak!] });
  const figure = async (label: string, sourceId: number, approve: boolean) => {
    const made = await createFigure(admin, {
      label,
      jurisdictionCode: "KG",
      accounts: [{ value: "1204", asOf: "2024", sourceId: String(sourceId) }],
    });
    if (approve) await approveFigure(reviewer, made.id, made.updatedAt.toISOString());
    return made.id;
  };
  ids.figure = await figure("People rehabilitated", ids.report!, true);
  await figure("An unapproved count", ids.unapproved!, false);
  // Edits to source records no reviewer saw: readers keep the titles and addresses the citations recorded.
  await updateSource(admin, ids.gazette!, { title: "Gazette, retitled since", url: "https://elsewhere.example" });
  await updateSource(admin, ids.press!, { title: "Press release, retitled since", url: "https://press.example" });
  ({ documentSchema } = await openApiSchemas());
});
afterAll(() => database.close());

const list = (query = "", headers: Record<string, string> = {}) => listSources(ask(`/api/v1/sources${query}`, headers));
const one = (id: string | number, query = "", headers: Record<string, string> = {}) =>
  getSource(ask(`/api/v1/sources/${id}${query}`, headers), { params: Promise.resolve({ id: String(id) }) });

async function page(query = "") {
  return sourceListSchema.parse(await expectAnswer(documentSchema, await list(query), 200, "/sources"));
}

const problem = (response: Response, status: number, apiPath = "/sources/{id}") =>
  expectProblem(documentSchema, response, status, apiPath);

describe("GET /api/v1/sources", () => {
  test("lists the sources published items cite, as they cited them, never one only a draft cites", async () => {
    const { data, next } = await page();
    expect(next).toBeNull();
    const byId = new Map(data.map((s) => [s.id, s]));
    expect([...byId.keys()].sort()).toEqual([ids.gazette, ids.press, ids.news, ids.report].sort());
    expect(byId.get(ids.gazette!)).toEqual({
      id: ids.gazette,
      title: "Official gazette",
      url: "https://gazette.example",
      archivedUrl: "https://gazette.example/archived",
      citedAt: expect.any(String),
      api: `${origin}/api/v1/sources/${ids.gazette}`,
    });
    expect(byId.get(ids.press!)).toMatchObject({ title: "Parliament's press release", url: null, archivedUrl: null });
    expect(byId.get(ids.news!)).toMatchObject({ title: "A newspaper of the day", url: null });
    expect(byId.get(ids.report!)).toMatchObject({ title: "Prosecutor's report", url: "https://report.example" });
    expect(JSON.stringify(data)).not.toMatch(/draft|unapproved|nothing cites|retitled|elsewhere/i);
  });

  test("walks by cursor reading each source once, oldest citation first", async () => {
    const all = (await page()).data;
    expect(all.map((s) => s.citedAt)).toEqual(all.map((s) => s.citedAt).sort());
    const seen = await walk("?limit=1", "/api/v1/sources", page, (s) => String(s.id), 1);
    expect(seen).toEqual(all.map((s) => String(s.id)));
  });

  test("updated_since keeps the sources cited at or after it", async () => {
    const all = (await page()).data;
    const latest = all.at(-1)!.citedAt;
    const newer = (await page(`?updated_since=${encodeURIComponent(latest)}`)).data;
    expect(newer.map((s) => s.id)).toEqual(all.filter((s) => s.citedAt >= latest).map((s) => s.id));
    expect((await page("?updated_since=2999-01-01T00:00:00Z")).data).toEqual([]);
  });

  test.each([
    ["?limit=101", "limit"],
    ["?updated_since=2025-13-01", "updated_since"],
    ["?cursor=%00", "cursor"],
    ["?q=gazette", "q"],
    ["?cursor=a&cursor=b", "cursor"],
  ])("refuses %s with a 400 that names the parameter", async (query, name) => {
    expect(await problem(await list(query), 400, "/sources")).toContain(`"${name}"`);
  });
});

describe("GET /api/v1/sources/{id}", () => {
  test("gives a source with the published items that cite it", async () => {
    const gazette = sourceSchema.parse(
      await expectAnswer(documentSchema, await one(ids.gazette!), 200, "/sources/{id}"),
    );
    expect(gazette).toMatchObject({ title: "Official gazette", url: "https://gazette.example" });
    expect(gazette.citedBy).toEqual({
      laws: [
        {
          title: "Kyrgyz rehabilitation act",
          url: `${origin}/laws/kg/kyrgyz-rehabilitation-act`,
          api: `${origin}/api/v1/laws/kg/kyrgyz-rehabilitation-act`,
        },
      ],
      articles: [],
      figures: [],
    });
    const report = sourceSchema.parse(await expectAnswer(documentSchema, await one(ids.report!), 200, "/sources/{id}"));
    expect(report.citedBy.figures).toEqual([
      { label: "People rehabilitated", api: `${origin}/api/v1/figures/${ids.figure}` },
    ]);
    const news = sourceSchema.parse(await expectAnswer(documentSchema, await one(ids.news!), 200, "/sources/{id}"));
    expect(news.citedBy.articles.map((a) => a.api)).toEqual([`${origin}/api/v1/articles/court-rehabilitates`]);
  });

  test("a source only drafts or unapproved figures cite, or none, is 404; so are impossible ids; a parameter 400", async () => {
    expect(await problem(await one(ids.leak!), 404)).toBe("No source a published item cites has this id.");
    await problem(await one(ids.unapproved!), 404);
    await problem(await one(ids.unused!), 404);
    await problem(await one("0"), 404);
    await problem(await one("%00"), 404);
    await problem(await one("99999999999"), 404);
    expect(await problem(await one(ids.gazette!, "?full=1"), 400)).toContain('"full"');
  });

  test.each([
    ["the list", (headers?: Record<string, string>) => list("?limit=2", headers)],
    ["a source", (headers?: Record<string, string>) => one(ids.gazette!, "", headers)],
  ])("%s: ETag, Cache-Control, open CORS, and 304 to a request that holds it", async (_name, get) => {
    await expectCachedAnswer(get);
  });
});
