import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { eq } from "drizzle-orm";
import type { Database } from "@/db";
import { publicLaws } from "@/db/schema";
import type { ContentType } from "@/db/schema/vocabulary";
import { createAgent, updateAgent } from "@/modules/agents/save";
import type { Ctx } from "@/modules/auth/context";
import { createArticle } from "@/modules/articles/save";
import { addEvent } from "@/modules/laws/events";
import { createLaw } from "@/modules/laws/save";
import { readAgent } from "@/modules/public/agent";
import { liveAgentPaths } from "@/modules/public/live-agents";
import { readArticlesIndex } from "@/modules/public/articles-index";
import { readLawIndex } from "@/modules/public/law-index";
import { lawIndexHref, lawIndexQuery } from "@/modules/public/law-index-url";
import { articlesIndexQuery, publicArticlesIndexPath } from "@/modules/public/articles-index-url";
import { countLiveLaws, lawMilestone, liveLawsInOrder } from "@/modules/public/law-chronology";
import { readJurisdiction, readJurisdictions } from "@/modules/public/jurisdiction";
import { readTopic, readTopics } from "@/modules/public/topic";
import { createTopic } from "@/modules/topics/save";
import { moveItem } from "@/modules/workflow/transitions";
import { createTestDatabase } from "./db";
import { makeJurisdiction, makeUser, publishItem, workingRevision } from "./factories";

let database: Database;
let admin: Ctx;
const ids = {} as Record<"parliament" | "draftAgent" | "goneAgent" | "act" | "decree" | "undated" | "kazakh", number>;

const withdraw = async (type: ContentType, id: number) =>
  moveItem(admin, { type, id, action: "withdraw", baseRevision: await workingRevision(admin, type, id) });

beforeAll(async () => {
  database = await createTestDatabase();
  await makeJurisdiction(database.db, "KG", "Kyrgyzstan");
  await makeJurisdiction(database.db, "KZ", "Kazakhstan");
  await makeJurisdiction(database.db, "UZ", "Uzbekistan");
  admin = (await makeUser(database.db, "admin")).ctx;
  const repression = (await createTopic(admin, { name: "Political repression", slug: "political-repression" })).id;
  const rehabilitation = (
    await createTopic(admin, { name: "Rehabilitation", slug: "rehabilitation", parentId: repression })
  ).id;
  await createTopic(admin, { name: "Archives", slug: "archives" });

  const agent = async (name: string, publish: "yes" | "no" | "withdrawn") => {
    const id = (
      await createAgent(admin, {
        kind: "legislature",
        preferredName: name,
        names: [{ name: `${name} (alt)`, lang: "en" }],
      })
    ).id;
    if (publish !== "no") await publishItem(database.db, "agent", id);
    if (publish === "withdrawn") await withdraw("agent", id);
    return id;
  };
  ids.parliament = await agent("Jogorku Kenesh", "yes");
  ids.draftAgent = await agent("An unpublished president", "no");
  ids.goneAgent = await agent("A withdrawn council", "withdrawn");

  const law = async (
    title: string,
    jurisdictionCode: string,
    topicIds: number[],
    events: { kind: string; date?: string; agentId?: number }[],
    publish: "yes" | "no" | "withdrawn" = "yes",
  ) => {
    const id = (
      await createLaw(admin, {
        jurisdictionCode,
        type: "law",
        status: "in_force",
        titles: [{ lang: "en", title }],
        topicIds,
      })
    ).id;
    for (const e of events)
      await addEvent(admin, id, {
        kind: e.kind,
        agentId: e.agentId ?? null,
        accounts: e.date ? [{ date: e.date }] : [],
        baseRevision: await workingRevision(admin, "law", id),
      });
    if (publish !== "no") await publishItem(database.db, "law", id);
    if (publish === "withdrawn") await withdraw("law", id);
    return id;
  };
  ids.act = await law(
    "Kyrgyz rehabilitation act",
    "KG",
    [rehabilitation],
    [
      { kind: "initiated", date: "2023-01" },
      { kind: "signed", date: "2024-12", agentId: ids.draftAgent },
      { kind: "adopted", date: "2024-11-20", agentId: ids.parliament },
    ],
  );
  ids.decree = await law(
    "Kyrgyz archives decree",
    "KG",
    [],
    [{ kind: "signed", date: "1995", agentId: ids.parliament }],
  );
  ids.undated = await law("Kyrgyz law of unknown date", "KG", [rehabilitation], []);
  ids.kazakh = await law(
    "Kazakh rehabilitation law",
    "KZ",
    [rehabilitation, repression],
    [{ kind: "adopted", date: "1993-04-14" }],
  );
  await law(
    "A Kyrgyz draft nobody published",
    "KG",
    [rehabilitation],
    [{ kind: "adopted", date: "2025", agentId: ids.parliament }],
    "no",
  );
  await law(
    "A withdrawn Kyrgyz law",
    "KG",
    [rehabilitation],
    [{ kind: "adopted", date: "2001", agentId: ids.parliament }],
    "withdrawn",
  );

  const article = async (
    title: string,
    kind: string,
    fields: Record<string, unknown>,
    publish: "yes" | "no" | "withdrawn" = "yes",
  ) => {
    const id = (await createArticle(admin, { kind, title, lang: "en", ...fields })).id;
    if (publish !== "no") await publishItem(database.db, "article", id);
    if (publish === "withdrawn") await withdraw("article", id);
    return id;
  };
  await article("Parliament adopts the act", "news", {
    originalDate: "2024-11-21",
    lawIds: [ids.act],
    authorIds: [ids.draftAgent],
    publisherId: ids.parliament,
  });
  await article("Why rehabilitation matters", "opinion", {
    originalDate: "2025-01",
    topicIds: [repression],
    jurisdictionCodes: ["KZ"],
  });
  await article("The Kazakh law thirty years on", "analysis", { lawIds: [ids.kazakh] });
  await article("A statement still in draft", "statement", { lawIds: [ids.act], authorIds: [ids.parliament] }, "no");
  await article(
    "A withdrawn report",
    "news",
    {
      originalDate: "2024-12-01",
      lawIds: [ids.act],
      creditedAgentId: ids.parliament,
      topicIds: [rehabilitation],
    },
    "withdrawn",
  );
});
afterAll(() => database.close());

