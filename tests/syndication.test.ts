import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "@/db";
import type { ContentType } from "@/db/schema/vocabulary";
import { createAgent } from "@/modules/agents/save";
import { createArticle } from "@/modules/articles/save";
import type { Ctx } from "@/modules/auth/context";
import { createLaw } from "@/modules/laws/save";
import { readPublicPageCount, readPublicPages, sitemapFile } from "@/modules/public/sitemap";
import { feedPath, feedQuery, readFeed } from "@/modules/public/syndication";
import { createTopic } from "@/modules/topics/save";
import { moveItem } from "@/modules/workflow/transitions";
import { createTestDatabase } from "./db";
import { makeJurisdiction, makeUser, publishItem, workingRevision } from "./factories";

let database: Database;
let admin: Ctx;

async function make(type: ContentType, made: Promise<{ id: number }>, fate: "draft" | "published" | "withdrawn") {
  const { id } = await made;
  if (fate === "draft") return;
  await publishItem(database.db, type, id);
  if (fate === "withdrawn")
    await moveItem(admin, { type, id, action: "withdraw", baseRevision: await workingRevision(admin, type, id) });
}

beforeAll(async () => {
  database = await createTestDatabase();
  await makeJurisdiction(database.db, "KG", "Kyrgyzstan");
  await makeJurisdiction(database.db, "KZ", "Kazakhstan");
  await makeJurisdiction(database.db, "RU", "Russia");
  admin = (await makeUser(database.db, "admin")).ctx;
  const topic = async (name: string, slug: string) => (await createTopic(admin, { name, slug })).id;
  const rehabilitation = await topic("Rehabilitation", "rehabilitation");
  const archives = await topic("Archives", "archives");
  const draftOnly = await topic("Only in a draft", "only-in-a-draft");
  await topic("Unused", "unused");

  const law = (title: string, jurisdictionCode: string, topicIds: number[]) =>
    createLaw(admin, { jurisdictionCode, type: "law", status: "in_force", titles: [{ lang: "en", title }], topicIds });
  const kyrgyzLaw = await law("Kyrgyz rehabilitation act", "KG", [rehabilitation]);
  const kazakhLaw = await law("Kazakh decree on archives", "KZ", [archives]);
  const draftLaw = await law("A Kyrgyz draft nobody published", "KG", [rehabilitation, draftOnly]);
  await make("law", Promise.resolve(kyrgyzLaw), "published");
  await make("law", Promise.resolve(kazakhLaw), "published");
  await make("law", Promise.resolve(draftLaw), "draft");
  await make("law", law("A withdrawn Kazakh law", "KZ", [archives]), "withdrawn");

  const article = (title: string, kind: string, extra: Record<string, unknown>) =>
    createArticle(admin, { kind, title, lang: "en", ...extra });
  await make("article", article("Report on the Kyrgyz act", "news", { lawIds: [kyrgyzLaw.id] }), "published");
  await make(
    "article",
    article("Commentary tagged Kazakhstan", "opinion", { jurisdictionCodes: ["KZ"], topicIds: [rehabilitation] }),
    "published",
  );
  await make("article", article("Analysis of a draft", "analysis", { lawIds: [draftLaw.id] }), "published");
  await make("article", article("Statement not yet published", "statement", { jurisdictionCodes: ["KG"] }), "draft");
  await make("article", article("Report withdrawn", "news", { jurisdictionCodes: ["KG"] }), "withdrawn");

  await make("agent", createAgent(admin, { kind: "legislature", preferredName: "Jogorku Kenesh" }), "published");
  await make("agent", createAgent(admin, { kind: "person", preferredName: "Agent still in draft" }), "draft");
});
afterAll(() => database.close());

const feed = async (params: Record<string, string> = {}) => readFeed(database.db, feedQuery.parse(params));
const titles = async (params: Record<string, string> = {}) => (await feed(params))?.entries.map((e) => e.title).sort();

