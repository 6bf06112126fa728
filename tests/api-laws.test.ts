import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import type { Database } from "@/db";
import type { Ctx } from "@/modules/auth/context";
import { addEvent } from "@/modules/laws/events";
import { addLawRelation } from "@/modules/laws/relations";
import { createLaw, updateLaw } from "@/modules/laws/save";
import { addLawTextVersion, updateLawTextVersion } from "@/modules/laws/texts";
import { lawListSchema, lawSchema } from "@/modules/public/api/schemas/law";
import { annotationCollectionSchema, annotationErrorSchema } from "@/modules/public/api/schemas/annotation";
import { createTopic } from "@/modules/topics/save";
import { moveItem } from "@/modules/workflow/transitions";
import { GET as getAnnotations } from "@/app/api/v1/annotations/route";
import { GET as getLaw } from "@/app/api/v1/laws/[jurisdiction]/[slug]/route";
import { GET as listLaws } from "@/app/api/v1/laws/route";
import { GET as getOpenApi } from "@/app/api/v1/openapi.json/route";
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

/* The read API's law endpoints through their route handlers, on a test database (./api-helpers.ts). */
vi.mock("next/cache", () => ({ cacheTag: () => undefined, cacheLife: () => undefined }));
vi.mock("@/modules/public/site", () => ({ siteOrigin: async () => "https://archive.example" }));
vi.mock("@/db", async (original) => ({
  ...(await original<typeof import("@/db")>()),
  getDatabase: async () => api.database!,
}));

let database: Database;
let admin: Ctx;
const laws: Record<string, { id: number; slug: string; jurisdiction: string }> = {};
beforeAll(async () => {
  database = api.database = await createTestDatabase();
  await makeJurisdiction(database.db, "KG", "Kyrgyzstan");
  await makeJurisdiction(database.db, "KZ", "Kazakhstan");
  admin = (await makeUser(database.db, "admin")).ctx;
  const topicId = (await createTopic(admin, { name: "Rehabilitation", slug: "rehabilitation" })).id;
  const base = (id: number) => workingRevision(admin, "law", id);
  const law = async (key: string, title: string, extra: Record<string, unknown>, adopted?: string) => {
    const made = await createLaw(admin, { type: "law", status: "in_force", titles: [{ lang: "en", title }], ...extra });
    if (adopted)
      await addEvent(admin, made.id, {
        kind: "adopted",
        accounts: [{ date: adopted }],
        baseRevision: await base(made.id),
      });
    laws[key] = { id: made.id, slug: made.slug, jurisdiction: String(extra.jurisdictionCode).toLowerCase() };
    return made.id;
  };
  const kyrgyz = await law(
    "kyrgyz",
    "Kyrgyz rehabilitation act",
    {
      jurisdictionCode: "KG",
      topicIds: [topicId],
      identifiers: [{ registry: "CBD", value: "112233" }],
    },
    "2024-11-20",
  );
  await addLawTextVersion(admin, kyrgyz, {
    lang: "ru",
    official: true,
    body: "Published text.",
    baseRevision: await base(kyrgyz),
  });
  const kazakh = await law(
    "kazakh",
    "Kazakh rehabilitation law",
    { jurisdictionCode: "KZ", topicIds: [topicId] },
    "1993-04-14",
  );
  await addLawRelation(admin, kyrgyz, { toLawId: kazakh, kind: "comparable", baseRevision: await base(kyrgyz) });
  await law(
    "decree",
    "Kazakh decree on archives",
    { jurisdictionCode: "KZ", type: "decree", status: "repealed" },
    "1997",
  );
  await law("extra", "Kyrgyz law on archives", { jurisdictionCode: "KG" }, "2005");
  for (const key of ["kazakh", "kyrgyz", "decree", "extra"]) await publishItem(database.db, "law", laws[key]!.id);
  await law("draft", "A Kyrgyz draft nobody published", { jurisdictionCode: "KG", topicIds: [topicId] }, "2025");
  const withdrawn = await law("withdrawn", "A withdrawn Kyrgyz law", { jurisdictionCode: "KG" }, "2001");
  await publishItem(database.db, "law", withdrawn);
  await moveItem(admin, { type: "law", id: withdrawn, action: "withdraw", baseRevision: await base(withdrawn) });
  // A draft change to a published law, never published: the API must keep showing the published text.
  const [text] = await database.db.query.lawTextVersions.findMany({ where: (t, { eq }) => eq(t.lawId, kyrgyz) });
  await updateLawTextVersion(admin, text!.id, {
    lang: "ru",
    official: true,
    body: "Unpublished edit.",
    baseRevision: await base(kyrgyz),
  });
});
afterAll(() => database.close());

