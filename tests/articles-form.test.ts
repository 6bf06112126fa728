import { afterAll, beforeAll, expect, test } from "vitest";
import { articleInputFrom } from "@/app/admin/articles/form-input";
import { figureInputFrom } from "@/app/admin/figures/form-input";
import type { Database } from "@/db";
import { agents } from "@/db/schema";
import { ValidationError } from "@/lib/errors";
import { formValues } from "@/lib/form-data";
import { createArticle } from "@/modules/articles/save";
import type { Ctx } from "@/modules/auth/context";
import { createFigure } from "@/modules/figures/save";
import { createTestDatabase } from "./db";
import { makeJurisdiction, makeUser } from "./factories";

let database: Database;
let ctx: Ctx;
let agentIds: number[];
beforeAll(async () => {
  database = await createTestDatabase();
  await makeJurisdiction(database.db, "KG", "Kyrgyzstan");
  ctx = (await makeUser(database.db, "contributor")).ctx;
  const rows = await database.db
    .insert(agents)
    .values([
      { slug: "a", kind: "person", preferredName: "A" },
      { slug: "b", kind: "person", preferredName: "B" },
      { slug: "c", kind: "person", preferredName: "C" },
    ])
    .returning({ id: agents.id });
  agentIds = rows.map((r) => r.id);
});
afterAll(() => database.close());

/** The fields as the browser sends them: pickers as repeated hidden inputs, empty pickers absent. */
function form(entries: [string, string][]) {
  const data = new FormData();
  for (const [k, v] of entries) data.append(k, v);
  return formValues(data);
}

test("the article form's fields reach the domain in byline order, empty pickers as none", async () => {
  const [a, b, c] = agentIds.map(String) as [string, string, string];
  const values = form([
    ["kind", "opinion"],
    ["lang", "ru"],
    ["title", "Комментарий"],
    ["authorIds", c],
    ["authorIds", a],
    ["authorIds", b],
    ["originalDate", "2025-01"],
    ["originalUrl", ""],
    ["jurisdictionCodes", "KG"],
    ["body", "**Text**"],
  ]);
  const article = await createArticle(ctx, articleInputFrom(values));
  expect(article.authors.map((x) => x.name)).toEqual(["C", "A", "B"]);
  expect(article).toMatchObject({ publisher: null, creditedAgent: null, lang: "ru", kind: "opinion" });
  expect(article.jurisdictions.map((j) => j.code)).toEqual(["KG"]);
});

test("a figure's rows keep their numbers, so errors and the preferred choice line up", async () => {
  const values = form([
    ["label", "People acquitted"],
    ["jurisdictionCode", ""],
    ["accounts.0.keep", "1"],
    ["accounts.0.value", ""],
    ["accounts.0.asOf", ""],
    ["accounts.1.keep", "1"],
    ["accounts.1.value", "856"],
    ["accounts.1.asOf", "2024-13"],
    ["preferredAccount", "1"],
  ]);
  const error = await createFigure(ctx, figureInputFrom(values)).catch((e: unknown) => e);
  expect(Object.keys((error as ValidationError).fieldErrors).sort()).toEqual(["accounts.0.value", "accounts.1.asOf"]);
  const fixed = { ...values, "accounts.0.value": "850", "accounts.1.asOf": "2024-12" };
  const figure = await createFigure(ctx, figureInputFrom(fixed));
  expect(figure.jurisdictionCode).toBeNull();
  expect(figure.accounts.map((x) => [x.value, x.preferred])).toEqual([
    ["856", true],
    ["850", false],
  ]);
});
