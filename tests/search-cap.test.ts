import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { Database } from "@/db";
import { createLaw } from "@/modules/laws/save";
import { readSearch, searchCap, searchPageSize } from "@/modules/public/search";
import { searchQuery } from "@/modules/public/search-url";
import { createTestDatabase } from "./db";
import { makeJurisdiction, makeUser, publishItem } from "./factories";

// More matches than the cap, written straight into the search index (publishing 1,000 items
// one by one would take minutes): articles whose names hold "broadword", and one law whose name
// holds it too though it was indexed last.
let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
  await makeJurisdiction(database.db, "KG");
  const editor = (await makeUser(database.db, "editor")).ctx;
  const law = (
    await createLaw(editor, {
      jurisdictionCode: "KG",
      type: "law",
      status: "in_force",
      titles: [{ lang: "en", title: "The broadword act" }],
    })
  ).id;
  await publishItem(database.db, "law", law);
  await database.db.execute(sql`insert into public_search (item_type, item_id, revision_id, scope, slug, title, kind,
      jurisdiction_codes, aliases, names, body, document, published_at)
    select 'article', 100000 + i, (select revision_id from public_search limit 1), '', 'piece-' || i, 'Piece ' || i,
      case when i % 2 = 0 then 'news' else 'opinion' end, case when i % 3 = 0 then array['KG'] else '{}' end, '{}',
      'piece ' || i, 'A text that mentions broadword once.',
      setweight(to_tsvector('simple', 'piece ' || i), 'A') || setweight(to_tsvector('simple', 'a text that mentions broadword once'), 'C'),
      now() - make_interval(secs => i)
    from generate_series(1, ${searchCap + 200}) as i`);
});
afterAll(() => database.close());

const search = (params: Record<string, string>) => readSearch(database.db, searchQuery.parse(params));

test("past the cap a search says 'more than', its facet counts are lower bounds, and the item it names comes first", async () => {
  const results = await search({ q: "broadword" });
  expect(results).toMatchObject({ capped: true, total: searchCap, pageCount: searchCap / searchPageSize });
  expect(results.hits).toHaveLength(searchPageSize);
  // Found by its name (weighed most) although the cap was reached before the index reached it.
  expect(results.hits[0]!.path).toBe("/laws/kg/the-broadword-act");
  expect(results.facets.type.find((f) => f.value === "article")).toMatchObject({ atLeast: true });
  expect(results.facets.jurisdiction.every((f) => f.atLeast)).toBe(true);
});

test("within the cap the count is exact, and so are the counts of a facet within it", async () => {
  const results = await search({ q: "broadword", jurisdiction: "KG" });
  // Every third article is filed under KG, and the law is.
  const expected = Math.floor((searchCap + 200) / 3) + 1;
  expect(results).toMatchObject({ capped: false, total: expected });
  // The jurisdiction facet counts without its own choice, over more matches than the cap: a lower bound.
  const kg = results.facets.jurisdiction.find((f) => f.value === "KG")!;
  expect(kg.atLeast).toBe(true);
  expect(kg.count).toBeLessThanOrEqual(expected);
  // The type facet counts under the jurisdiction filter only: exact too.
  expect(results.facets.type.map((f) => [f.value, f.count, f.atLeast])).toEqual([
    ["law", 1, false],
    ["article", expected - 1, false],
  ]);
});

test("a page past the last one says how many there are", async () => {
  const results = await search({ q: "broadword", jurisdiction: "KG", page: "999" });
  expect(results.hits).toEqual([]);
  expect(results.total).toBe(Math.floor((searchCap + 200) / 3) + 1);
});
