import fs from "node:fs";
import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "@/db";
import { liveDocuments } from "@/db/schema";
import type { ContentType } from "@/db/schema/vocabulary";
import { NotAuthenticatedError, NotFoundError } from "@/lib/errors";
import { createAgent, updateAgent } from "@/modules/agents/save";
import { commandLineActor, type Ctx } from "@/modules/auth/context";
import { createArticle } from "@/modules/articles/save";
import type { ArticleSnapshot } from "@/modules/articles/snapshot";
import { addEvent } from "@/modules/laws/events";
import { createLaw } from "@/modules/laws/save";
import { readAgent } from "@/modules/public/agent";
import { articlesDiscussing, articleView } from "@/modules/public/article";
import { readArticlesIndex } from "@/modules/public/articles-index";
import { articlesIndexQuery } from "@/modules/public/articles-index-url";
import { articleJsonLd, lawJsonLd } from "@/modules/public/json-ld";
import { readJurisdiction } from "@/modules/public/jurisdiction";
import { readLaw } from "@/modules/public/law";
import { readSearch } from "@/modules/public/search";
import { searchQuery } from "@/modules/public/search-url";
import { readFeed } from "@/modules/public/syndication";
import { createFigure } from "@/modules/figures/save";
import { createSource, updateSource } from "@/modules/sources/save";
import { backfillPublicIndex } from "@/modules/system/backfill";
import { writeSearchRow } from "@/modules/workflow/project-search";
import { moveItem } from "@/modules/workflow/transitions";
import { unpublishedLinks } from "@/modules/workflow/unpublished-links";
import { createTestDatabase } from "./db";
import { anonymous, makeJurisdiction, makeUser, publishItem, workingRevision } from "./factories";

// Canaries: words that appear nowhere but in what readers must not see.
const canary = {
  never: "Zyxwnever Author",
  credited: "Plumcredit Agency",
  rename: "Qorvexrename Press",
  withdrawn: "Vantaswithdrawn Wire",
  source: "Brindlesource Edited",
  figure: "Quillfigure acquitted",
};

let database: Database;
let admin: Ctx;
const cli = () => ({ db: database.db, actor: commandLineActor }) satisfies Ctx;
const ids = {} as Record<"outlet" | "never" | "credited" | "renamed" | "gone" | "law" | "article" | "source", number>;

const move = async (type: ContentType, id: number, action: "submit" | "approve" | "publish" | "withdraw") =>
  moveItem(cli(), { type, id, action, baseRevision: await workingRevision(cli(), type, id) });
const agent = async (preferredName: string) => (await createAgent(admin, { kind: "media_outlet", preferredName })).id;

beforeAll(async () => {
  database = await createTestDatabase();
  await makeJurisdiction(database.db, "KG", "Kyrgyzstan");
  admin = (await makeUser(database.db, "admin")).ctx;
  ids.outlet = await agent("Published Outlet");
  await publishItem(database.db, "agent", ids.outlet);
  ids.never = await agent(canary.never);
  ids.credited = await agent(canary.credited);
  ids.renamed = await agent("Old Name Press");
  await publishItem(database.db, "agent", ids.renamed);
  // A rename nobody has published yet: saved after it, the items below copy the new name.
  await updateAgent(admin, ids.renamed, {
    kind: "media_outlet",
    preferredName: canary.rename,
    baseRevision: await workingRevision(admin, "agent", ids.renamed),
  });
  ids.gone = await agent(canary.withdrawn);
  await publishItem(database.db, "agent", ids.gone);

  ids.source = (await createSource(admin, { title: "The approved source", url: "https://example.org/a" })).id;
  ids.law = (
    await createLaw(admin, {
      jurisdictionCode: "KG",
      type: "law",
      status: "in_force",
      titles: [{ lang: "en", title: "Rehabilitation act" }],
      sourceIds: [ids.source],
    })
  ).id;
  for (const [kind, agentId] of [
    ["initiated", ids.renamed],
    ["adopted", ids.never],
    ["signed", ids.gone],
  ] as const)
    await addEvent(admin, ids.law, {
      kind,
      agentId,
      accounts: [{ date: "2024-12" }],
      baseRevision: await workingRevision(admin, "law", ids.law),
    });
  ids.article = (
    await createArticle(admin, {
      kind: "news",
      title: "Parliament adopts the act",
      lang: "en",
      jurisdictionCodes: ["KG"],
      lawIds: [ids.law],
      authorIds: [ids.never, ids.renamed, ids.gone],
      publisherId: ids.outlet,
      creditedAgentId: ids.credited,
      sourceIds: [ids.source],
    })
  ).id;
  // Approved as they stand; the shared source is edited before they are published.
  for (const type of ["law", "article"] as const) {
    await move(type, type === "law" ? ids.law : ids.article, "submit");
    await move(type, type === "law" ? ids.law : ids.article, "approve");
  }
  await updateSource(admin, ids.source, { title: canary.source, url: "https://example.org/a" });
  await move("law", ids.law, "publish");
  await move("article", ids.article, "publish");
});
afterAll(() => database.close());

