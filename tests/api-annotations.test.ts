import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import type { Database } from "@/db";
import { toCodePoints } from "@/lib/anchoring/selectors";
import { markdownText } from "@/lib/markdown";
import { createAnnotation } from "@/modules/annotations/save";
import { commandLineActor, type Ctx } from "@/modules/auth/context";
import { createLaw } from "@/modules/laws/save";
import { addLawTextVersion } from "@/modules/laws/texts";
import { annotationErrorSchema, annotationPageSchema } from "@/modules/public/api/schemas/annotation";
import { moveItem } from "@/modules/workflow/transitions";
import { GET as getAnnotations } from "@/app/api/v1/annotations/route";
import { api, ask, expectCachedAnswer, openApiSchemas, origin, queryOf, type DocumentSchema } from "./api-helpers";
import { createTestDatabase } from "./db";
import { makeJurisdiction, makeUser, publishItem, workingRevision } from "./factories";

/* The walk through every published annotation (/api/v1/annotations without a target), on a test database. */
vi.mock("next/cache", () => ({ cacheTag: () => undefined, cacheLife: () => undefined }));
vi.mock("@/modules/public/site", () => ({ siteOrigin: async () => "https://archive.example" }));
vi.mock("@/db", async (original) => ({
  ...(await original<typeof import("@/db")>()),
  getDatabase: async () => api.database!,
}));

const body =
  "## Article 1\n\nCitizens repressed for political reasons between 1917 and 1953 are rehabilitated in full.\n";

let database: Database;
let admin: Ctx;
let contributor: Ctx;
let documentSchema: DocumentSchema;
/** The notes readers may see, in the order they were published. */
const published: number[] = [];
let lawOnlyInDraft: number;
let publishedLaw: number;

/** A law with one English text, and a public note on `quote` in it. */
async function lawWithText(title: string) {
  const law = await createLaw(contributor, {
    jurisdictionCode: "KG",
    type: "law",
    status: "adopted",
    titles: [{ lang: "en", title }],
  });
  const text = await addLawTextVersion(contributor, law.id, {
    lang: "en",
    body,
    baseRevision: await workingRevision(contributor, "law", law.id),
  });
  return { id: law.id, textId: text.id };
}

async function annotate(law: { id: number; textId: number }, quote: string, audience = "public") {
  const plain = markdownText(body);
  const at = plain.indexOf(quote);
  const note = await createAnnotation(contributor, {
    targetType: "law",
    targetId: law.id,
    textId: law.textId,
    kind: "context",
    audience,
    body: `A note on “${quote}”.`,
    passage: {
      targetRevision: await workingRevision(contributor, "law", law.id),
      exact: quote,
      prefix: plain.slice(Math.max(0, at - 32), at),
      suffix: plain.slice(at + quote.length, at + quote.length + 32),
      start: toCodePoints(plain, at),
      end: toCodePoints(plain, at + quote.length),
    },
  });
  return note.id;
}

const list = async (query = "") => getAnnotations(ask(`/api/v1/annotations${query}`));

/** Every note's id on the walk from `first`, page by page, each page checked against the OpenAPI document. */
async function walkIds(first: string) {
  const ids: number[] = [];
  let query: string | null = first;
  for (let pages = 0; query !== null; pages += 1) {
    expect(pages).toBeLessThan(10);
    const response = await list(query);
    expect(response.status).toBe(200);
    const page = await response.json();
    expect(documentSchema("/annotations", 200)(page)).toBeNull();
    const { items, next } = annotationPageSchema.parse(page);
    ids.push(...items.map((item) => Number(item.id.split("/").at(-1))));
    query = next ? queryOf(next, "/api/v1/annotations") : null;
  }
  return ids;
}

