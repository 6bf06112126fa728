import { desc } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "@/db";
import { cacheInvalidations } from "@/db/schema";
import type { Ctx } from "@/modules/auth/context";
import { approveFigure } from "@/modules/figures/approve";
import { createFigure, updateFigure } from "@/modules/figures/save";
import { createLaw } from "@/modules/laws/save";
import { figureSearchTag } from "@/modules/public/cache-tags";
import { figureHitsShown } from "@/modules/public/figure-search";
import { readSearch } from "@/modules/public/search";
import { searchQuery } from "@/modules/public/search-url";
import { createTestDatabase } from "./db";
import { makeJurisdiction, makeUser, publishItem } from "./factories";

let database: Database;
let contributor: Ctx;
let editor: Ctx;
let rehabilitated: number;
beforeAll(async () => {
  database = await createTestDatabase();
  await makeJurisdiction(database.db, "KG", "Kyrgyzstan");
  await makeJurisdiction(database.db, "UZ", "Uzbekistan");
  contributor = (await makeUser(database.db, "contributor")).ctx;
  editor = (await makeUser(database.db, "editor")).ctx;
  rehabilitated = await approved({
    label: "People rehabilitated in Kyrgyzstan",
    jurisdictionCode: "KG",
    unit: "people",
    note: "Counted by the republic's commission on rehabilitation.",
    accounts: [{ value: "311,000", asOf: "1991" }],
  });
});
afterAll(() => database.close());

type FigureFields = { label: string; jurisdictionCode?: string; unit?: string; note?: string; lawIds?: number[] };

/** A figure saved by a contributor and approved by an editor, as readers see it. */
async function approved(figure: FigureFields & { accounts?: { value: string; asOf?: string }[] }) {
  const created = await createFigure(contributor, { accounts: [{ value: "856" }], ...figure });
  await approveFigure(editor, created.id, created.updatedAt.toISOString());
  return created.id;
}

const search = (params: Record<string, string>) => readSearch(database.db, searchQuery.parse(params));
const figurePaths = async (q: string, params: Record<string, string> = {}) =>
  (await search({ q, ...params })).figures.hits.map((h) => h.path);
const text = (parts: { text: string }[]) => parts.map((p) => p.text).join("");

describe("figures in search", () => {
  test("an approved figure is found by its label, note and unit, with its value for reading and its page's anchor", async () => {
    const results = await search({ q: "rehabilitated Kyrgyzstan" });
    expect(results.figures.total).toBe(1);
    const [hit] = results.figures.hits;
    expect(hit).toMatchObject({
      path: `/jurisdictions/kg#figure-${rehabilitated}`,
      value: "311,000",
      unit: "people",
      asOf: "1991",
      disputed: false,
      jurisdictionCode: "KG",
    });
    expect(text(hit!.label)).toBe("People rehabilitated in Kyrgyzstan");
    expect(hit!.label.filter((p) => p.match).map((p) => p.text)).toEqual(["rehabilitated", "Kyrgyzstan"]);
    expect(await figurePaths("commission")).toEqual([hit!.path]);
    expect(await figurePaths("people rehabilitated")).toEqual([hit!.path]);
    // Figures are not items of the index: the results proper do not count them.
    expect(results.total).toBe(0);
  });

  test.each(["311,000", "311000", "311 000", "311.000", "0.311 million"])(
    "an approved figure is found by its value as printed: %s",
    async (q) => {
      expect(await figurePaths(q)).toEqual([`/jurisdictions/kg#figure-${rehabilitated}`]);
      expect((await search({ q })).correctedTo).toBeNull();
    },
  );

  test("a figure not approved, or edited since its approval, is never found", async () => {
    await createFigure(contributor, {
      label: "Draft figure of deportations",
      jurisdictionCode: "KG",
      accounts: [{ value: "424242" }],
    });
    expect(await figurePaths("deportations")).toEqual([]);
    expect(await figurePaths("424242")).toEqual([]);

    const id = await approved({ label: "Camps counted in Uzbekistan", jurisdictionCode: "UZ" });
    expect(await figurePaths("camps")).toEqual([`/jurisdictions/uz#figure-${id}`]);
    await updateFigure(contributor, id, {
      label: "Camps counted in Uzbekistan",
      jurisdictionCode: "UZ",
      accounts: [{ value: "900" }],
    });
    expect(await figurePaths("camps")).toEqual([]);
    expect(await figurePaths("900")).toEqual([]);
  });

  test("the jurisdiction filter applies to figures; a kind filter or a later page shows none", async () => {
    expect(await figurePaths("people", { jurisdiction: "kg" })).toEqual([`/jurisdictions/kg#figure-${rehabilitated}`]);
    expect(await figurePaths("people", { jurisdiction: "uz" })).toEqual([]);
    expect(await figurePaths("people", { type: "law" })).toEqual([]);
    expect(await figurePaths("people", { page: "2" })).toEqual([]);
  });

  test("a figure of no jurisdiction links to a published law it concerns, and is not found while none is", async () => {
    const law = (
      await createLaw(editor, {
        jurisdictionCode: "KG",
        type: "law",
        status: "in_force",
        titles: [{ lang: "en", title: "On the rehabilitation of victims" }],
      })
    ).id;
    const id = await approved({ label: "Claims for compensation filed", lawIds: [law] });
    expect(await figurePaths("compensation")).toEqual([]);
    await publishItem(database.db, "law", law);
    const [path] = await figurePaths("compensation");
    expect(path).toMatch(new RegExp(`^/laws/kg/[a-z0-9-]+#figure-${id}$`));
  });

  test("figures named by the words come first, and a few are shown of many", async () => {
    for (let i = 0; i < figureHitsShown + 1; i++)
      await approved({ label: `Archive file ${i}`, jurisdictionCode: "UZ", note: "Counted by the tallymen." });
    const named = await approved({ label: "Tallymen employed", jurisdictionCode: "UZ" });
    const results = (await search({ q: "tallymen" })).figures;
    expect(results.total).toBe(figureHitsShown + 2);
    expect(results.hits).toHaveLength(figureHitsShown);
    expect(results.hits[0]!.path).toBe(`/jurisdictions/uz#figure-${named}`);
  });

  test("a figure's approval and its save expire cached searches", async () => {
    const lastTags = async () =>
      (
        await database.db
          .select({ tags: cacheInvalidations.tags })
          .from(cacheInvalidations)
          .orderBy(desc(cacheInvalidations.id))
          .limit(1)
      )[0]!.tags;
    const created = await createFigure(contributor, { label: "Tagged", accounts: [{ value: "1" }] });
    await approveFigure(editor, created.id, created.updatedAt.toISOString());
    expect(await lastTags()).toContain(figureSearchTag);
    await updateFigure(contributor, created.id, { label: "Tagged again", accounts: [{ value: "2" }] });
    expect(await lastTags()).toContain(figureSearchTag);
  });
});
