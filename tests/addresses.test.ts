import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "@/db";
import type { ContentType } from "@/db/schema/vocabulary";
import { createAgent, updateAgent } from "@/modules/agents/save";
import { createArticle, updateArticle } from "@/modules/articles/save";
import type { Ctx } from "@/modules/auth/context";
import { createLaw, updateLaw } from "@/modules/laws/save";
import { readAddressRules, ruleFor, type PublicAddress } from "@/modules/public/addresses";
import { moveItem } from "@/modules/workflow/transitions";
import { createTestDatabase } from "./db";
import { makeJurisdiction, makeUser, publishItem, workingRevision } from "./factories";

let database: Database;
let editor: Ctx;
beforeAll(async () => {
  database = await createTestDatabase();
  await makeJurisdiction(database.db, "KG", "Kyrgyzstan");
  editor = (await makeUser(database.db, "editor")).ctx;
});
afterAll(() => database.close());

const rule = async (address: PublicAddress) => ruleFor(await readAddressRules(database.db), address);

async function withdraw(type: ContentType, id: number, mergedIntoId?: number) {
  await moveItem(editor, {
    type,
    id,
    action: "withdraw",
    baseRevision: await workingRevision(editor, type, id),
    ...(mergedIntoId === undefined ? {} : { mergedIntoId }),
  });
}

const lawForm = (title: string) => ({
  jurisdictionCode: "KG",
  type: "law",
  status: "in_force",
  titles: [{ lang: "en", title }],
});
const articleForm = (title: string) => ({ kind: "news", title, lang: "en", jurisdictionCodes: ["KG"] });

async function published<T extends { id: number }>(type: ContentType, made: Promise<T>): Promise<T> {
  const item = await made;
  await publishItem(database.db, type, item.id);
  return item;
}

describe("laws", () => {
  test("withdrawn is gone, merged and renamed point to the live address, a live one renders", async () => {
    const gone = await published("law", createLaw(editor, lawForm("A law taken down")));
    const merged = await published("law", createLaw(editor, lawForm("A law merged away")));
    const kept = await published("law", createLaw(editor, lawForm("A law kept")));
    await withdraw("law", gone.id);
    await withdraw("law", merged.id, kept.id);
    await updateLaw(editor, kept.id, {
      ...lawForm("A law kept"),
      slug: "a-law-kept-renamed",
      baseRevision: await workingRevision(editor, "law", kept.id),
    });

    const law = (slug: string, jurisdictionCode = "KG") => rule({ type: "law", jurisdictionCode, slug });
    expect(await law("a-law-taken-down")).toEqual({ kind: "gone" });
    // The rename is only a draft: the published address is still the old one, and renders.
    expect(await law("a-law-kept")).toBeNull();
    expect(await law("a-law-merged-away")).toEqual({ kind: "moved", path: "/laws/kg/a-law-kept" });

    await publishItem(database.db, "law", kept.id);
    expect(await law("a-law-kept")).toEqual({ kind: "moved", path: "/laws/kg/a-law-kept-renamed" });
    // Jurisdiction codes in addresses are lower case; either case finds the rule.
    expect(await law("a-law-kept", "kg")).toEqual({ kind: "moved", path: "/laws/kg/a-law-kept-renamed" });
    expect(await law("a-law-merged-away")).toEqual({ kind: "moved", path: "/laws/kg/a-law-kept-renamed" });
    expect(await law("a-law-kept-renamed")).toBeNull();
    expect(await law("a-law-taken-down", "KZ")).toBeNull();
  });
});

describe("articles", () => {
  test("withdrawn is gone, merged and renamed point to the live article, unknown ones are left to the 404", async () => {
    const gone = await published("article", createArticle(editor, articleForm("A report taken down")));
    const merged = await published("article", createArticle(editor, articleForm("A duplicate report")));
    const kept = await published("article", createArticle(editor, articleForm("The report kept")));
    await withdraw("article", gone.id);
    await withdraw("article", merged.id, kept.id);

    const article = (slug: string) => rule({ type: "article", slug });
    expect(await article("a-report-taken-down")).toEqual({ kind: "gone" });
    expect(await article("a-duplicate-report")).toEqual({ kind: "moved", path: "/articles/the-report-kept" });
    expect(await article("the-report-kept")).toBeNull();
    expect(await article("never-existed")).toBeNull();

    await updateArticle(editor, kept.id, {
      ...articleForm("The report kept"),
      slug: "the-report-kept-renamed",
      baseRevision: await workingRevision(editor, "article", kept.id),
    });
    expect(await article("the-report-kept")).toBeNull();
    await publishItem(database.db, "article", kept.id);
    expect(await article("the-report-kept")).toEqual({ kind: "moved", path: "/articles/the-report-kept-renamed" });
    expect(await article("a-duplicate-report")).toEqual({ kind: "moved", path: "/articles/the-report-kept-renamed" });
  });

  test("a merge into an article withdrawn since leaves the address gone, not a redirect to nowhere", async () => {
    const merged = await published("article", createArticle(editor, articleForm("Merged into a later withdrawal")));
    const target = await published("article", createArticle(editor, articleForm("Withdrawn after the merge")));
    await withdraw("article", merged.id, target.id);
    await withdraw("article", target.id);
    expect(await rule({ type: "article", slug: "merged-into-a-later-withdrawal" })).toEqual({ kind: "gone" });
  });

  test("a published article brought back after its withdrawal renders again", async () => {
    const back = await published("article", createArticle(editor, articleForm("Withdrawn then republished")));
    await withdraw("article", back.id);
    expect(await rule({ type: "article", slug: "withdrawn-then-republished" })).toEqual({ kind: "gone" });
    await publishItem(database.db, "article", back.id);
    expect(await rule({ type: "article", slug: "withdrawn-then-republished" })).toBeNull();
  });
});

describe("agents", () => {
  test("withdrawn is gone and a renamed one points to its new address; rules never cross types", async () => {
    const gone = await published("agent", createAgent(editor, { kind: "person", preferredName: "Agent taken down" }));
    const moved = await published("agent", createAgent(editor, { kind: "media_outlet", preferredName: "Kabar" }));
    await withdraw("agent", gone.id);
    await updateAgent(editor, moved.id, {
      kind: "media_outlet",
      preferredName: "Kabar",
      slug: "kabar-news-agency",
      baseRevision: await workingRevision(editor, "agent", moved.id),
    });
    await publishItem(database.db, "agent", moved.id);

    expect(await rule({ type: "agent", slug: "agent-taken-down" })).toEqual({ kind: "gone" });
    expect(await rule({ type: "agent", slug: "kabar" })).toEqual({ kind: "moved", path: "/agents/kabar-news-agency" });
    expect(await rule({ type: "agent", slug: "kabar-news-agency" })).toBeNull();
    expect(await rule({ type: "article", slug: "agent-taken-down" })).toBeNull();
    expect(await rule({ type: "law", jurisdictionCode: "KG", slug: "kabar" })).toBeNull();
  });
});
