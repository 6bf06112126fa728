import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "@/db";
import { laws } from "@/db/schema";
import { discussedLawOptions } from "@/modules/articles/facets";
import { listArticles } from "@/modules/articles/list";
import { createArticle } from "@/modules/articles/save";
import type { Ctx } from "@/modules/auth/context";
import { encodeCursor } from "@/modules/content/cursor";
import { createTestDatabase } from "./db";
import { makeJurisdiction, makeUser } from "./factories";

let database: Database;
let ctx: Ctx;
let lawA: number;
let lawB: number;
beforeAll(async () => {
  database = await createTestDatabase();
  await makeJurisdiction(database.db, "KG", "Kyrgyzstan");
  await makeJurisdiction(database.db, "UZ", "Uzbekistan");
  ctx = (await makeUser(database.db, "contributor")).ctx;
  const rows = await database.db
    .insert(laws)
    .values([
      { slug: "a", jurisdictionCode: "KG", title: "Kyrgyz rehabilitation law", summary: "", status: "adopted" },
      { slug: "b", jurisdictionCode: "UZ", title: "Uzbek rehabilitation decree", summary: "", status: "in_force" },
      { slug: "c", jurisdictionCode: "UZ", title: "Undiscussed law", summary: "", status: "bill" },
    ])
    .returning({ id: laws.id });
  [lawA, lawB] = rows.map((r) => r.id) as [number, number];

  const base = { lang: "en", body: "" };
  await createArticle(ctx, {
    ...base,
    kind: "news",
    title: "Japarov signs the law",
    lawIds: [String(lawA)],
    jurisdictionCodes: ["KG"],
    originalDate: "2025-01-10",
  });
  await createArticle(ctx, {
    ...base,
    kind: "opinion",
    title: "A late reckoning",
    lang: "ru",
    lawIds: [String(lawA)],
    jurisdictionCodes: ["KG"],
    originalDate: "2025-01",
  });
  await createArticle(ctx, {
    ...base,
    kind: "analysis",
    title: "856 acquitted in Uzbekistan",
    lawIds: [String(lawB)],
    jurisdictionCodes: ["UZ"],
    originalDate: "2024",
  });
  await createArticle(ctx, {
    ...base,
    kind: "statement",
    title: "Statement of the ministry_100%",
    jurisdictionCodes: ["UZ", "KG"],
  });
  for (let i = 0; i < 9; i++)
    await createArticle(ctx, {
      ...base,
      kind: "news",
      title: `Paging report ${i % 3}`,
      originalDate: i % 3 === 0 ? "" : `2020-0${(i % 5) + 1}`,
    });
});
afterAll(() => database.close());

const titles = async (input: Record<string, unknown>) =>
  (await listArticles(ctx, { limit: 100, ...input })).articles.map((a) => a.title);

describe("listing articles", () => {
  test("filters by text in the title, kind, language, jurisdiction and law", async () => {
    expect(await titles({ q: "JAPAROV" })).toEqual(["Japarov signs the law"]);
    expect(await titles({ q: "100%" })).toEqual(["Statement of the ministry_100%"]);
    expect(await titles({ q: "y_1" })).toEqual(["Statement of the ministry_100%"]);
    expect(await titles({ q: "%" })).toEqual(["Statement of the ministry_100%"]);
    expect(await titles({ kind: "opinion" })).toEqual(["A late reckoning"]);
    expect(await titles({ lang: "ru" })).toEqual(["A late reckoning"]);
    expect((await titles({ jurisdiction: "uz" })).sort()).toEqual([
      "856 acquitted in Uzbekistan",
      "Statement of the ministry_100%",
    ]);
    expect((await titles({ law: String(lawA) })).sort()).toEqual(["A late reckoning", "Japarov signs the law"]);
    expect(await titles({ law: String(lawA), kind: "news", jurisdiction: "KG" })).toEqual(["Japarov signs the law"]);
  });

  test("unreadable facets and cursors are ignored, not an error page", async () => {
    const all = await titles({});
    expect(await titles({ kind: "editorial", law: "abc", sort: "nonsense", lang: "" })).toEqual(all);
    for (const sort of ["updated", "date", "title"]) {
      const first = await titles({ sort });
      expect(await titles({ sort, after: "garbage" })).toEqual(first);
      expect(await titles({ sort, after: encodeCursor("not a date'; --", 5) })).toBeDefined();
      expect(await titles({ sort, after: encodeCursor("2020-01-01", 99_999_999_999) })).toEqual(first);
    }
  });

  test("by original date: newest first, at the precision known, undated last", async () => {
    const page = (await listArticles(ctx, { sort: "date", limit: 100 })).articles;
    const dates = page.map((a) => a.originalDate?.date ?? null);
    const dated = dates.filter((d): d is string => d !== null);
    expect(dated).toEqual([...dated].sort().reverse());
    expect(dates.slice(dated.length).every((d) => d === null)).toBe(true);
    expect(page[0]).toMatchObject({ title: "Japarov signs the law", originalDate: { precision: "day" } });
    expect(page[1]).toMatchObject({ title: "A late reckoning", originalDate: { precision: "month" } });
  });

  test.each(["updated", "date", "title"])("pages through every article once in %s order", async (sort) => {
    const all = (await listArticles(ctx, { sort, limit: 100 })).articles.map((a) => a.id);
    expect(all).toHaveLength(13);
    for (const size of [1, 2, 4, 5]) {
      const seen: number[] = [];
      let after: string | undefined;
      do {
        const page = await listArticles(ctx, { sort, limit: size, after });
        seen.push(...page.articles.map((a) => a.id));
        after = page.nextAfter ?? undefined;
      } while (after);
      expect(seen).toEqual(all);
    }
  });

  test("the law filter offers the laws some article discusses, and the current choice", async () => {
    const options = await discussedLawOptions(ctx);
    expect(options.map((o) => o.value)).toEqual([String(lawA), String(lawB)]);
    const withCurrent = await discussedLawOptions(ctx, String(lawB), 1);
    expect(withCurrent.map((o) => o.value).sort()).toEqual([String(lawA), String(lawB)].sort());
  });
});