const articlesIndex = (params: Record<string, string> = {}) =>
  readArticlesIndex(database.db, articlesIndexQuery.parse(params));

describe("the articles index", () => {
  test("lists published articles only, newest original date first, undated last", async () => {
    const index = await articlesIndex();
    expect(index.articles.map((a) => a.title)).toEqual([
      "Why rehabilitation matters",
      "Parliament adopts the act",
      "The Kazakh law thirty years on",
    ]);
    expect(index.total).toBe(3);
    expect(index.kinds).toEqual([
      { kind: "news", count: 1 },
      { kind: "opinion", count: 1 },
      { kind: "analysis", count: 1 },
      { kind: "statement", count: 0 },
    ]);
  });

  test("a row carries its kind, byline and date, naming only published agents, linked", async () => {
    const [, report] = (await articlesIndex()).articles;
    expect(report).toMatchObject({
      kind: "news",
      path: "/articles/parliament-adopts-the-act",
      originalDate: { date: "2024-11-21", precision: "day" },
      authors: [],
      publisher: { name: "Jogorku Kenesh", path: "/agents/jogorku-kenesh" },
      creditedAgent: null,
    });
  });

  test("filters by kind; a kind with nothing published is an empty list, not an error", async () => {
    expect((await articlesIndex({ kind: "opinion" })).articles.map((a) => a.title)).toEqual([
      "Why rehabilitation matters",
    ]);
    const statements = await articlesIndex({ kind: "statement" });
    expect(statements).toMatchObject({ articles: [], total: 0, pageCount: 1 });
  });

  test("an unreadable query string is ignored", async () => {
    const query = articlesIndexQuery.parse({ kind: "<script>", page: "two" });
    expect(query).toEqual({ kind: undefined, page: 1 });
    expect((await readArticlesIndex(database.db, query)).total).toBe(3);
  });

  test("addresses name the kind, the subjects and the page, and leave out page 1", () => {
    expect(publicArticlesIndexPath()).toBe("/articles");
    expect(publicArticlesIndexPath({ kind: "news" })).toBe("/articles?kind=news");
    expect(publicArticlesIndexPath({ kind: "news", page: 1 })).toBe("/articles?kind=news");
    expect(publicArticlesIndexPath({ page: 3 })).toBe("/articles?page=3");
    expect(publicArticlesIndexPath({ topic: "rehabilitation", jurisdiction: "KG", agent: "a-press", page: 2 })).toBe(
      "/articles?topic=rehabilitation&jurisdiction=kg&agent=a-press&page=2",
    );
  });

  test("lists the articles about a topic: tagged with it or discussing a published law that is", async () => {
    const onTopic = await articlesIndex({ topic: "rehabilitation" });
    expect(onTopic.articles.map((a) => a.title)).toEqual([
      "Parliament adopts the act",
      "The Kazakh law thirty years on",
    ]);
    expect(onTopic.subjects).toEqual([{ facet: "topic", name: "Rehabilitation", path: "/topics/rehabilitation" }]);
    // The kinds are counted among the topic's articles, so each count says what choosing it shows.
    expect(onTopic.kinds.filter((k) => k.count > 0)).toEqual([
      { kind: "news", count: 1 },
      { kind: "analysis", count: 1 },
    ]);
    const newsOnTopic = await articlesIndex({ topic: "rehabilitation", kind: "news" });
    expect(newsOnTopic.articles.map((a) => a.title)).toEqual(["Parliament adopts the act"]);
  });

  test("lists the articles about a jurisdiction or naming a published agent", async () => {
    expect((await articlesIndex({ jurisdiction: "kz" })).articles.map((a) => a.title)).toEqual([
      "Why rehabilitation matters",
      "The Kazakh law thirty years on",
    ]);
    const byParliament = await articlesIndex({ agent: "jogorku-kenesh" });
    expect(byParliament.articles.map((a) => a.title)).toEqual(["Parliament adopts the act"]);
    expect(byParliament.subjects).toEqual([{ facet: "agent", name: "Jogorku Kenesh", path: "/agents/jogorku-kenesh" }]);
  });

  test("a subject that names nothing published matches nothing, and is not named", async () => {
    const unknown: Record<string, string>[] = [
      { topic: "no-such-topic" },
      { agent: "an-unpublished-president" },
      { jurisdiction: "xx" },
    ];
    for (const params of unknown) {
      const index = await articlesIndex(params);
      expect(index).toMatchObject({ articles: [], total: 0, subjects: [] });
    }
    // Unreadable subjects are dropped like any unreadable choice: the whole list shows.
    expect((await articlesIndex({ topic: "Not A Slug!", agent: "../x" })).total).toBe(3);
  });
});

