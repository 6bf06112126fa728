import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "@/db";
import { commandLineActor, type Ctx } from "@/modules/auth/context";
import { createAgent, updateAgent } from "@/modules/agents/save";
import { createArticle } from "@/modules/articles/save";
import { createLaw } from "@/modules/laws/save";
import { readSearch, searchPageSize } from "@/modules/public/search";
import { searchQuery } from "@/modules/public/search-url";
import { loadDemoContent } from "@/modules/system/demo-content";
import { moveItem } from "@/modules/workflow/transitions";
import { createTestDatabase } from "./db";
import { makeJurisdiction, makeUser, publishItem, workingRevision } from "./factories";

let database: Database;
let admin: Ctx;
beforeAll(async () => {
  database = await createTestDatabase();
  await loadDemoContent(database.db);
  admin = { db: database.db, actor: commandLineActor };
});
afterAll(() => database.close());

const search = (params: Record<string, string>) => readSearch(database.db, searchQuery.parse(params));
const paths = async (q: string, params: Record<string, string> = {}) =>
  (await search({ q, ...params })).hits.map((h) => h.path);
const text = (parts: { text: string }[] | null) => (parts ?? []).map((p) => p.text).join("");
const marks = (parts: { text: string; match: boolean }[] | null) =>
  (parts ?? []).filter((p) => p.match).map((p) => p.text);

describe("the demo content", () => {
  test.each(["Japarov", "Жапаров", "Zhaparov", "Žaparov", "japarov sadyr", "Japarow", "Жапарoв"])(
    "finds Sadyr Japarov first for %s: any script, diacritics, word order, one letter wrong",
    async (q) => {
      expect((await paths(q))[0]).toBe("/agents/sadyr-japarov");
    },
  );

  test("a word found as typed is not corrected; one spelt differently is, and says so", async () => {
    expect((await search({ q: "Japarov" })).correctedTo).toBeNull();
    const corrected = await search({ q: "Žaparov Sadir" });
    expect(corrected.correctedTo).toBe("zhaparov sadyr");
    expect(corrected.hits[0]?.path).toBe("/agents/sadyr-japarov");
    expect(marks(corrected.hits[0]!.title)).toEqual(["Sadyr", "Japarov"]);
    expect(await search({ q: "qwzxv" })).toMatchObject({ total: 0, correctedTo: null });
  });

  test("a Cyrillic title finds its law in another form of the word, and says which title matched", async () => {
    const results = await search({ q: "реабилитации жертв" });
    const kazakh = results.hits.find((h) => h.path.startsWith("/laws/kz/"));
    expect(kazakh).toBeDefined();
    expect(text(kazakh!.title)).toBe("On the rehabilitation of victims of mass political repression");
    expect(text(kazakh!.alsoKnownAs)).toBe("О реабилитации жертв массовых политических репрессий");
    expect(marks(kazakh!.alsoKnownAs)).toEqual(["реабилитации", "жертв"]);
  });

  test("ranks items named by the words above items that only mention them", async () => {
    const results = await search({ q: "rehabilitation victims" });
    const named = results.hits.map((h) => marks(h.title).length > 0);
    expect(named[0]).toBe(true);
    // Once results stop matching by name, none further down matches by name again.
    expect(named.slice(named.indexOf(false))).not.toContain(true);
    expect(results.hits.some((h) => h.type === "agent")).toBe(true);
  });

  test("snippets come from the item's own text, with the matching words marked", async () => {
    const hit = (await search({ q: "Basmachi" })).hits.find((h) => h.type === "article");
    expect(hit?.path).toBe("/articles/kyrgyzstan-president-signs-law-rehabilitating-victims-of-soviet-repression");
    expect(marks(hit!.snippet)).toEqual(["Basmachi"]);
    expect(text(hit!.snippet)).toMatch(/fight against the Basmachi/);
    expect(text(hit!.snippet).length).toBeLessThan(300);
  });

  test("finds an article by its credited agency, and a law by its identifier", async () => {
    expect(await paths("TRT", { type: "article" })).toEqual([
      "/articles/kyrgyzstan-president-signs-law-rehabilitating-victims-of-soviet-repression",
    ]);
    expect((await search({ q: "Türkiye" })).hits.map((h) => h.path)).toEqual(await paths("turkiye"));
  });

  test("facet counts: each facet counts under the other facet's choice", async () => {
    const all = await search({ q: "rehabilitation" });
    const byType = Object.fromEntries(all.facets.type.map((f) => [f.value, f.count]));
    // Laws, articles, agents and the editors' public annotations that mention it.
    expect(byType.annotation).toBeGreaterThan(0);
    expect(byType.law! + byType.article! + byType.agent! + byType.annotation!).toBe(all.total);
    const laws = await search({ q: "rehabilitation", type: "law" });
    expect(laws.total).toBe(byType.law);
    expect(laws.hits.every((h) => h.type === "law")).toBe(true);
    // The kind facet ignores the kind chosen, so the other kinds stay choosable.
    expect(laws.facets.type).toEqual(all.facets.type);
    // The jurisdiction facet counts only laws now.
    expect(laws.facets.jurisdiction.reduce((n, f) => n + f.count, 0)).toBe(byType.law);
    const kazakh = await search({ q: "rehabilitation", type: "law", jurisdiction: "kz" });
    expect(kazakh.hits.map((h) => h.path)).toEqual([
      "/laws/kz/on-the-rehabilitation-of-victims-of-mass-political-repression-1993",
    ]);
  });

  test.each([
    "%",
    "'; drop table public_search; --",
    "()&|!:*",
    "a:* | !b",
    "\\",
    "<script>alert(1)</script>",
    "🙂",
    "''",
    "x".repeat(5000),
    "null",
  ])("a query of special characters (%j) answers without an error", async (q) => {
    const results = await search({ q });
    expect(results.total).toBeGreaterThanOrEqual(0);
    expect(results.hits.length).toBeLessThanOrEqual(searchPageSize);
  });

  test("an unreadable query string is ignored rather than refused", async () => {
    const results = await readSearch(
      database.db,
      searchQuery.parse({ q: ["a", "b"], type: "secret", jurisdiction: "../", page: "-3" }),
    );
    expect(results).toMatchObject({ total: 0, page: 1, hits: [] });
    expect(searchQuery.parse({ q: "law", type: "draft", page: "x" })).toEqual({ q: "law", page: 1 });
  });
});

