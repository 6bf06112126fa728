import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import type { Ctx } from "@/modules/auth/context";
import type { Database } from "@/db";
import { createArticle } from "@/modules/articles/save";
import { approveFigure } from "@/modules/figures/approve";
import { createFigure } from "@/modules/figures/save";
import { createJurisdiction } from "@/modules/jurisdictions/save";
import { addEvent } from "@/modules/laws/events";
import { createLaw } from "@/modules/laws/save";
import { jurisdictionListSchema, jurisdictionSchema } from "@/modules/public/api/schemas/jurisdiction";
import { createSource } from "@/modules/sources/save";
import { createTopic } from "@/modules/topics/save";
import { GET as getJurisdiction } from "@/app/api/v1/jurisdictions/[code]/route";
import { GET as listJurisdictions } from "@/app/api/v1/jurisdictions/route";
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
import { makeUser, publishItem, workingRevision } from "./factories";

/* The read API's jurisdiction endpoints through their route handlers, on a test database (./api-helpers.ts). */
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
  const admin = (await makeUser(database.db, "admin")).ctx;
  const reviewer = (await makeUser(database.db, "editor")).ctx;
  await createJurisdiction(admin, {
    code: "KG",
    name: "Kyrgyzstan",
    kind: "country",
    startYear: "1991",
    otherNames: [{ name: "Кыргызстан", lang: "ky" }],
  });
  await createJurisdiction(admin, { code: "SU", name: "Soviet Union", kind: "historical", successorCode: "KG" });
  // Only a draft law: listed nowhere, though its own page (and record) exists.
  await createJurisdiction(admin, { code: "KZ", name: "Kazakhstan", kind: "country" });
  const rehabilitation = await createTopic(admin, { name: "Rehabilitation", slug: "rehabilitation" });
  const law = async (title: string, jurisdictionCode: string, publish: boolean) => {
    const made = await createLaw(admin, {
      type: "law",
      status: "in_force",
      jurisdictionCode,
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
  await law("Kyrgyz rehabilitation act", "KG", true);
  await law("A draft rehabilitation bill", "KG", false);
  await law("A draft Kazakh bill", "KZ", false);
  const article = async (title: string, publish: boolean) => {
    const made = await createArticle(admin, { kind: "news", title, lang: "en", jurisdictionCodes: ["KG"] });
    if (publish) await publishItem(database.db, "article", made.id);
  };
  await article("Bishkek court rehabilitates victims", true);
  await article("A draft about Kyrgyzstan", false);
  const report = (await createSource(admin, { title: "Prosecutor's report", url: "https://report.example" })).id;
  const figure = async (label: string, approve: boolean, ctx: Ctx = admin) => {
    const made = await createFigure(ctx, {
      label,
      jurisdictionCode: "KG",
      unit: "people",
      accounts: [{ value: "1,204", asOf: "2024-12", sourceId: String(report) }],
    });
    if (approve) await approveFigure(reviewer, made.id, made.updatedAt.toISOString());
  };
  await figure("People rehabilitated", true);
  await figure("A draft count of victims", false);
  ({ documentSchema } = await openApiSchemas());
});
afterAll(() => database.close());

const list = (query = "", headers: Record<string, string> = {}) =>
  listJurisdictions(ask(`/api/v1/jurisdictions${query}`, headers));
const one = (code: string, query = "", headers: Record<string, string> = {}) =>
  getJurisdiction(ask(`/api/v1/jurisdictions/${code}${query}`, headers), { params: Promise.resolve({ code }) });

describe("GET /api/v1/jurisdictions", () => {
  test("lists the jurisdictions with a published law, by name, with counts of published laws only", async () => {
    const body = await expectAnswer(documentSchema, await list(), 200, "/jurisdictions");
    const { data, next } = jurisdictionListSchema.parse(body);
    expect(next).toBeNull();
    expect(data).toEqual([
      {
        code: "KG",
        name: "Kyrgyzstan",
        kind: "country",
        startYear: 1991,
        endYear: null,
        laws: 1,
        url: `${origin}/jurisdictions/kg`,
        api: `${origin}/api/v1/jurisdictions/kg`,
      },
    ]);
  });

  test("takes no parameter: one is a 400 that names it", async () => {
    expect(await expectProblem(documentSchema, await list("?kind=country"), 400, "/jurisdictions")).toContain('"kind"');
  });
});

describe("GET /api/v1/jurisdictions/{code}", () => {
  test("gives a jurisdiction as its page shows it: succession, published laws, topics, articles, approved figures", async () => {
    const body = await expectAnswer(documentSchema, await one("kg"), 200, "/jurisdictions/{code}");
    const kyrgyzstan = jurisdictionSchema.parse(body);
    expect(kyrgyzstan).toMatchObject({
      code: "KG",
      name: "Kyrgyzstan",
      otherNames: [{ name: "Кыргызстан", lang: "ky" }],
      successor: null,
      predecessors: [
        {
          code: "SU",
          name: "Soviet Union",
          url: `${origin}/jurisdictions/su`,
          api: `${origin}/api/v1/jurisdictions/su`,
        },
      ],
      lawCount: 1,
      lawsApi: `${origin}/api/v1/laws?jurisdiction=KG`,
      topics: [
        {
          slug: "rehabilitation",
          name: "Rehabilitation",
          laws: 1,
          url: `${origin}/topics/rehabilitation`,
          api: `${origin}/api/v1/topics/rehabilitation`,
        },
      ],
      articleCount: 1,
      articlesApi: `${origin}/api/v1/articles?jurisdiction=KG`,
    });
    expect(kyrgyzstan.laws).toEqual([
      {
        title: "Kyrgyz rehabilitation act",
        type: "law",
        status: "in_force",
        milestone: { kind: "adopted", date: { date: "2024-11-20", precision: "day", approximate: false } },
        url: `${origin}/laws/kg/kyrgyz-rehabilitation-act`,
        api: `${origin}/api/v1/laws/kg/kyrgyz-rehabilitation-act`,
      },
    ]);
    expect(kyrgyzstan.articles.map((a) => a.title)).toEqual(["Bishkek court rehabilitates victims"]);
    expect(kyrgyzstan.figures).toEqual([
      {
        id: expect.any(Number),
        label: "People rehabilitated",
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
        url: `${origin}/jurisdictions/kg#figure-${kyrgyzstan.figures[0]!.id}`,
        api: `${origin}/api/v1/figures/${kyrgyzstan.figures[0]!.id}`,
      },
    ]);
    expect(JSON.stringify(body)).not.toMatch(/draft/i);
    const union = jurisdictionSchema.parse(
      await expectAnswer(documentSchema, await one("su"), 200, "/jurisdictions/{code}"),
    );
    expect(union.successor).toMatchObject({ code: "KG", api: `${origin}/api/v1/jurisdictions/kg` });
  });

  test("a jurisdiction with drafts only shows none of them", async () => {
    const body = await expectAnswer(documentSchema, await one("kz"), 200, "/jurisdictions/{code}");
    expect(jurisdictionSchema.parse(body)).toMatchObject({ laws: [], lawCount: 0, topics: [], articles: [] });
    expect(JSON.stringify(body)).not.toMatch(/draft/i);
  });

  test("an unknown or impossible code is 404, a parameter 400", async () => {
    const problem = (response: Response, status: number) =>
      expectProblem(documentSchema, response, status, "/jurisdictions/{code}");
    expect(await problem(await one("xx"), 404)).toBe("No jurisdiction has this address.");
    await problem(await one("%00"), 404);
    await problem(await one("k".repeat(40)), 404);
    expect(await problem(await one("kg", "?page=2"), 400)).toContain('"page"');
  });

  test.each([
    ["the list", (headers?: Record<string, string>) => list("", headers)],
    ["a jurisdiction", (headers?: Record<string, string>) => one("kg", "", headers)],
  ])("%s: ETag, Cache-Control, open CORS, and 304 to a request that holds it", async (_name, get) => {
    await expectCachedAnswer(get);
  });
});