describe("jurisdictions", () => {
  test("the list names jurisdictions with published laws and counts them", async () => {
    const list = await readJurisdictions(database.db);
    expect(list.map((j) => [j.code, j.laws, j.path])).toEqual([
      ["KZ", 1, "/jurisdictions/kz"],
      ["KG", 3, "/jurisdictions/kg"],
    ]);
  });

  test("a jurisdiction's page has its published laws in the order of their history, undated last", async () => {
    const kg = await readJurisdiction(database.db, "kg");
    expect(kg?.code).toBe("KG");
    expect(kg?.laws.map((l) => [l.title, l.milestone?.kind, l.milestone?.date.date])).toEqual([
      ["Kyrgyz archives decree", "signed", "1995-01-01"],
      ["Kyrgyz rehabilitation act", "adopted", "2024-11-20"],
      ["Kyrgyz law of unknown date", undefined, undefined],
    ]);
  });

  test("it counts the topics its published laws cover, and lists published articles about it or its laws", async () => {
    const kg = await readJurisdiction(database.db, "KG");
    expect(kg?.topics).toEqual([{ name: "Rehabilitation", path: "/topics/rehabilitation", laws: 2 }]);
    expect(kg?.articles.map((a) => a.title)).toEqual(["Parliament adopts the act"]);
    const kz = await readJurisdiction(database.db, "KZ");
    expect(kz?.articles.map((a) => a.title)).toEqual(["Why rehabilitation matters", "The Kazakh law thirty years on"]);
    expect([kg?.lawCount, kg?.articleCount, kz?.lawCount, kz?.articleCount]).toEqual([3, 1, 1, 2]);
  });

  test("a page's timeline can show only the latest laws by their dates, still in the order of their history", async () => {
    const kyrgyz = eq(publicLaws.jurisdictionCode, "KG");
    expect((await liveLawsInOrder(database.db, kyrgyz, 2)).map((l) => l.title)).toEqual([
      "Kyrgyz archives decree",
      "Kyrgyz rehabilitation act",
    ]);
    expect((await liveLawsInOrder(database.db, kyrgyz, 1)).map((l) => l.title)).toEqual(["Kyrgyz rehabilitation act"]);
    // Undated laws come in only when too few are dated.
    expect((await liveLawsInOrder(database.db, kyrgyz, 5)).map((l) => l.title)).toHaveLength(3);
    expect(await countLiveLaws(database.db, kyrgyz)).toBe(3);
  });

  test("a jurisdiction without published laws has an empty page; an unknown code has none", async () => {
    expect(await readJurisdiction(database.db, "UZ")).toMatchObject({
      name: "Uzbekistan",
      laws: [],
      lawCount: 0,
      topics: [],
      articleCount: 0,
    });
    expect(await readJurisdiction(database.db, "XX")).toBeNull();
  });
});