async function articlePage() {
  const [doc] = await database.db
    .select({ snapshot: liveDocuments.snapshot, publishedAt: liveDocuments.publishedAt })
    .from(liveDocuments)
    .where(and(eq(liveDocuments.itemType, "article"), eq(liveDocuments.itemId, ids.article)));
  const view = await articleView(database.db, ids.article, doc!.snapshot as ArticleSnapshot, doc!.publishedAt);
  return { view, jsonLd: articleJsonLd(view, "https://archive.example/articles/x", "https://archive.example") };
}

async function lawPage() {
  const law = await readLaw(database.db, "kg", "rehabilitation-act");
  if (law?.kind !== "law") throw new Error("the law is not published");
  return { law, jsonLd: lawJsonLd(law, "https://archive.example/laws/kg/rehabilitation-act") };
}

/** Every public read these items reach, as one text to look for canaries in. */
async function everythingReadersSee(): Promise<string> {
  const reads = [
    await articlePage(),
    await lawPage(),
    await articlesDiscussing(database.db, ids.law),
    await readArticlesIndex(database.db, articlesIndexQuery.parse({})),
    await readJurisdiction(database.db, "kg"),
    await readAgent(database.db, "published-outlet"),
    await readAgent(database.db, "old-name-press"),
    await readFeed(database.db, {}),
  ];
  return JSON.stringify(reads);
}

const found = async (q: string) => (await readSearch(database.db, searchQuery.parse({ q }))).total;

describe("agents that are not public", () => {
  test("a never-published author or credited agency shows nowhere: page, JSON-LD, lists, agent pages, feed", async () => {
    const seen = await everythingReadersSee();
    expect(seen).not.toContain("Zyxwnever");
    expect(seen).not.toContain("Plumcredit");
    const { view, jsonLd } = await articlePage();
    expect(view.authors.map((a) => a.name)).toEqual(["Old Name Press", canary.withdrawn]);
    expect(view.creditedAgent).toBeNull();
    expect(view.publisher).toEqual({ id: ids.outlet, name: "Published Outlet", path: "/agents/published-outlet" });
    expect(jsonLd.author).toEqual([
      { "@type": "Person", name: "Old Name Press" },
      { "@type": "Person", name: canary.withdrawn },
    ]);
  });

  test("anonymous search does not find an article by the name of an agent that is not public", async () => {
    expect(await found("Zyxwnever")).toBe(0);
    expect(await found("Plumcredit")).toBe(0);
    // Found by its published agents' names.
    expect(await found("Published Outlet")).toBeGreaterThan(0);
  });

  test("an unpublished rename shows nowhere, its own page included: readers see the published name", async () => {
    const seen = await everythingReadersSee();
    expect(seen).not.toContain("Qorvexrename");
    expect(await found("Qorvexrename")).toBe(0);
    const own = await readAgent(database.db, "old-name-press");
    expect(own).toMatchObject({ kind: "agent", name: "Old Name Press" });
    if (own?.kind !== "agent") return;
    expect(own.articles.map((a) => a.authors.map((c) => c.name))).toEqual([["Old Name Press", canary.withdrawn]]);
    expect(own.articles[0]?.roles).toEqual(["author"]);
  });

  test("a law's timeline and JSON-LD name only published agents, by their published names", async () => {
    const { law, jsonLd } = await lawPage();
    expect(law.timeline.map((e) => [e.kind, e.agentName])).toEqual([
      ["initiated", "Old Name Press"],
      ["adopted", null],
      ["signed", canary.withdrawn],
    ]);
    expect(law.timeline.find((e) => e.kind === "adopted")?.agentId).toBeNull();
    expect(jsonLd).not.toHaveProperty("legislationPassedBy");
  });

  test("a source edited after approval reaches readers as it was approved; figures reach no reader", async () => {
    await createFigure(admin, {
      label: canary.figure,
      jurisdictionCode: "KG",
      accounts: [{ value: "856", sourceId: ids.source }],
    });
    const seen = await everythingReadersSee();
    expect(seen).not.toContain("Brindlesource");
    expect(seen).not.toContain("Quillfigure");
    expect(await found("Quillfigure")).toBe(0);
    expect(await found("Brindlesource")).toBe(0);
    expect((await lawPage()).law.sources.map((s) => s.title)).toEqual(["The approved source"]);
    expect((await articlePage()).view.sources).toEqual(["The approved source"]);
  });
});