const list = (query = "", headers: Record<string, string> = {}) => listLaws(ask(`/api/v1/laws${query}`, headers));
const one = (jurisdiction: string, slug: string, query = "", headers: Record<string, string> = {}) =>
  getLaw(ask(`/api/v1/laws/${jurisdiction}/${slug}${query}`, headers), {
    params: Promise.resolve({ jurisdiction, slug }),
  });
const path = (key: string) => [laws[key]!.jurisdiction, laws[key]!.slug] as const;

let documentSchema: DocumentSchema;
beforeAll(async () => {
  ({ documentSchema } = await openApiSchemas());
});

/** A list answer, checked against the zod schema and the OpenAPI document. */
async function page(query = "") {
  return lawListSchema.parse(await expectAnswer(documentSchema, await list(query), 200, "/laws"));
}

const problem = (response: Response, status: number, apiPath = "/laws/{jurisdiction}/{slug}") =>
  expectProblem(documentSchema, response, status, apiPath);

describe("GET /api/v1/laws", () => {
  test("lists published laws only, each valid by its schema and the OpenAPI document", async () => {
    const { data, next } = await page();
    expect(data.map((l) => l.title).sort()).toEqual([
      "Kazakh decree on archives",
      "Kazakh rehabilitation law",
      "Kyrgyz law on archives",
      "Kyrgyz rehabilitation act",
    ]);
    expect(next).toBeNull();
    const kyrgyz = data.find((l) => l.slug === laws.kyrgyz!.slug)!;
    expect(kyrgyz).toMatchObject({
      jurisdiction: { code: "KG", name: "Kyrgyzstan" },
      year: 2024,
      url: `${origin}/laws/kg/${laws.kyrgyz!.slug}`,
      api: `${origin}/api/v1/laws/kg/${laws.kyrgyz!.slug}`,
    });
  });

  test("filters as the /laws facets do: jurisdiction, status, type, year, topic", async () => {
    const titles = async (query: string) => (await page(query)).data.map((l) => l.title).sort();
    expect(await titles("?jurisdiction=kz")).toEqual(["Kazakh decree on archives", "Kazakh rehabilitation law"]);
    expect(await titles("?status=repealed")).toEqual(["Kazakh decree on archives"]);
    expect(await titles("?type=decree")).toEqual(["Kazakh decree on archives"]);
    expect(await titles("?year=1993")).toEqual(["Kazakh rehabilitation law"]);
    expect(await titles("?topic=rehabilitation")).toEqual(["Kazakh rehabilitation law", "Kyrgyz rehabilitation act"]);
    expect(await titles("?topic=rehabilitation&jurisdiction=KG")).toEqual(["Kyrgyz rehabilitation act"]);
    expect(await titles("?topic=no-such-topic")).toEqual([]);
  });

  test.each([1, 2, 3])("a walk by cursor, %i a page, reads every published law exactly once", async (limit) => {
    const seen = await walk(`?limit=${limit}`, "/api/v1/laws", page, (l) => l.slug, limit);
    expect(seen.sort()).toEqual(["kazakh", "kyrgyz", "decree", "extra"].map((k) => laws[k]!.slug).sort());
  });

  test("a cursor keeps the filters it was given with", async () => {
    const first = await page("?jurisdiction=kg&limit=1");
    expect(first.next).toContain("jurisdiction=KG");
    const second = await page(queryOf(first.next!, "/api/v1/laws"));
    expect([...first.data, ...second.data].every((l) => l.jurisdiction.code === "KG")).toBe(true);
    expect(second.next).toBeNull();
  });

  test("updated_since keeps the laws published at or after it", async () => {
    const all = (await page()).data;
    const times = all.map((l) => l.publishedAt).sort();
    const since = times[2]!;
    const newer = (await page(`?updated_since=${encodeURIComponent(since)}`)).data;
    expect(newer.map((l) => l.slug).sort()).toEqual(
      all
        .filter((l) => l.publishedAt >= since)
        .map((l) => l.slug)
        .sort(),
    );
    expect(newer.length).toBeLessThan(all.length);
    expect((await page(`?updated_since=${encodeURIComponent("2999-01-01T00:00:00Z")}`)).data).toEqual([]);
  });

  test.each([
    ["?year=abc", "year"],
    ["?year=12", "year"],
    ["?status=nope", "status"],
    ["?type=", "type"],
    ["?jurisdiction=k%20g!", "jurisdiction"],
    ["?topic=Not%20A%20Slug", "topic"],
    ["?limit=0", "limit"],
    ["?limit=101", "limit"],
    ["?limit=ten", "limit"],
    ["?updated_since=yesterday", "updated_since"],
    ["?updated_since=2024-01-01", "updated_since"],
    ["?cursor=!!!", "cursor"],
    [`?cursor=${Buffer.from('{"p":"x","id":1}').toString("base64url")}`, "cursor"],
    ["?cursor=bm90IGpzb24", "cursor"],
    ["?jurisdicton=kg", "jurisdicton"],
    ["?year=1993&year=1994", "year"],
    ["?%00=1", "\u0000"],
  ])("refuses %s with a 400 that names the parameter", async (query, name) => {
    expect(await problem(await list(query), 400, "/laws")).toContain(`"${name}"`);
  });
});

