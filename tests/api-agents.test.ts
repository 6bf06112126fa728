import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import type { Database } from "@/db";
import type { Ctx } from "@/modules/auth/context";
import { createAgent, updateAgent } from "@/modules/agents/save";
import { createArticle } from "@/modules/articles/save";
import { addEvent } from "@/modules/laws/events";
import { createLaw } from "@/modules/laws/save";
import { agentListSchema, agentSchema } from "@/modules/public/api/schemas/agent";
import { moveItem } from "@/modules/workflow/transitions";
import { GET as getAgent } from "@/app/api/v1/agents/[slug]/route";
import { GET as listAgents } from "@/app/api/v1/agents/route";
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

/* The read API's agent endpoints through their route handlers, on a test database (./api-helpers.ts). */
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
const writerForm = { kind: "person", preferredName: "Ainura Writer", description: "A journalist in Bishkek." };
beforeAll(async () => {
  database = api.database = await createTestDatabase();
  await makeJurisdiction(database.db, "KG", "Kyrgyzstan");
  admin = (await makeUser(database.db, "admin")).ctx;
  const agent = async (key: string, form: Parameters<typeof createAgent>[1], publish = true) => {
    const made = await createAgent(admin, form);
    ids[key] = made.id;
    slugs[key] = made.slug;
    if (publish) await publishItem(database.db, "agent", made.id);
  };
  await agent("writer", {
    ...writerForm,
    names: [{ name: "Айнура", lang: "ky" }],
    links: [{ label: "Site", url: "https://writer.example" }],
  });
  await agent("parliament", { kind: "legislature", preferredName: "Jogorku Kenesh" });
  await agent("hidden", { kind: "media_outlet", preferredName: "An outlet never published" }, false);
  await agent("withdrawn", { kind: "person", preferredName: "A withdrawn person" });
  await moveItem(admin, {
    type: "agent",
    id: ids.withdrawn!,
    action: "withdraw",
    baseRevision: await workingRevision(admin, "agent", ids.withdrawn!),
  });
  const law = async (title: string) => {
    const made = await createLaw(admin, {
      type: "law",
      status: "in_force",
      jurisdictionCode: "KG",
      titles: [{ lang: "en", title }],
    });
    await addEvent(admin, made.id, {
      kind: "adopted",
      agentId: ids.parliament,
      accounts: [{ date: "2024-11-20" }],
      baseRevision: await workingRevision(admin, "law", made.id),
    });
    return made.id;
  };
  await publishItem(database.db, "law", await law("Kyrgyz rehabilitation act"));
  await law("A draft law the parliament is said to adopt");
  const article = async (title: string, publish: boolean) => {
    const made = await createArticle(admin, { kind: "news", title, lang: "en", authorIds: [ids.writer] });
    if (publish) await publishItem(database.db, "article", made.id);
  };
  await article("Bishkek court rehabilitates victims", true);
  await article("A draft report by the writer", false);
  // A draft change to a published agent, never published: the API must keep showing the published one.
  await updateAgent(admin, ids.writer!, {
    ...writerForm,
    description: "Unpublished description.",
    slug: slugs.writer,
    baseRevision: await workingRevision(admin, "agent", ids.writer!),
  });
  ({ documentSchema } = await openApiSchemas());
});
afterAll(() => database.close());

const list = (query = "", headers: Record<string, string> = {}) => listAgents(ask(`/api/v1/agents${query}`, headers));
const one = (slug: string, query = "", headers: Record<string, string> = {}) =>
  getAgent(ask(`/api/v1/agents/${slug}${query}`, headers), { params: Promise.resolve({ slug }) });

async function page(query = "") {
  return agentListSchema.parse(await expectAnswer(documentSchema, await list(query), 200, "/agents"));
}

const problem = (response: Response, status: number, apiPath = "/agents/{slug}") =>
  expectProblem(documentSchema, response, status, apiPath);