describe("publishing and withdrawing an agent", () => {
  test("a withdrawal takes the name off every page, JSON-LD and search at once; publishing it again brings it back", async () => {
    expect(await found("Vantaswithdrawn")).toBe(2); // the agent, and the article it wrote
    await move("agent", ids.gone, "withdraw");
    expect(await everythingReadersSee()).not.toContain("Vantaswithdrawn");
    expect(await found("Vantaswithdrawn")).toBe(0);
    expect((await lawPage()).law.timeline.map((e) => e.agentName)).toEqual(["Old Name Press", null, null]);

    await move("agent", ids.gone, "submit");
    await move("agent", ids.gone, "approve");
    await move("agent", ids.gone, "publish");
    expect((await articlePage()).view.authors.map((a) => a.name)).toEqual(["Old Name Press", canary.withdrawn]);
    expect(await found("Vantaswithdrawn")).toBe(2);
  });

  test("publishing a rename renames the agent on every item that credits it, search included", async () => {
    await move("agent", ids.renamed, "submit");
    await move("agent", ids.renamed, "approve");
    await move("agent", ids.renamed, "publish");
    const { view } = await articlePage();
    expect(view.authors[0]).toMatchObject({ name: canary.rename });
    expect((await lawPage()).law.timeline[0]?.agentName).toBe(canary.rename);
    // The article itself, and the agent's own row.
    expect(await found("Qorvexrename")).toBe(2);
  });

  test("publishing a never-published agent brings its name to the items that credit it", async () => {
    await publishItem(database.db, "agent", ids.credited);
    expect((await articlePage()).view.creditedAgent).toMatchObject({ name: canary.credited });
    expect(await found("Plumcredit")).toBe(2);
  });
});

test("an index written before this rule is rewritten at the next start, with published names only", async () => {
  // An article's row as projections wrote it before: with the names its snapshot copied.
  const [live] = await database.db
    .select({ revisionId: liveDocuments.revisionId, publishedAt: liveDocuments.publishedAt })
    .from(liveDocuments)
    .where(and(eq(liveDocuments.itemType, "article"), eq(liveDocuments.itemId, ids.article)));
  await writeSearchRow(
    database.db,
    "article",
    ids.article,
    live!.revisionId,
    {
      scope: "",
      slug: "parliament-adopts-the-act",
      title: "Parliament adopts the act",
      kind: "news",
      jurisdictionCodes: ["KG"],
      names: ["Parliament adopts the act"],
      summary: canary.never,
      text: "",
      excerpt: "",
    },
    live!.publishedAt,
  );
  expect(await found("Zyxwnever")).toBe(1);
  const migration = fs.readFileSync(
    path.join(import.meta.dirname, "../db/migrations/0019_reproject_article_search.sql"),
    "utf8",
  );
  await database.db.execute(sql.raw(migration));
  await backfillPublicIndex(database.db);
  expect(await found("Zyxwnever")).toBe(0);
  expect(await found("Parliament adopts")).toBe(1);
});

describe("the review screen", () => {
  test("lists the linked records readers will not see as they stand, with their state, in link order", async () => {
    const fresh = await agent("Xylodraft Author");
    const draftLaw = (
      await createLaw(admin, {
        jurisdictionCode: "KG",
        type: "law",
        status: "bill",
        titles: [{ lang: "en", title: "A bill" }],
      })
    ).id;
    await move("agent", ids.gone, "withdraw");
    await updateAgent(admin, ids.outlet, {
      kind: "media_outlet",
      preferredName: "Published Outlet, renamed",
      baseRevision: await workingRevision(admin, "agent", ids.outlet),
    });
    const piece = (
      await createArticle(admin, {
        kind: "analysis",
        title: "Two laws compared",
        lang: "en",
        lawIds: [ids.law, draftLaw],
        authorIds: [fresh, ids.gone, ids.credited],
        publisherId: ids.outlet,
      })
    ).id;
    expect(await unpublishedLinks(admin, "article", piece)).toEqual([
      { type: "agent", id: fresh, name: "Xylodraft Author", state: "Draft", readersSee: "nothing" },
      { type: "agent", id: ids.gone, name: canary.withdrawn, state: "Withdrawn", readersSee: "nothing" },
      {
        type: "agent",
        id: ids.outlet,
        name: "Published Outlet, renamed",
        state: "Published · new version draft",
        readersSee: "published version",
      },
      { type: "law", id: draftLaw, name: "A bill", state: "Draft", readersSee: "nothing" },
    ]);
    expect(await unpublishedLinks(admin, "law", ids.law)).toEqual([
      expect.objectContaining({ type: "agent", id: ids.never, state: "Draft" }),
      expect.objectContaining({ type: "agent", id: ids.gone, state: "Withdrawn" }),
    ]);
  });

  test("is for signed-in users only, and an unknown item is not found", async () => {
    await expect(unpublishedLinks(anonymous(database.db), "article", ids.article)).rejects.toBeInstanceOf(
      NotAuthenticatedError,
    );
    await expect(unpublishedLinks(admin, "article", 999_999)).rejects.toBeInstanceOf(NotFoundError);
  });
});
