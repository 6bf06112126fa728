import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import type { Database } from "@/db";
import { encodeCursor } from "@/lib/api/cursor";
import { createAgent } from "@/modules/agents/save";
import { createArticle } from "@/modules/articles/save";
import { approveFigure } from "@/modules/figures/approve";
import { createFigure } from "@/modules/figures/save";
import { createLaw } from "@/modules/laws/save";
import { searchResultsSchema } from "@/modules/public/api/schemas/search";
import { searchPageSize } from "@/modules/public/search";
import { GET as searchApi } from "@/app/api/v1/search/route";
import {
  api,
  ask,
  expectAnswer,
  expectCachedAnswer,
  expectProblem,
  openApiSchemas,
  origin,
  queryOf,
  type DocumentSchema,
} from "./api-helpers";
import { createTestDatabase } from "./db";
import { makeJurisdiction, makeUser, publishItem } from "./factories";

/* The read API's search through its route handler, on a test database (./api-helpers.ts). */
vi.mock("next/cache", () => ({ cacheTag: () => undefined, cacheLife: () => undefined }));
vi.mock("@/modules/public/site", () => ({ siteOrigin: async () => "https://archive.example" }));
vi.mock("@/db", async (original) => ({
  ...(await original<typeof import("@/db")>()),
  getDatabase: async () => api.database!,
}));

let database: Database;
let documentSchema: DocumentSchema;
let figureId: number;
// More decrees than a page holds, so that the search goes on to a second page.
const decrees = searchPageSize + 2;
beforeAll(async () => {
  database = api.database = await createTestDatabase();
  await makeJurisdiction(database.db, "KG", "Kyrgyzstan");
  await makeJurisdiction(database.db, "KZ", "Kazakhstan");
  const admin = (await makeUser(database.db, "admin")).ctx;
  const reviewer = (await makeUser(database.db, "editor")).ctx;
  const law = async (title: string, jurisdictionCode: string, publish = true) => {
    const made = await createLaw(admin, {
      type: "law",
      status: "in_force",
      jurisdictionCode,
      titles: [{ lang: "en", title }],
    });
    if (publish) await publishItem(database.db, "law", made.id);
  };
  await law("Kyrgyz rehabilitation act", "KG");
  await law("Kazakh rehabilitation act", "KZ");
  await law("A secret rehabilitation draft", "KG", false);
  for (let i = 1; i <= decrees; i++) await law(`Amnesty decree ${i}`, "KG");
  const article = await createArticle(admin, { kind: "news", title: "Rehabilitation hearings in Bishkek", lang: "en" });
  await publishItem(database.db, "article", article.id);
  await createArticle(admin, { kind: "news", title: "A secret rehabilitation draft article", lang: "en" });
  const agent = await createAgent(admin, { kind: "person", preferredName: "Rehabilitation commissioner" });
  await publishItem(database.db, "agent", agent.id);
  await createAgent(admin, { kind: "person", preferredName: "Secret rehabilitation agent" });
  const figure = await createFigure(admin, {
    label: "People rehabilitated",
    jurisdictionCode: "KG",
    unit: "people",
    accounts: [{ value: "1204", asOf: "2024" }],
  });
  await approveFigure(reviewer, figure.id, figure.updatedAt.toISOString());
  figureId = figure.id;
  await createFigure(admin, {
    label: "Secret rehabilitation count",
    jurisdictionCode: "KG",
    accounts: [{ value: "7" }],
  });
  ({ documentSchema } = await openApiSchemas());
});
afterAll(() => database.close());

const search = (query: string, headers: Record<string, string> = {}) =>
  searchApi(ask(`/api/v1/search${query}`, headers));
async function results(query: string) {
  return searchResultsSchema.parse(await expectAnswer(documentSchema, await search(query), 200, "/search"));
}
const text = (parts: { text: string }[]) => parts.map((p) => p.text).join("");

