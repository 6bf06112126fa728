import { sql, type SQL } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "@/db";
import { figures, sources } from "@/db/schema";
import type { Ctx } from "@/modules/auth/context";
import { encodeCursor } from "@/modules/content/cursor";
import { listFigures } from "@/modules/figures/list";
import { listSources } from "@/modules/sources/read";
import { createTestDatabase } from "./db";
import { makeUser } from "./factories";

let database: Database;
let editor: Ctx;
beforeAll(async () => {
  database = await createTestDatabase();
  editor = (await makeUser(database.db, "editor")).ctx;
  // Ties are where keyset paging goes wrong: repeated titles and labels, and change times that are
  // equal or apart by microseconds only.
  const when = (i: number) =>
    sql`timestamptz '2024-06-01 12:00:00.000000+00' + ${`${Math.floor(i / 3)} microseconds`}::interval`;
  const names = ["Zeta", "alpha", "Beta", "Alpha", "beta", "Gamma", "Delta", "Ёлка", "Ärger", "10 laws", "2 laws"];
  await database.db.insert(sources).values(
    Array.from({ length: 23 }, (_, i) => ({
      title: `Sorted ${names[i % names.length]}`,
      url: `https://sorted.example/${i}`,
      updatedAt: when(i),
    })) as never,
  );
  await database.db.insert(figures).values(
    Array.from({ length: 23 }, (_, i) => ({
      label: `Sorted ${names[i % names.length]}`,
      updatedAt: when(i),
    })) as never,
  );
});
afterAll(() => database.close());

type Lister = (input: Record<string, unknown>) => Promise<{ rows: { id: number }[]; nextAfter: string | null }>;

const lists: {
  name: string;
  list: Lister;
  byName: string;
  expected: (sort: string) => Promise<{ id: number }[]>;
}[] = [
  {
    name: "sources",
    list: async (input) => {
      const page = await listSources(editor, { q: "Sorted", ...input });
      return { rows: page.sources, nextAfter: page.nextAfter };
    },
    byName: "title",
    expected: (sort) =>
      database.db
        .select({ id: sources.id })
        .from(sources)
        .where(sql`${sources.title} like 'Sorted %'`)
        .orderBy(
          sort === "title"
            ? sql`${sources.title} asc, ${sources.id} asc`
            : sql`${sources.updatedAt} desc, ${sources.id} desc`,
        ),
  },
  {
    name: "figures",
    list: async (input) => {
      const page = await listFigures(editor, { q: "Sorted", ...input });
      return { rows: page.figures, nextAfter: page.nextAfter };
    },
    byName: "label",
    expected: (sort) =>
      database.db
        .select({ id: figures.id })
        .from(figures)
        .where(sql`${figures.label} like 'Sorted %'`)
        .orderBy(
          sort === "label"
            ? sql`${figures.label} asc, ${figures.id} asc`
            : sql`${figures.updatedAt} desc, ${figures.id} desc`,
        ) as Promise<{ id: number }[]>,
  },
];

async function pageThrough(list: Lister, sort: string | undefined, limit: number) {
  const seen: number[] = [];
  let after: string | undefined;
  let pages = 0;
  do {
    const page = await list({ sort, limit, after });
    expect(page.rows.length).toBeLessThanOrEqual(limit);
    seen.push(...page.rows.map((r) => r.id));
    after = page.nextAfter ?? undefined;
    pages++;
  } while (after && pages < 50);
  return seen;
}

describe.each(lists)("the $name list", ({ list, byName, expected }) => {
  test.each(["updated", byName])("pages through every row once, in %s order", async (sort) => {
    const all = (await expected(sort)).map((r) => r.id);
    expect(all).toHaveLength(23);
    for (const limit of [1, 4, 23]) {
      const seen = await pageThrough(list, sort, limit);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).toEqual(all);
    }
  });

  test("an unknown sort is the default, recently changed", async () => {
    const updated = (await expected("updated")).map((r) => r.id);
    expect(await pageThrough(list, undefined, 5)).toEqual(updated);
    expect(await pageThrough(list, "junk", 5)).toEqual(updated);
    expect((await list({ sort: ["title", "label"], limit: 5 })).rows.map((r) => r.id)).toEqual(updated.slice(0, 5));
  });

  test("a cursor from the other sort order, or edited by hand, gives the first page", async () => {
    const firstUpdated = await list({ limit: 4 });
    const firstByName = await list({ sort: byName, limit: 4 });
    expect(firstByName.rows.map((r) => r.id)).not.toEqual(firstUpdated.rows.map((r) => r.id));

    expect((await list({ limit: 4, after: firstByName.nextAfter! })).rows).toEqual(firstUpdated.rows);
    expect((await list({ sort: byName, limit: 4, after: firstUpdated.nextAfter! })).rows).toEqual(firstByName.rows);

    const handMade: string[] = [
      "not-a-cursor",
      "bm90LWpzb24",
      encodeCursor(42, 1),
      encodeCursor("2024-13-45T00:00:00.000000Z", 1),
      encodeCursor("Sorted Beta", 1),
      encodeCursor("t:Sorted\u0000Beta", 1),
      encodeCursor("l:Sorted\u0000Beta", 1),
      Buffer.from(JSON.stringify(["t:Sorted", 1e12])).toString("base64url"),
      Buffer.from(JSON.stringify([null, 1])).toString("base64url"),
      "x".repeat(5000),
    ];
    for (const after of handMade) {
      expect((await list({ limit: 4, after })).rows).toEqual(firstUpdated.rows);
      expect((await list({ sort: byName, limit: 4, after })).rows).toEqual(firstByName.rows);
    }
  });
});

test("a title or label of 500 characters, multi-byte ones too, still pages", async () => {
  const long = (c: string) => `Long ${c.repeat(495)}`;
  await database.db.insert(sources).values([{ title: long("й") }, { title: long("😀") }, { title: long("a") }]);
  await database.db.insert(figures).values([{ label: long("й") }, { label: long("😀") }, { label: long("a") }]);
  const where = (column: SQL) => sql`${column} like 'Long %'`;
  const sourceIds = await database.db
    .select({ id: sources.id })
    .from(sources)
    .where(where(sql`${sources.title}`));
  const figureIds = await database.db
    .select({ id: figures.id })
    .from(figures)
    .where(where(sql`${figures.label}`));
  const seenSources: number[] = [];
  const seenFigures: number[] = [];
  let afterSource: string | undefined;
  let afterFigure: string | undefined;
  for (let i = 0; i < 3; i++) {
    const s = await listSources(editor, { q: "Long", sort: "title", limit: 1, after: afterSource });
    const f = await listFigures(editor, { q: "Long", sort: "label", limit: 1, after: afterFigure });
    seenSources.push(...s.sources.map((r) => r.id));
    seenFigures.push(...f.figures.map((r) => r.id));
    afterSource = s.nextAfter ?? undefined;
    afterFigure = f.nextAfter ?? undefined;
  }
  expect(afterSource).toBeUndefined();
  expect(afterFigure).toBeUndefined();
  expect(seenSources.sort()).toEqual(sourceIds.map((r) => r.id).sort());
  expect(seenFigures.sort()).toEqual(figureIds.map((r) => r.id).sort());
});