describe("only what is live is found", () => {
  test("a draft is not found; publishing finds it; a later draft edit does not show until published", async () => {
    const { ctx: editor } = await makeUser(database.db, "editor");
    const agent = await createAgent(editor, { kind: "person", preferredName: "Quillon Ferramore" });
    expect(await paths("Ferramore")).toEqual([]);
    await publishItem(database.db, "agent", agent.id);
    expect(await paths("Ferramore")).toEqual([`/agents/${agent.slug}`]);

    await updateAgent(editor, agent.id, {
      kind: "person",
      preferredName: "Quillon Ferramore",
      description: "A draft note mentioning zanzibarite.",
      baseRevision: await workingRevision(editor, "agent", agent.id),
    });
    expect(await paths("zanzibarite")).toEqual([]);
    await publishItem(database.db, "agent", agent.id);
    expect(await paths("zanzibarite")).toEqual([`/agents/${agent.slug}`]);

    await moveItem(admin, {
      type: "agent",
      id: agent.id,
      action: "withdraw",
      baseRevision: await workingRevision(admin, "agent", agent.id),
    });
    expect(await paths("Ferramore")).toEqual([]);
    expect(await paths("zanzibarite")).toEqual([]);
  });

  test("an article is filed under its own jurisdictions, not those of unpublished laws it discusses", async () => {
    const { ctx: editor } = await makeUser(database.db, "editor");
    await makeJurisdiction(database.db, "TJ", "Tajikistan");
    const draftLaw = await createLaw(editor, {
      jurisdictionCode: "TJ",
      type: "law",
      status: "bill",
      titles: [{ lang: "en", title: "A Tajik bill still in draft" }],
    });
    const article = await createArticle(editor, {
      kind: "news",
      title: "Report on a Tajik bill about pensions",
      lang: "en",
      jurisdictionCodes: ["KG"],
      lawIds: [draftLaw.id],
    });
    await publishItem(database.db, "article", article.id);
    const results = await search({ q: "Tajik bill pensions" });
    expect(results.hits.map((h) => [h.path, h.jurisdictionCodes])).toEqual([[`/articles/${article.slug}`, ["KG"]]]);
    expect(results.facets.jurisdiction.map((j) => j.value)).toEqual(["KG"]);
    expect((await search({ q: "Tajik bill pensions", jurisdiction: "tj" })).total).toBe(0);
  });

  test("pages through many results, 20 at a time", async () => {
    const { ctx: editor } = await makeUser(database.db, "editor");
    for (let i = 1; i <= searchPageSize + 3; i++) {
      const agent = await createAgent(editor, { kind: "government_body", preferredName: `Pagination Society ${i}` });
      await publishItem(database.db, "agent", agent.id);
    }
    const first = await search({ q: "pagination society" });
    const second = await search({ q: "pagination society", page: "2" });
    expect(first).toMatchObject({ total: searchPageSize + 3, pageCount: 2 });
    expect(first.hits).toHaveLength(searchPageSize);
    expect(second.hits).toHaveLength(3);
    expect(new Set([...first.hits, ...second.hits].map((h) => h.path)).size).toBe(searchPageSize + 3);
    // Past the last page: the total still says what there is, with no hits to show.
    expect(await search({ q: "pagination society", page: "3" })).toMatchObject({ total: searchPageSize + 3, hits: [] });
  });
});