describe("topics", () => {
  test("the list counts published laws and the articles tagged with a topic or discussing its laws", async () => {
    expect(await readTopics(database.db)).toEqual([
      { name: "Political repression", path: "/topics/political-repression", laws: 1, articles: 2 },
      { name: "Rehabilitation", path: "/topics/rehabilitation", laws: 3, articles: 2 },
    ]);
  });

  test("a topic's page has its published laws in order, its neighbours and its articles", async () => {
    const topic = await readTopic(database.db, "rehabilitation");
    expect(topic?.laws.map((l) => l.title)).toEqual([
      "Kazakh rehabilitation law",
      "Kyrgyz rehabilitation act",
      "Kyrgyz law of unknown date",
    ]);
    expect(topic?.broader).toEqual({ name: "Political repression", path: "/topics/political-repression" });
    expect(topic?.articles.map((a) => a.title)).toEqual([
      "Parliament adopts the act",
      "The Kazakh law thirty years on",
    ]);
    expect([topic?.lawCount, topic?.articleCount]).toEqual([3, 2]);
    const broader = await readTopic(database.db, "political-repression");
    expect(broader?.narrower).toEqual([{ name: "Rehabilitation", path: "/topics/rehabilitation" }]);
  });

  test("a topic nothing published is about has an empty page; an unknown slug has none", async () => {
    expect(await readTopic(database.db, "archives")).toMatchObject({ laws: [], articles: [] });
    expect(await readTopic(database.db, "no-such-topic")).toBeNull();
  });
});