describe("GET /api/v1/laws/{jurisdiction}/{slug}", () => {
  test("gives a published law with its timeline, relations, identifiers, topics, texts and versions", async () => {
    const response = await one(...path("kyrgyz"));
    expect(response.status).toBe(200);
    const body: unknown = await response.json();
    expect(documentSchema("/laws/{jurisdiction}/{slug}", 200)(body)).toBeNull();
    const law = lawSchema.parse(body);
    expect(law.title).toBe("Kyrgyz rehabilitation act");
    expect(law.identifiers).toEqual([{ registry: "CBD", value: "112233" }]);
    expect(law.topics).toEqual([{ slug: "rehabilitation", name: "Rehabilitation" }]);
    expect(law.timeline.map((s) => [s.kind, s.date?.date])).toEqual([["adopted", "2024-11-20"]]);
    expect(law.related).toEqual([
      {
        label: "Comparable to",
        note: "",
        title: "Kazakh rehabilitation law",
        url: `${origin}/laws/kz/${laws.kazakh!.slug}`,
      },
    ]);
    expect(law.versions).toHaveLength(1);
    expect(law.versions[0]!.publishedAt).toBe(law.publishedAt);
    // The draft edit made after publication stays out, though the editorial tables hold it.
    const [draft] = await database.db.query.lawTextVersions.findMany({
      where: (t, { eq }) => eq(t.lawId, laws.kyrgyz!.id),
    });
    expect(draft!.body).toBe("Unpublished edit.");
    expect(law.texts.map((t) => t.body)).toEqual(["Published text."]);
    expect(JSON.stringify(body)).not.toContain("Unpublished edit.");
  });

  test("a law never published is 404, a withdrawn one 410, an unknown or impossible address 404", async () => {
    expect(await problem(await one(...path("draft")), 404)).toBe("No published law has this address.");
    expect(await problem(await one(...path("withdrawn")), 410)).toMatch(/withdrawn/);
    await problem(await one("kg", "no-such-law"), 404);
    await problem(await one("zz", laws.kyrgyz!.slug), 404);
    await problem(await one("kg", "Not%20a%20slug"), 404);
    await problem(await one("k%00", "x"), 404);
  });

  test("takes no query parameter: one is a 400 that names it", async () => {
    expect(await problem(await one(...path("kyrgyz"), "?version=1"), 400)).toContain('"version"');
  });
});

