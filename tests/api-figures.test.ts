import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import type { Database } from "@/db";
import type { Ctx } from "@/modules/auth/context";
import { approveFigure } from "@/modules/figures/approve";
import { createFigure, updateFigure } from "@/modules/figures/save";
import { createLaw } from "@/modules/laws/save";
import { figureListSchema, figureSchema } from "@/modules/public/api/schemas/figure";
import { createSource } from "@/modules/sources/save";
import { GET as getFigure } from "@/app/api/v1/figures/[id]/route";
import { GET as listFigures } from "@/app/api/v1/figures/route";
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
import { makeJurisdiction, makeUser, publishItem } from "./factories";

/* The read API's figure endpoints through their route handlers, on a test database (./api-helpers.ts). */
vi.mock("next/cache", () => ({ cacheTag: () => undefined, cacheLife: () => undefined }));
vi.mock("@/modules/public/site", () => ({ siteOrigin: async () => "https://archive.example" }));
vi.mock("@/db", async (original) => ({
  ...(await original<typeof import("@/db")>()),
  getDatabase: async () => api.database!,
}));

let database: Database;
let documentSchema: DocumentSchema;
let admin: Ctx;
let reviewer: Ctx;
let report: number;
const ids: Record<string, number> = {};
beforeAll(async () => {
  database = api.database = await createTestDatabase();
  await makeJurisdiction(database.db, "KG", "Kyrgyzstan");
  await makeJurisdiction(database.db, "UZ", "Uzbekistan");
  admin = (await makeUser(database.db, "admin")).ctx;
  reviewer = (await makeUser(database.db, "editor")).ctx;
  report = (await createSource(admin, { title: "Prosecutor's report", url: "https://report.example" })).id;
  const law = async (title: string, publish: boolean) => {
    const made = await createLaw(admin, {
      type: "law",
      status: "in_force",
      jurisdictionCode: "KG",
      titles: [{ lang: "en", title }],
    });
    if (publish) await publishItem(database.db, "law", made.id);
    return made.id;
  };
  const published = await law("Kyrgyz rehabilitation act", true);
  const draft = await law("A draft rehabilitation bill", false);
  const figure = async (key: string, input: Record<string, unknown>, approve = true) => {
    const made = await createFigure(admin, {
      unit: "people",
      accounts: [{ value: "1,204", asOf: "2024-12", sourceId: String(report) }],
      ...input,
    });
    if (approve) await approveFigure(reviewer, made.id, made.updatedAt.toISOString());
    ids[key] = made.id;
  };
  await figure("kyrgyz", {
    label: "People rehabilitated in Kyrgyzstan",
    jurisdictionCode: "KG",
    lawIds: [published, draft],
  });
  await figure("uzbek", {
    label: "People acquitted in Uzbekistan",
    jurisdictionCode: "UZ",
    accounts: [
      { value: "856", asOf: "2024-12", sourceId: String(report) },
      { value: "860", asOf: "2025-01" },
    ],
  });
  // Of no jurisdiction: shown on the published law's page only.
  await figure("ofLaw", { label: "Victims the act names", lawIds: [published] });
  // Approved, but on no public page: a draft law's only.
  await figure("ofDraft", { label: "Victims the draft bill names", lawIds: [draft] });
  await figure("unapproved", { label: "An unapproved count", jurisdictionCode: "KG" }, false);
  ({ documentSchema } = await openApiSchemas());
});
afterAll(() => database.close());

const list = (query = "", headers: Record<string, string> = {}) => listFigures(ask(`/api/v1/figures${query}`, headers));
const one = (id: string | number, query = "", headers: Record<string, string> = {}) =>
  getFigure(ask(`/api/v1/figures/${id}${query}`, headers), { params: Promise.resolve({ id: String(id) }) });

async function page(query = "") {
  return figureListSchema.parse(await expectAnswer(documentSchema, await list(query), 200, "/figures"));
}

const problem = (response: Response, status: number, apiPath = "/figures/{id}") =>
  expectProblem(documentSchema, response, status, apiPath);

