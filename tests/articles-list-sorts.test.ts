import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "@/db";
import { articles } from "@/db/schema";
import { listArticles } from "@/modules/articles/list";
import { articleSorts } from "@/modules/articles/schemas";
import type { Ctx } from "@/modules/auth/context";
import { encodeCursor } from "@/modules/content/cursor";
import { createTestDatabase } from "./db";
import { makeUser } from "./factories";

let database: Database;
let editor: Ctx;
beforeAll(async () => {
  database = await createTestDatabase();
  editor = (await makeUser(database.db, "editor")).ctx;
  // Ties are where keyset paging goes wrong: repeated titles and dates, change times equal or apart
  // by microseconds only, and undated articles, which come last in either direction.
  const titles = ["Zeta", "alpha", "Beta", "Alpha", "beta", "Ёлка", "10 reports", "2 reports"];
  const dates = ["2020-03-01", null, "2019-01-01", "2020-03-01", null, "2021-12-31"];
  await database.db.insert(articles).values(
    Array.from({ length: 23 }, (_, i) => ({
      slug: `sorted-${i}`,
      kind: "news" as const,
      title: `Sorted ${titles[i % titles.length]}`,
      originalDate: dates[i % dates.length],
      originalPrecision: dates[i % dates.length] ? ("day" as const) : null,
      updatedAt: sql`timestamptz '2024-06-01 12:00:00.000000+00' + ${`${Math.floor(i / 3)} microseconds`}::interval`,
    })) as never,
  );
});
afterAll(() => database.close());

const list = (input: Record<string, unknown>) => listArticles(editor, { q: "Sorted", ...input });

/** The order each sort and direction promises, written out in SQL apart from the list's own query. */
async function expected(sort: string, dir: "asc" | "desc") {
  const column = { title: articles.title, updated: articles.updatedAt, date: articles.originalDate }[sort]!;
  const rows = await database.db
    .select({ id: articles.id })
    .from(articles)
    .where(sql`${articles.title} like 'Sorted %'`)
    .orderBy(sql`${column} is null, ${column} ${sql.raw(dir)}, ${articles.id} ${sql.raw(dir)}`);
  return rows.map((r) => r.id);
}

async function pageThrough(input: Record<string, unknown>, limit: number) {
  const seen: number[] = [];
  let after: string | undefined;
  let pages = 0;
  do {
    const page = await list({ ...input, limit, after });
    expect(page.articles.length).toBeLessThanOrEqual(limit);
    seen.push(...page.articles.map((a) => a.id));
    after = page.nextAfter ?? undefined;
    expect(++pages).toBeLessThan(30);
  } while (after);
  return seen;
}

describe.each(articleSorts)("sorted by %s", (sort) => {
  test.each(["asc", "desc"] as const)("pages of 1, 4 and 23 hold every article once, in order (%s)", async (dir) => {
    const all = await expected(sort, dir);
    expect(all).toHaveLength(23);
    expect((await list({ sort, dir, limit: 100 })).articles.map((a) => a.id)).toEqual(all);
    for (const limit of [1, 4, 23]) expect(await pageThrough({ sort, dir }, limit)).toEqual(all);
  });

  test("the other direction turns the order around, ties included", async () => {
    const up = (await list({ sort, dir: "asc", limit: 100 })).articles;
    const down = (await list({ sort, dir: "desc", limit: 100 })).articles;
    // Undated articles stay last when the dates turn around; among themselves they turn too.
    const dated = (page: typeof up) => page.filter((a) => sort !== "date" || a.originalDate).map((a) => a.id);
    const undated = (page: typeof up) => page.filter((a) => sort === "date" && !a.originalDate).map((a) => a.id);
    expect(dated(down)).toEqual(dated(up).reverse());
    expect(undated(down)).toEqual(undated(up).reverse());
    expect(down.slice(dated(down).length).every((a) => sort !== "date" || !a.originalDate)).toBe(true);
    expect(up.map((a) => a.id)).not.toEqual(down.map((a) => a.id));
  });
});

test("without a direction each sort goes its own way, and says which", async () => {
  expect(await list({ sort: "title", limit: 1 })).toMatchObject({ sort: "title", dir: "asc" });
  expect(await list({ sort: "date", limit: 1 })).toMatchObject({ sort: "date", dir: "desc" });
  expect(await list({ limit: 1 })).toMatchObject({ sort: "updated", dir: "desc" });
  expect(await list({ sort: "title", dir: "sideways", limit: 1 })).toMatchObject({ dir: "asc" });
  expect((await list({ sort: "date", limit: 100 })).articles.map((a) => a.id)).toEqual(await expected("date", "desc"));
});

test("a cursor from another sort or direction, or edited by hand, starts from the first page", async () => {
  const firstByTitle = await list({ sort: "title", limit: 4 });
  const firstReversed = await list({ sort: "title", dir: "desc", limit: 4 });
  const firstByDate = await list({ sort: "date", dir: "asc", limit: 4 });
  expect((await list({ sort: "title", dir: "desc", limit: 4, after: firstByTitle.nextAfter! })).articles).toEqual(
    firstReversed.articles,
  );
  expect((await list({ sort: "date", dir: "asc", limit: 4, after: firstByTitle.nextAfter! })).articles).toEqual(
    firstByDate.articles,
  );
  const handMade = [
    "garbage",
    encodeCursor("date.asc:not a date'; --", 5),
    encodeCursor("date.asc:2020-02-30", 5),
    encodeCursor("title.asc", 5),
    encodeCursor("2020-01-01", 5),
    encodeCursor(42, 5),
  ];
  for (const after of handMade)
    expect((await list({ sort: "date", dir: "asc", limit: 4, after })).articles).toEqual(firstByDate.articles);
});

test("a page that ends among the undated articles continues with the rest of them", async () => {
  const all = await expected("date", "asc");
  const datedCount = (await list({ sort: "date", limit: 100 })).articles.filter((a) => a.originalDate).length;
  const first = await list({ sort: "date", dir: "asc", limit: datedCount + 1 });
  expect(first.articles.at(-1)!.originalDate).toBeNull();
  const rest = await list({ sort: "date", dir: "asc", limit: 100, after: first.nextAfter! });
  expect([...first.articles, ...rest.articles].map((a) => a.id)).toEqual(all);
});

test("a title of 1,000 four-byte characters still pages", async () => {
  const long = (c: string) => `Long ${c.repeat(995)}`;
  await database.db
    .insert(articles)
    .values(["😀", "й", "a"].map((c, i) => ({ slug: `long-${i}`, kind: "news" as const, title: long(c) })));
  const seen: number[] = [];
  let after: string | undefined;
  for (let i = 0; i < 3; i++) {
    const page = await listArticles(editor, { q: "Long", sort: "title", dir: "desc", limit: 1, after });
    seen.push(...page.articles.map((a) => a.id));
    after = page.nextAfter ?? undefined;
  }
  expect(after).toBeUndefined();
  expect(new Set(seen).size).toBe(3);
});