describe("GET /api/v1/search", () => {
  test("finds published items and approved figures only, as /search does", async () => {
    const found = await results("?q=rehabilitation");
    expect(found.data.map((h) => text(h.title)).sort()).toEqual([
      "Kazakh rehabilitation act",
      "Kyrgyz rehabilitation act",
      "Rehabilitation commissioner",
      "Rehabilitation hearings in Bishkek",
    ]);
    expect(found).toMatchObject({ query: "rehabilitation", correctedTo: null, total: 4, capped: false, next: null });
    expect(JSON.stringify(found)).not.toMatch(/secret/i);
    const kyrgyz = found.data.find((h) => text(h.title) === "Kyrgyz rehabilitation act")!;
    expect(kyrgyz).toMatchObject({
      type: "law",
      kind: "law",
      jurisdictions: ["KG"],
      url: `${origin}/laws/kg/kyrgyz-rehabilitation-act`,
      api: `${origin}/api/v1/laws/kg/kyrgyz-rehabilitation-act`,
    });
    expect(kyrgyz.title.filter((p) => p.match).map((p) => p.text)).toEqual(["rehabilitation"]);
    expect(found.figures).toEqual([
      {
        label: [
          { text: "People ", match: false },
          { text: "rehabilitated", match: true },
        ],
        value: "1,204",
        unit: "people",
        asOf: "2024",
        disputed: false,
        note: [],
        jurisdiction: "KG",
        url: `${origin}/jurisdictions/kg#figure-${figureId}`,
        api: `${origin}/api/v1/figures/${figureId}`,
      },
    ]);
    expect(found.facets.type).toEqual([
      { value: "law", count: 2, atLeast: false },
      { value: "article", count: 1, atLeast: false },
      { value: "agent", count: 1, atLeast: false },
    ]);
  });

  test("filters by type and jurisdiction, with facet counts under the other choice", async () => {
    const laws = await results("?q=rehabilitation&type=law");
    expect(laws.data.map((h) => h.api)).toHaveLength(2);
    expect(laws.figures).toEqual([]);
    const kazakh = await results("?q=rehabilitation&jurisdiction=kz");
    expect(kazakh.data.map((h) => text(h.title))).toEqual(["Kazakh rehabilitation act"]);
    expect(kazakh.facets.jurisdiction).toEqual([
      { value: "KZ", label: "Kazakhstan", count: 1, atLeast: false },
      { value: "KG", label: "Kyrgyzstan", count: 1, atLeast: false },
    ]);
  });

  test("corrects a word nothing matches as typed, and says so", async () => {
    const found = await results("?q=kyrgyx");
    expect(found.correctedTo).toBe("kyrgyz");
    expect(found.data.map((h) => text(h.title))).toEqual(["Kyrgyz rehabilitation act"]);
  });

  test("goes on by cursor, with the same words and filters, each item once", async () => {
    const first = await results("?q=amnesty%20%20decree&jurisdiction=kg");
    expect(first.total).toBe(decrees);
    expect(first.data).toHaveLength(searchPageSize);
    expect(first.next).toMatch(
      /^https:\/\/archive\.example\/api\/v1\/search\?q=amnesty\+decree&jurisdiction=KG&cursor=/,
    );
    const second = await results(queryOf(first.next!, "/api/v1/search"));
    expect(second.next).toBeNull();
    expect(second.figures).toEqual([]);
    const seen = [...first.data, ...second.data].map((h) => h.api);
    expect(new Set(seen).size).toBe(decrees);
    // A page past the last is empty, not an error.
    const beyond = await results(`?q=amnesty&cursor=${encodeCursor({ page: 40 })}`);
    expect(beyond).toMatchObject({ data: [], next: null, total: decrees });
  });

  test.each([
    ["", "q"],
    ["?q=%20%20", "q"],
    [`?q=${"a".repeat(201)}`, "q"],
    ["?q=act&type=figure", "type"],
    ["?q=act&jurisdiction=k%20g!", "jurisdiction"],
    ["?q=act&cursor=bm90IGpzb24", "cursor"],
    [`?q=act&cursor=${encodeCursor({ page: 1 })}`, "cursor"],
    [`?q=act&cursor=${encodeCursor({ page: 51 })}`, "cursor"],
    ["?q=act&page=2", "page"],
    ["?q=act&updated_since=2025-01-01T00:00:00Z", "updated_since"],
    ["?q=act&q=decree", "q"],
  ])("refuses %s with a 400 that names the parameter", async (query, name) => {
    expect(await expectProblem(documentSchema, await search(query), 400, "/search")).toContain(`"${name}"`);
  });

  test("ETag, Cache-Control, open CORS, and 304 to a request that holds it", async () => {
    await expectCachedAnswer((headers) => search("?q=rehabilitation&type=law", headers));
  });

  test("is in the OpenAPI document, its words required", async () => {
    const { document } = await openApiSchemas();
    const parameters = document.paths["/search"]!.get.parameters as { name: string; required: boolean }[];
    expect(parameters.map((p) => [p.name, p.required])).toEqual([
      ["q", true],
      ["type", false],
      ["jurisdiction", false],
      ["cursor", false],
    ]);
  });
});