describe("the Atom feeds", () => {
  test("the main feed carries published laws and articles only: no draft, nothing withdrawn, no agent", async () => {
    const main = await feed();
    expect(main?.entries.map((e) => [e.title, e.category]).sort()).toEqual([
      ["Analysis of a draft", "analysis"],
      ["Commentary tagged Kazakhstan", "opinion"],
      ["Kazakh decree on archives", "law"],
      ["Kyrgyz rehabilitation act", "law"],
      ["Report on the Kyrgyz act", "news"],
    ]);
    expect(main).toMatchObject({ title: "Marginalia: laws and what is written about them", path: "/feed.xml" });
  });

  test("a jurisdiction's feed has its laws and the articles tagged with it or discussing its published laws", async () => {
    expect(await titles({ jurisdiction: "kg" })).toEqual(["Kyrgyz rehabilitation act", "Report on the Kyrgyz act"]);
    expect(await titles({ jurisdiction: "KZ" })).toEqual(["Commentary tagged Kazakhstan", "Kazakh decree on archives"]);
    expect(await feed({ jurisdiction: "kg" })).toMatchObject({
      title: "Marginalia: laws and what is written about them · Kyrgyzstan",
      path: "/feed.xml?jurisdiction=KG",
      pagePath: "/jurisdictions/kg",
    });
    // A jurisdiction with nothing published yet still has a feed to subscribe to.
    expect(await feed({ jurisdiction: "RU" })).toMatchObject({ entries: [], title: expect.stringContaining("Russia") });
  });

  test("a topic's feed has its laws, and the articles tagged with it or discussing those laws", async () => {
    expect(await titles({ topic: "rehabilitation" })).toEqual([
      "Commentary tagged Kazakhstan",
      "Kyrgyz rehabilitation act",
      "Report on the Kyrgyz act",
    ]);
    expect(await titles({ topic: "archives" })).toEqual(["Kazakh decree on archives"]);
    expect(await titles({ topic: "only-in-a-draft" })).toEqual([]);
    expect(await feed({ topic: "archives" })).toMatchObject({
      title: "Marginalia: laws and what is written about them · topic: Archives",
      path: "/feed.xml?topic=archives",
      pagePath: "/topics/archives",
    });
  });

  test("a kind's feed has laws only, or articles of that kind only; filters combine", async () => {
    expect(await titles({ kind: "law" })).toEqual(["Kazakh decree on archives", "Kyrgyz rehabilitation act"]);
    expect(await titles({ kind: "news" })).toEqual(["Report on the Kyrgyz act"]);
    expect(await titles({ kind: "statement" })).toEqual([]);
    // "Commentary" is what readers see on opinion pieces; its feed is the opinion feed.
    expect(await feed({ kind: "commentary" })).toMatchObject({
      title: "Marginalia: commentary and opinion",
      path: "/feed.xml?kind=opinion",
      entries: [{ title: "Commentary tagged Kazakhstan" }],
    });
    expect(await titles({ jurisdiction: "KG", kind: "law" })).toEqual(["Kyrgyz rehabilitation act"]);
    expect(await titles({ topic: "rehabilitation", jurisdiction: "KZ" })).toEqual(["Commentary tagged Kazakhstan"]);
    expect(await titles({ topic: "rehabilitation", kind: "analysis" })).toEqual([]);
  });

  test("an unknown jurisdiction or topic is no feed at all; unreadable values are refused", async () => {
    expect(await feed({ jurisdiction: "XX" })).toBeNull();
    expect(await feed({ topic: "no-such-topic" })).toBeNull();
    for (const params of [
      { kind: "podcast" },
      { kind: "" },
      { jurisdiction: "K G" },
      { topic: "../etc" },
      { topic: "<b>" },
    ])
      expect(feedQuery.safeParse(params).success, JSON.stringify(params)).toBe(false);
    // Parameters it does not know (a campaign tag) are ignored, not refused.
    expect(feedQuery.parse({ utm_source: "newsletter", kind: "law" })).toEqual({ kind: "law" });
  });

  test("feed addresses name their filters in one order, so each feed has one address", () => {
    expect(feedPath()).toBe("/feed.xml");
    expect(feedPath({ kind: "news", topic: "rehabilitation", jurisdiction: "kg" })).toBe(
      "/feed.xml?jurisdiction=KG&topic=rehabilitation&kind=news",
    );
  });
});

describe("the sitemap", () => {
  test("lists the indexes, every jurisdiction and topic with published content, and each published item", async () => {
    const paths = (await readPublicPages(database.db)).map((p) => p.path);
    expect(paths.slice(0, 5)).toEqual(["/", "/laws", "/articles", "/jurisdictions", "/topics"]);
    expect(paths).toEqual(
      expect.arrayContaining([
        "/jurisdictions/kg",
        "/jurisdictions/kz",
        "/topics/rehabilitation",
        "/topics/archives",
        "/laws/kg/kyrgyz-rehabilitation-act",
        "/laws/kz/kazakh-decree-on-archives",
        "/articles/report-on-the-kyrgyz-act",
        "/articles/commentary-tagged-kazakhstan",
        "/articles/analysis-of-a-draft",
        "/agents/jogorku-kenesh",
      ]),
    );
    expect(paths).toHaveLength(15);
    // The index of numbered files is sized by a count of the same pages, without reading them.
    expect(await readPublicPageCount(database.db)).toBe(15);
    for (const absent of [
      "/jurisdictions/ru",
      "/topics/unused",
      "/topics/only-in-a-draft",
      "/laws/kg/a-kyrgyz-draft-nobody-published",
      "/laws/kz/a-withdrawn-kazakh-law",
      "/articles/statement-not-yet-published",
      "/articles/report-withdrawn",
      "/agents/agent-still-in-draft",
      "/search",
    ])
      expect(paths).not.toContain(absent);
  });

  test("each page's last change is its newest publication", async () => {
    const pages = await readPublicPages(database.db);
    const at = (path: string) => pages.find((p) => p.path === path)?.lastmod?.getTime();
    // The home page shows the latest laws and articles: an agent's publication does not change it.
    const items = pages.filter((p) => /^\/(laws|articles)\/./.test(p.path));
    expect(at("/")).toBe(Math.max(...items.map((p) => p.lastmod!.getTime())));
    expect(at("/")).toBeLessThan(at("/agents/jogorku-kenesh")!);
    expect(at("/jurisdictions/kg")).toBe(at("/laws/kg/kyrgyz-rehabilitation-act"));
    // The commentary was published after the law, and shares its topic.
    expect(at("/topics/rehabilitation")).toBe(at("/articles/commentary-tagged-kazakhstan"));
  });

  test("past the protocol's limit per file, /sitemap.xml is an index of numbered files that share the pages", () => {
    const pages = ["/", "/laws", "/articles", "/a", "/b"].map((path) => ({ path }));
    expect(sitemapFile(pages, undefined, 5)).toEqual({ kind: "urlset", pages });
    // One file holds them all: there is no numbered file.
    expect(sitemapFile(pages, 1, 5)).toBeNull();
    expect(sitemapFile(pages, undefined, 2)).toEqual({ kind: "index", files: 3 });
    expect(sitemapFile(pages, 1, 2)).toEqual({ kind: "urlset", pages: pages.slice(0, 2) });
    expect(sitemapFile(pages, 3, 2)).toEqual({ kind: "urlset", pages: pages.slice(4) });
    expect(sitemapFile(pages, 4, 2)).toBeNull();
    expect(sitemapFile([], undefined)).toEqual({ kind: "urlset", pages: [] });
  });
});