beforeAll(async () => {
  database = api.database = await createTestDatabase();
  await makeJurisdiction(database.db, "KG", "Kyrgyzstan");
  admin = { db: database.db, actor: commandLineActor };
  contributor = (await makeUser(database.db, "contributor")).ctx;
  ({ documentSchema } = await openApiSchemas());

  const law = await lawWithText("On rehabilitation, annotated");
  publishedLaw = law.id;
  const first = await annotate(law, "political reasons");
  const second = await annotate(law, "between 1917 and 1953");
  const third = await annotate(law, "rehabilitated in full");
  const internal = await annotate(law, "Citizens repressed", "internal");
  await annotate(law, "repressed for"); // stays a draft
  for (const id of [second, first, third, internal]) await publishItem(database.db, "annotation", id);
  await publishItem(database.db, "law", law.id);
  published.push(second, first, third);

  // Published, on a law still in draft: not public until the law is.
  const draftLaw = await lawWithText("On rehabilitation, not yet published");
  lawOnlyInDraft = draftLaw.id;
  await publishItem(database.db, "annotation", await annotate(draftLaw, "political reasons"));
});
afterAll(() => database.close());

describe("every published annotation, a page at a time", () => {
  test("walks the public notes on published pages in publication order: no draft, internal note or note on a draft", async () => {
    expect(await walkIds("?limit=2")).toEqual(published);
    expect(await walkIds("")).toEqual(published);
  });

  test("a page is a W3C AnnotationPage naming its own address, with `next` while pages follow", async () => {
    const first = await (await list("?limit=2")).json();
    expect(first).toMatchObject({
      "@context": "http://www.w3.org/ns/anno.jsonld",
      id: `${origin}/api/v1/annotations?limit=2`,
      type: "AnnotationPage",
    });
    expect(first.items[0]).toMatchObject({
      type: "Annotation",
      target: { source: expect.stringMatching(new RegExp(`^${origin}/laws/kg/`)) },
    });
    expect(first.next).toMatch(new RegExp(`^${origin}/api/v1/annotations\\?limit=2&cursor=`));
    const last = await (await list(queryOf(first.next, "/api/v1/annotations"))).json();
    expect(last.id).toBe(first.next);
    expect(last).not.toHaveProperty("next");
  });

  test("updated_since keeps what was published since; a note's withdrawal and its law's take them off", async () => {
    expect(await walkIds(`?updated_since=${encodeURIComponent("2999-01-01T00:00:00Z")}`)).toEqual([]);
    expect(await walkIds(`?updated_since=${encodeURIComponent("2000-01-01T00:00:00Z")}`)).toEqual(published);

    const [withdrawn, ...kept] = published;
    await moveItem(admin, {
      type: "annotation",
      id: withdrawn!,
      action: "withdraw",
      baseRevision: await workingRevision(admin, "annotation", withdrawn!),
    });
    expect(await walkIds("")).toEqual(kept);
    await publishItem(database.db, "law", lawOnlyInDraft);
    expect(await walkIds("")).toHaveLength(kept.length + 1);
    await moveItem(admin, {
      type: "law",
      id: publishedLaw,
      action: "withdraw",
      baseRevision: await workingRevision(admin, "law", publishedLaw),
    });
    expect(await walkIds("")).toHaveLength(1);
  });

  test("a bad parameter is a 400 that names it, in this API's error shape", async () => {
    for (const [query, named] of [
      ["?limit=0", "limit"],
      ["?limit=101", "limit"],
      ["?cursor=not-ours", "cursor"],
      ["?updated_since=yesterday", "updated_since"],
      ["?page=2", "page"],
      ["?limit=1&limit=2", "limit"],
    ] as const) {
      const response = await list(query);
      expect(response.status, query).toBe(400);
      const problem = annotationErrorSchema.strict().parse(await response.json());
      expect(problem.message).toContain(`"${named}"`);
      expect(problem.error).toBe(problem.message);
      expect(documentSchema("/annotations", 400)(problem)).toBeNull();
    }
    // An empty target is still the target's error, not the list.
    expect(await (await list("?target=")).json()).toMatchObject({
      status: 400,
      message: expect.stringContaining("?target="),
    });
  });

  test("each page has an ETag, the shared cache policy and CORS, and answers 304 to a client that holds it", async () => {
    await expectCachedAnswer((headers) => getAnnotations(ask("/api/v1/annotations?limit=1", headers)));
  });
});
