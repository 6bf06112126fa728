import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "@/db";
import type { Ctx } from "@/modules/auth/context";
import { addEvent } from "@/modules/laws/events";
import { createLaw } from "@/modules/laws/save";
import { readLawIndex } from "@/modules/public/law-index";
import { lawIndexQuery } from "@/modules/public/law-index-url";
import { lawIndexHref } from "@/modules/public/law-index-url";
import { createTopic } from "@/modules/topics/save";
import { moveItem } from "@/modules/workflow/transitions";
import { createTestDatabase } from "./db";
import { makeJurisdiction, makeUser, publishItem, workingRevision } from "./factories";

let database: Database;
let admin: Ctx;
let topicId: number;
beforeAll(async () => {
  database = await createTestDatabase();
  await makeJurisdiction(database.db, "KG", "Kyrgyzstan");
  await makeJurisdiction(database.db, "KZ", "Kazakhstan");
  admin = (await makeUser(database.db, "admin")).ctx;
  topicId = (await createTopic(admin, { name: "Rehabilitation", slug: "rehabilitation" })).id;

  const law = async (title: string, extra: Record<string, unknown>, adopted?: string, publish = true) => {
    const id = (await createLaw(admin, { type: "law", status: "in_force", titles: [{ lang: "en", title }], ...extra }))
      .id;
    if (adopted)
      await addEvent(admin, id, {
        kind: "adopted",
        accounts: [{ date: adopted }],
        baseRevision: await workingRevision(admin, "law", id),
      });
    if (publish) await publishItem(database.db, "law", id);
    return id;
  };
  await law("Kyrgyz rehabilitation act", { jurisdictionCode: "KG", topicIds: [topicId] }, "2024-11-20");
  await law("Kazakh rehabilitation law", { jurisdictionCode: "KZ", topicIds: [topicId] }, "1993-04-14");
  await law("Kazakh decree on archives", { jurisdictionCode: "KZ", type: "decree", status: "repealed" }, "1997");
  await law("A Kyrgyz draft nobody published", { jurisdictionCode: "KG", topicIds: [topicId] }, "2025", false);
  const withdrawn = await law("A withdrawn Kyrgyz law", { jurisdictionCode: "KG" }, "2001");
  await moveItem(admin, {
    type: "law",
    id: withdrawn,
    action: "withdraw",
    baseRevision: await workingRevision(admin, "law", withdrawn),
  });
});
afterAll(() => database.close());

const index = (params: Record<string, string> = {}) => readLawIndex(database.db, lawIndexQuery.parse(params));
const titles = async (params: Record<string, string> = {}) => (await index(params)).laws.map((l) => l.title);

describe("the public laws index", () => {
  test("lists published laws only: no draft, nothing withdrawn", async () => {
    expect((await titles()).sort()).toEqual([
      "Kazakh decree on archives",
      "Kazakh rehabilitation law",
      "Kyrgyz rehabilitation act",
    ]);
  });

  test("filters by jurisdiction, status, type, year and topic, alone and together", async () => {
    expect(await titles({ jurisdiction: "kz", sort: "title" })).toEqual([
      "Kazakh decree on archives",
      "Kazakh rehabilitation law",
    ]);
    expect(await titles({ status: "repealed" })).toEqual(["Kazakh decree on archives"]);
    expect(await titles({ type: "decree" })).toEqual(["Kazakh decree on archives"]);
    expect(await titles({ year: "1993" })).toEqual(["Kazakh rehabilitation law"]);
    expect((await titles({ topic: "rehabilitation" })).sort()).toEqual([
      "Kazakh rehabilitation law",
      "Kyrgyz rehabilitation act",
    ]);
    expect(await titles({ topic: "rehabilitation", jurisdiction: "KG" })).toEqual(["Kyrgyz rehabilitation act"]);
    expect(await titles({ topic: "no-such-topic" })).toEqual([]);
  });

  test("each facet counts what choosing it would show, under the other filters", async () => {
    const { facets, total } = await index({ jurisdiction: "kz" });
    expect(total).toBe(2);
    // The jurisdiction facet ignores the jurisdiction filter itself, so the other choice stays visible.
    expect(facets.jurisdiction).toEqual([
      { value: "KZ", label: "Kazakhstan", count: 2 },
      { value: "KG", label: "Kyrgyzstan", count: 1 },
    ]);
    expect(facets.status.sort((a, b) => a.value.localeCompare(b.value))).toEqual([
      { value: "in_force", count: 1 },
      { value: "repealed", count: 1 },
    ]);
    expect(facets.year).toEqual([
      { value: "1997", count: 1 },
      { value: "1993", count: 1 },
    ]);
    expect(facets.topic).toEqual([{ value: "rehabilitation", label: "Rehabilitation", count: 1 }]);
  });

  test("sorts by title, by year (newest first) and by publication; pages of 20", async () => {
    expect(await titles({ sort: "title" })).toEqual([
      "Kazakh decree on archives",
      "Kazakh rehabilitation law",
      "Kyrgyz rehabilitation act",
    ]);
    expect(await titles({ sort: "year" })).toEqual([
      "Kyrgyz rehabilitation act",
      "Kazakh decree on archives",
      "Kazakh rehabilitation law",
    ]);
    expect((await index({ page: "2" })).laws).toEqual([]);
    expect((await index()).pageCount).toBe(1);
  });

  test("an unreadable query string is ignored, not an error", async () => {
    const query = lawIndexQuery.parse({ jurisdiction: "'; drop table laws; --", year: "soon", page: "-3", sort: "x" });
    expect(query).toMatchObject({ jurisdiction: undefined, year: undefined, page: 1, sort: "recent" });
    expect((await readLawIndex(database.db, query)).total).toBe(3);
  });

  test("addresses carry the filters, drop defaults, and go back to page 1 when a filter changes", () => {
    const query = lawIndexQuery.parse({ jurisdiction: "KG", page: "3" });
    expect(lawIndexHref(query, { page: 4 })).toBe("/laws?jurisdiction=kg&page=4");
    expect(lawIndexHref(query, { status: "in_force" })).toBe("/laws?jurisdiction=kg&status=in_force");
    expect(lawIndexHref(query, { jurisdiction: undefined })).toBe("/laws");
    expect(lawIndexHref(query, { sort: "title" })).toBe("/laws?jurisdiction=kg&sort=title");
  });
});