describe("GET /api/v1/agents", () => {
  test("lists published agents only, under their published names", async () => {
    const { data, next } = await page();
    expect(data.map((a) => a.name).sort()).toEqual(["Ainura Writer", "Jogorku Kenesh"]);
    expect(next).toBeNull();
    expect(data.find((a) => a.slug === slugs.writer)).toEqual({
      slug: slugs.writer,
      kind: "person",
      name: "Ainura Writer",
      publishedAt: expect.any(String),
      url: `${origin}/agents/${slugs.writer}`,
      api: `${origin}/api/v1/agents/${slugs.writer}`,
    });
  });

  test("filters by kind, and walks by cursor reading each agent once", async () => {
    expect((await page("?kind=legislature")).data.map((a) => a.slug)).toEqual([slugs.parliament]);
    expect((await page("?kind=media_outlet")).data).toEqual([]);
    const seen = await walk("?limit=1", "/api/v1/agents", page, (a) => a.slug, 1);
    expect(seen.sort()).toEqual([slugs.parliament, slugs.writer].sort());
    const first = await page("?kind=person&limit=1");
    expect(first.next).toBeNull();
  });

  test("updated_since keeps the agents published at or after it", async () => {
    const all = (await page()).data;
    const latest = all.map((a) => a.publishedAt).sort()[1]!;
    const newer = (await page(`?updated_since=${encodeURIComponent(latest)}`)).data;
    expect(newer.map((a) => a.slug)).toEqual(all.filter((a) => a.publishedAt >= latest).map((a) => a.slug));
    expect((await page("?updated_since=2999-01-01T00:00:00Z")).data).toEqual([]);
  });

  test.each([
    ["?kind=robot", "kind"],
    ["?limit=-1", "limit"],
    ["?updated_since=soon", "updated_since"],
    ["?cursor=bm90IGpzb24", "cursor"],
    ["?name=ainura", "name"],
  ])("refuses %s with a 400 that names the parameter", async (query, name) => {
    expect(await problem(await list(query), 400, "/agents")).toContain(`"${name}"`);
  });
});

describe("GET /api/v1/agents/{slug}", () => {
  test("gives a published agent as its page shows it: published laws and articles only, not its unpublished edit", async () => {
    const body = await expectAnswer(documentSchema, await one(slugs.writer!), 200, "/agents/{slug}");
    const writer = agentSchema.parse(body);
    expect(writer).toMatchObject({
      name: "Ainura Writer",
      description: "A journalist in Bishkek.",
      otherNames: [{ name: "Айнура", lang: "ky" }],
      links: [{ label: "Site", url: "https://writer.example" }],
      articleCount: 1,
      articlesApi: `${origin}/api/v1/articles?agent=${slugs.writer}`,
    });
    expect(writer.articles.map((a) => [a.title, a.roles])).toEqual([
      ["Bishkek court rehabilitates victims", ["author"]],
    ]);
    expect(JSON.stringify(body)).not.toContain("Unpublished description.");
    expect(JSON.stringify(body)).not.toContain("A draft report");

    const parliament = agentSchema.parse(
      await expectAnswer(documentSchema, await one(slugs.parliament!), 200, "/agents/{slug}"),
    );
    expect(parliament).toMatchObject({ actCount: 1, lawCount: 1 });
    expect(parliament.acts).toEqual([
      {
        kind: "adopted",
        date: { date: "2024-11-20", precision: "day", approximate: false },
        note: "",
        law: {
          title: "Kyrgyz rehabilitation act",
          jurisdiction: "Kyrgyzstan",
          url: `${origin}/laws/kg/kyrgyz-rehabilitation-act`,
          api: `${origin}/api/v1/laws/kg/kyrgyz-rehabilitation-act`,
        },
      },
    ]);
  });

  test("an agent never published is 404, a withdrawn one 410, an unknown or impossible address 404", async () => {
    expect(await problem(await one(slugs.hidden!), 404)).toBe("No published agent has this address.");
    expect(await problem(await one(slugs.withdrawn!), 410)).toMatch(/withdrawn/);
    await problem(await one("no-such-agent"), 404);
    await problem(await one("%00"), 404);
    expect(await problem(await one(slugs.writer!, "?fields=all"), 400)).toContain('"fields"');
  });

  test.each([
    ["the list", (headers?: Record<string, string>) => list("?kind=person", headers)],
    ["an agent", (headers?: Record<string, string>) => one(slugs.parliament!, "", headers)],
  ])("%s: ETag, Cache-Control, open CORS, and 304 to a request that holds it", async (_name, get) => {
    await expectCachedAnswer(get);
  });

  test("both endpoints are in the OpenAPI document", async () => {
    const { document } = await openApiSchemas();
    expect(document.paths["/agents"]!.get.parameters.map((p) => p.name)).toEqual([
      "kind",
      "updated_since",
      "cursor",
      "limit",
    ]);
    expect(Object.keys(document.paths["/agents/{slug}"]!.get.responses)).toEqual(
      expect.arrayContaining(["200", "308", "404", "410"]),
    );
  });
});

describe("a renamed agent", () => {
  // Last in the file: it publishes the writer's working revision.
  test("its old address is a 308 to the new one, with Location", async () => {
    await updateAgent(admin, ids.writer!, {
      ...writerForm,
      slug: "ainura-writer-renamed",
      baseRevision: await workingRevision(admin, "agent", ids.writer!),
    });
    await publishItem(database.db, "agent", ids.writer!);
    const moved = await one(slugs.writer!);
    expect(moved.headers.get("location")).toBe(`${origin}/api/v1/agents/ainura-writer-renamed`);
    expect(await problem(moved, 308)).toMatch(/moved/);
    expect((await one("ainura-writer-renamed")).status).toBe(200);
  });
});