describe("agents", () => {
  test("a published agent's page lists its steps in published laws' histories and its published articles", async () => {
    const agent = await readAgent(database.db, "jogorku-kenesh");
    expect(agent?.kind).toBe("agent");
    if (agent?.kind !== "agent") return;
    expect(agent.otherNames).toEqual([{ name: "Jogorku Kenesh (alt)", lang: "en" }]);
    expect(agent.acts.map((a) => [a.kind, a.date?.date, a.law.title, a.law.path])).toEqual([
      ["signed", "1995-01-01", "Kyrgyz archives decree", "/laws/kg/kyrgyz-archives-decree"],
      ["adopted", "2024-11-20", "Kyrgyz rehabilitation act", "/laws/kg/kyrgyz-rehabilitation-act"],
    ]);
    expect(agent.articles.map((a) => [a.title, a.roles])).toEqual([["Parliament adopts the act", ["publisher"]]]);
    expect(agent.articleCount).toBe(1);
    expect([agent.actCount, agent.lawCount]).toEqual([2, 2]);
  });

  test("the laws index lists the laws in whose history a published agent took a step, and nothing for any other", async () => {
    const laws = (params: Record<string, string>) => readLawIndex(database.db, lawIndexQuery.parse(params));
    const acted = await laws({ agent: "jogorku-kenesh" });
    expect(acted.laws.map((l) => l.title).sort()).toEqual(["Kyrgyz archives decree", "Kyrgyz rehabilitation act"]);
    expect(acted.agent).toEqual({ name: "Jogorku Kenesh", path: "/agents/jogorku-kenesh" });
    // The facets count within the agent's laws.
    expect(acted.facets.jurisdiction).toEqual([{ value: "KG", label: "Kyrgyzstan", count: 2 }]);
    for (const agent of ["an-unpublished-president", "a-withdrawn-council", "nobody"])
      expect(await laws({ agent })).toMatchObject({ laws: [], total: 0, agent: null });
    expect(lawIndexHref(lawIndexQuery.parse({ agent: "jogorku-kenesh", page: "2" }), { status: "in_force" })).toBe(
      "/laws?status=in_force&agent=jogorku-kenesh",
    );
  });

  test("only published agents have pages for names to link to", async () => {
    expect(Object.values(await liveAgentPaths(database.db))).toEqual(["/agents/jogorku-kenesh"]);
  });

  test("an unpublished agent has no page, a withdrawn one is gone, a renamed one moved", async () => {
    expect(await readAgent(database.db, "an-unpublished-president")).toBeNull();
    expect(await readAgent(database.db, "a-withdrawn-council")).toEqual({ kind: "gone" });
    expect(await readAgent(database.db, "nobody")).toBeNull();
    await updateAgent(admin, ids.parliament, {
      kind: "legislature",
      preferredName: "Jogorku Kenesh",
      slug: "kyrgyz-parliament",
      baseRevision: await workingRevision(admin, "agent", ids.parliament),
    });
    // Renamed only in the working revision: the published address still answers.
    expect((await readAgent(database.db, "jogorku-kenesh"))?.kind).toBe("agent");
    await publishItem(database.db, "agent", ids.parliament);
    expect(await readAgent(database.db, "jogorku-kenesh")).toEqual({
      kind: "moved",
      path: "/agents/kyrgyz-parliament",
    });
  });
});

describe("a law's milestone", () => {
  test("is its adoption, else its signature, else its first dated step", () => {
    const event = (kind: "adopted" | "signed" | "initiated", date: string | null) => ({
      id: 1,
      kind,
      agentId: null,
      agentName: null,
      note: "",
      accounts: [
        {
          id: 1,
          date: date ? { date, precision: "day" as const, approximate: false } : null,
          sourceId: null,
          sourceTitle: null,
          preferred: true,
          note: "",
        },
      ],
    });
    expect(lawMilestone({ events: [event("initiated", "2020-01-01"), event("signed", "2021-01-01")] })?.kind).toBe(
      "signed",
    );
    expect(lawMilestone({ events: [event("adopted", null), event("initiated", "2020-01-01")] })?.kind).toBe(
      "initiated",
    );
    expect(lawMilestone({ events: [event("adopted", null)] })).toBeNull();
  });
});

describe("pages of twenty", () => {
  test("the articles index pages by twenty, and a page past the end is empty", async () => {
    for (let i = 1; i <= 20; i++) {
      const id = (
        await createArticle(admin, {
          kind: "news",
          title: `Report number ${i}`,
          lang: "en",
          originalDate: `2000-01-${String(i).padStart(2, "0")}`,
        })
      ).id;
      await publishItem(database.db, "article", id);
    }
    const first = await articlesIndex({ kind: "news" });
    expect(first).toMatchObject({ total: 21, page: 1, pageCount: 2 });
    expect(first.articles).toHaveLength(20);
    const second = await articlesIndex({ kind: "news", page: "2" });
    expect(second.articles.map((a) => a.title)).toEqual(["Report number 1"]);
    expect((await articlesIndex({ kind: "news", page: "3" })).articles).toEqual([]);
  });
});
