import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "@/db";
import { laws } from "@/db/schema";
import { lawStatuses } from "@/db/schema/vocabulary";
import type { Ctx } from "@/modules/auth/context";
import { listLaws } from "@/modules/laws/list";
import { lawSorts } from "@/modules/laws/schemas";
import { createLaw } from "@/modules/laws/save";
import { createTestDatabase } from "./db";
import { makeJurisdiction, makeUser } from "./factories";

let database: Database;
let editor: Ctx;
let editorName: string;
beforeAll(async () => {
  database = await createTestDatabase();
  const made = await makeUser(database.db, "editor", { name: "Sorting Editor" });
  editor = made.ctx;
  editorName = made.user.name;
  for (const code of ["KG", "KZ", "UZ"]) await makeJurisdiction(database.db, code);
  // Ties are where keyset paging goes wrong: repeated titles, jurisdictions and statuses, and
  // change times equal or apart by microseconds only.
  const titles = ["Zeta", "alpha", "Beta", "Alpha", "beta", "Ёлка", "10 laws", "2 laws"];
  await database.db.insert(laws).values(
    Array.from({ length: 23 }, (_, i) => ({
      slug: `sorted-${i}`,
      jurisdictionCode: ["KG", "KZ", "UZ"][i % 3]!,
      title: `Sorted ${titles[i % titles.length]}`,
      summary: "",
      status: lawStatuses[i % 2 === 0 ? 0 : 2]!,
      searchText: `sorted ${i}`,
      updatedAt: sql`timestamptz '2024-06-01 12:00:00.000000+00' + ${`${Math.floor(i / 3)} microseconds`}::interval`,
    })) as never,
  );
});
afterAll(() => database.close());

async function pageThrough(input: Record<string, string>) {
  const seen: number[] = [];
  let after: string | undefined;
  let pages = 0;
  do {
    const page = await listLaws(editor, { q: "sorted", ...input, limit: 4, after });
    seen.push(...page.laws.map((law) => law.id));
    after = page.nextAfter ?? undefined;
    expect(++pages).toBeLessThan(20);
  } while (after);
  return seen;
}

describe.each(lawSorts)("sorted by %s", (sort) => {
  test.each(["asc", "desc"])("pages of 4 hold every law once, in the order of one long page (%s)", async (dir) => {
    const all = (await listLaws(editor, { q: "sorted", sort, dir, limit: 100 })).laws.map((law) => law.id);
    expect(all).toHaveLength(23);
    expect(await pageThrough({ sort, dir })).toEqual(all);
  });

  test("the other direction is the exact reverse, ties included", async () => {
    const up = (await listLaws(editor, { q: "sorted", sort, dir: "asc", limit: 100 })).laws.map((law) => law.id);
    const down = (await listLaws(editor, { q: "sorted", sort, dir: "desc", limit: 100 })).laws.map((law) => law.id);
    expect(down).toEqual([...up].reverse());
  });
});

test("rows follow the sort's column, the id breaking ties", async () => {
  const page = await listLaws(editor, { q: "sorted", sort: "jurisdiction", limit: 100 });
  expect(page.dir).toBe("asc");
  const keys = page.laws.map((law) => [law.jurisdictionCode, law.id] as const);
  const sorted = [...keys].sort((a, b) => a[0].localeCompare(b[0]) || a[1] - b[1]);
  expect(keys).toEqual(sorted);
  const byStatus = (await listLaws(editor, { q: "sorted", sort: "status", limit: 100 })).laws.map((law) => law.status);
  expect(byStatus.indexOf("in_force")).toBe(byStatus.lastIndexOf("bill") + 1);
  expect((await listLaws(editor, { q: "sorted" })).dir).toBe("desc");
});

test("a cursor from another sort or direction starts from the first page", async () => {
  const byTitle = await listLaws(editor, { q: "sorted", sort: "title", limit: 4 });
  const byStatus = await listLaws(editor, { q: "sorted", sort: "status", limit: 4 });
  const reversed = await listLaws(editor, { q: "sorted", sort: "title", dir: "desc", limit: 4 });
  expect((await listLaws(editor, { q: "sorted", sort: "status", limit: 4, after: byTitle.nextAfter! })).laws).toEqual(
    byStatus.laws,
  );
  expect(
    (await listLaws(editor, { q: "sorted", sort: "title", dir: "desc", limit: 4, after: byTitle.nextAfter! })).laws,
  ).toEqual(reversed.laws);
});

test("each law names the last editor of its working revision, in the same query", async () => {
  await createLaw(editor, {
    jurisdictionCode: "KG",
    type: "law",
    status: "bill",
    titles: [{ lang: "en", title: "Edited by someone" }],
  });
  const [law] = (await listLaws(editor, { q: "Edited by someone" })).laws;
  expect(law).toMatchObject({ lastEditor: editorName, review: "draft" });
  expect(law!.workingRevisionId).toBeGreaterThan(0);
  // Inserted without the workflow: no revision, so no editor to name.
  expect((await listLaws(editor, { q: "sorted", limit: 1 })).laws[0]!.lastEditor).toBeNull();
});