describe("GET /api/v1/figures", () => {
  test("lists the approved figures a public page shows, oldest approval first", async () => {
    const { data, next } = await page();
    expect(next).toBeNull();
    expect(data.map((f) => f.id)).toEqual([ids.kyrgyz, ids.uzbek, ids.ofLaw]);
    expect(JSON.stringify(data)).not.toMatch(/draft|unapproved/i);
    expect(data[0]).toEqual({
      id: ids.kyrgyz,
      label: "People rehabilitated in Kyrgyzstan",
      unit: "people",
      note: "",
      disputed: false,
      accounts: [
        {
          value: "1204",
          wording: "1,204",
          asOf: { date: "2024-12-01", precision: "month", approximate: false },
          source: { title: "Prosecutor's report", url: "https://report.example" },
          preferred: true,
        },
      ],
      approvedAt: expect.any(String),
      jurisdiction: {
        code: "KG",
        name: "Kyrgyzstan",
        url: `${origin}/jurisdictions/kg`,
        api: `${origin}/api/v1/jurisdictions/kg`,
      },
      // The published law only, not the draft it also concerns.
      laws: [
        {
          title: "Kyrgyz rehabilitation act",
          url: `${origin}/laws/kg/kyrgyz-rehabilitation-act`,
          api: `${origin}/api/v1/laws/kg/kyrgyz-rehabilitation-act`,
        },
      ],
      url: `${origin}/jurisdictions/kg#figure-${ids.kyrgyz}`,
      api: `${origin}/api/v1/figures/${ids.kyrgyz}`,
    });
    expect(data[1]!.disputed).toBe(true);
    expect(data[2]).toMatchObject({
      jurisdiction: null,
      url: `${origin}/laws/kg/kyrgyz-rehabilitation-act#figure-${ids.ofLaw}`,
    });
  });

  test("filters by jurisdiction as its page shows them, and walks by cursor reading each figure once", async () => {
    expect((await page("?jurisdiction=uz")).data.map((f) => f.id)).toEqual([ids.uzbek]);
    expect((await page("?jurisdiction=KG")).data.map((f) => f.id)).toEqual([ids.kyrgyz]);
    const seen = await walk("?limit=1", "/api/v1/figures", page, (f) => String(f.id), 1);
    expect(seen).toEqual([ids.kyrgyz, ids.uzbek, ids.ofLaw].map(String));
  });

  test("updated_since keeps the figures approved at or after it", async () => {
    const all = (await page()).data;
    const latest = all.at(-1)!.approvedAt;
    const newer = (await page(`?updated_since=${encodeURIComponent(latest)}`)).data;
    expect(newer.map((f) => f.id)).toEqual(all.filter((f) => f.approvedAt >= latest).map((f) => f.id));
    expect((await page("?updated_since=2999-01-01T00:00:00Z")).data).toEqual([]);
  });

  test.each([
    ["?jurisdiction=k%20g!", "jurisdiction"],
    ["?limit=0", "limit"],
    ["?updated_since=yesterday", "updated_since"],
    ["?cursor=bm90IGpzb24", "cursor"],
    ["?q=victims", "q"],
    ["?limit=1&limit=2", "limit"],
  ])("refuses %s with a 400 that names the parameter", async (query, name) => {
    expect(await problem(await list(query), 400, "/figures")).toContain(`"${name}"`);
  });
});

describe("GET /api/v1/figures/{id}", () => {
  test("gives a figure readers see", async () => {
    const body = await expectAnswer(documentSchema, await one(ids.uzbek!), 200, "/figures/{id}");
    const figure = figureSchema.parse(body);
    expect(figure).toMatchObject({ label: "People acquitted in Uzbekistan", disputed: true, laws: [] });
    expect(figure.accounts.map((a) => [a.value, a.source?.title ?? null])).toEqual([
      ["856", "Prosecutor's report"],
      ["860", null],
    ]);
  });

  test("a figure not approved, on no public page, unknown or impossible is 404; a parameter 400", async () => {
    expect(await problem(await one(ids.unapproved!), 404)).toBe("No figure readers can see has this id.");
    await problem(await one(ids.ofDraft!), 404);
    await problem(await one(999999), 404);
    await problem(await one("%00"), 404);
    await problem(await one("99999999999999999999"), 404);
    expect(await problem(await one(ids.uzbek!, "?expand=1"), 400)).toContain('"expand"');
  });

  test.each([
    ["the list", (headers?: Record<string, string>) => list("?jurisdiction=kg", headers)],
    ["a figure", (headers?: Record<string, string>) => one(ids.kyrgyz!, "", headers)],
  ])("%s: ETag, Cache-Control, open CORS, and 304 to a request that holds it", async (_name, get) => {
    await expectCachedAnswer(get);
  });
});

describe("a figure changed after its approval", () => {
  // Last in the file: it edits a figure.
  test("leaves the API until it is approved again", async () => {
    const current = figureSchema.parse(await (await one(ids.uzbek!)).json());
    await updateFigure(admin, ids.uzbek!, {
      label: "People acquitted in Uzbekistan, revised",
      jurisdictionCode: "UZ",
      unit: "people",
      accounts: [{ value: "900", asOf: "2025-02" }],
      seenAt: current.approvedAt,
    });
    expect((await one(ids.uzbek!)).status).toBe(404);
    expect(JSON.stringify(await page())).not.toContain("revised");
  });
});