describe("HTTP caching and CORS", () => {
  test.each([
    ["the list", (headers?: Record<string, string>) => list("?jurisdiction=kg", headers)],
    ["a law", (headers?: Record<string, string>) => one(...path("kazakh"), "", headers)],
    ["the OpenAPI document", (headers?: Record<string, string>) => getOpenApi(ask("/api/v1/openapi.json", headers))],
  ])("%s: ETag, Cache-Control, open CORS, and 304 to a request that holds it", async (_name, get) => {
    await expectCachedAnswer(get);
  });

  test("If-None-Match with the current ETag is a 304 with no body; errors carry CORS too", async () => {
    const etag = (await list()).headers.get("etag")!;
    const cached = await list("", { "if-none-match": etag });
    expect(cached.status).toBe(304);
    expect(await cached.text()).toBe("");
    expect((await list("", { "if-none-match": '"stale"' })).status).toBe(200);
    const lawTag = (await one(...path("kyrgyz"))).headers.get("etag")!;
    expect((await one(...path("kyrgyz"), "", { "if-none-match": lawTag })).status).toBe(304);
    expect(lawTag).not.toBe(etag);
    const refused = await list("?year=x");
    expect(refused.headers.get("access-control-allow-origin")).toBe("*");
  });
});

describe("GET /api/v1/openapi.json", () => {
  test("is an OpenAPI 3.1 document listing the laws and annotations endpoints, their parameters and errors", async () => {
    const document = await (await getOpenApi(ask("/api/v1/openapi.json"))).json();
    expect(document.openapi).toBe("3.1.0");
    expect(document.servers).toEqual([{ url: `${origin}/api/v1` }]);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(["/annotations", "/annotations/{id}", "/laws", "/laws/{jurisdiction}/{slug}"]),
    );
    const listing = document.paths["/laws"].get;
    expect(listing.parameters.map((p: { name: string }) => p.name)).toEqual([
      "jurisdiction",
      "status",
      "type",
      "year",
      "topic",
      "updated_since",
      "cursor",
      "limit",
    ]);
    expect(Object.keys(listing.responses)).toEqual(["200", "304", "400"]);
    expect(Object.keys(document.paths["/laws/{jurisdiction}/{slug}"].get.responses)).toEqual(
      expect.arrayContaining(["200", "404", "410"]),
    );
    // A schema that no longer matches the handler's answer would fail the checks above; this one
    // shows the document refuses what the API never sends.
    expect(documentSchema("/laws", 200)({ data: [{ title: "x" }], next: null })).not.toBeNull();
  });

  test("the annotations API answers W3C collections, and errors as the rest of the API (with `error` kept)", async () => {
    const response = await getAnnotations(ask("/api/v1/annotations?target="));
    expect(response.status).toBe(400);
    const problem = annotationErrorSchema.strict().parse(await response.json());
    expect(problem).toMatchObject({ status: 400, error: problem.message });
    expect(documentSchema("/annotations", 400)(problem)).toBeNull();
    const onLaw = await getAnnotations(
      ask(`/api/v1/annotations?target=${encodeURIComponent(`/laws/kg/${laws.kyrgyz!.slug}`)}`),
    );
    expect(onLaw.status).toBe(200);
    const collection = await onLaw.json();
    annotationCollectionSchema.parse(collection);
    expect(documentSchema("/annotations", 200)(collection)).toBeNull();
  });
});

describe("a renamed law", () => {
  // Last in the file: it publishes one more law.
  test("its old address is a 308 to the new one, with Location", async () => {
    const form = {
      type: "law",
      status: "in_force",
      jurisdictionCode: "KG",
      titles: [{ lang: "en", title: "A law renamed" }],
    };
    const law = await createLaw(admin, form);
    await publishItem(database.db, "law", law.id);
    const baseRevision = await workingRevision(admin, "law", law.id);
    await updateLaw(admin, law.id, { ...form, slug: "a-law-with-a-new-name", baseRevision });
    await publishItem(database.db, "law", law.id);
    const moved = await one("kg", law.slug);
    const location = `${origin}/api/v1/laws/kg/a-law-with-a-new-name`;
    expect(moved.headers.get("location")).toBe(location);
    expect(await problem(moved, 308)).toMatch(/moved/);
    expect((await one("kg", "a-law-with-a-new-name")).status).toBe(200);
  });
});
