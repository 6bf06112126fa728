import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "@/db";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { isRecordId, parseInput, recordId } from "@/lib/validation";
import { deleteAgent } from "@/modules/agents/delete";
import { getAgent } from "@/modules/agents/read";
import { deleteArticle } from "@/modules/articles/delete";
import { listArticles } from "@/modules/articles/list";
import { getArticle } from "@/modules/articles/read";
import { createArticle, updateArticle } from "@/modules/articles/save";
import type { Ctx } from "@/modules/auth/context";
import { decodeCursor, encodeCursor } from "@/modules/content/cursor";
import { deleteFigure } from "@/modules/figures/delete";
import { listFigures } from "@/modules/figures/list";
import { getFigure } from "@/modules/figures/read";
import { deleteLaw } from "@/modules/laws/delete";
import { listLaws } from "@/modules/laws/list";
import { getLaw } from "@/modules/laws/read";
import { addLawRelation, listLawRelations, removeLawRelation } from "@/modules/laws/relations";
import { createLaw, updateLaw } from "@/modules/laws/save";
import { getLawTextVersion, listLawTextVersions, removeLawTextVersion } from "@/modules/laws/texts";
import { recordId as lawRecordId } from "@/modules/laws/schemas";
import { deleteSource } from "@/modules/sources/delete";
import { getSource, listSources } from "@/modules/sources/read";
import { createSource, updateSource } from "@/modules/sources/save";
import { deleteTopic } from "@/modules/topics/delete";
import { getTopic } from "@/modules/topics/read";
import { createTopic, updateTopic } from "@/modules/topics/save";
import { changeRole } from "@/modules/users/change-role";
import { listUsers } from "@/modules/users/list";
import { createTestDatabase } from "./db";
import { makeJurisdiction, makeUser, workingRevision } from "./factories";

/**
 * An id travels in URLs and forms. One an integer column cannot hold, or no id at all, must come
 * back as "not found" (reads and deletes) or as a field error (inputs), never as a database error.
 */
let database: Database;
let admin: Ctx;
let lawId: number;
// A real, current base revision: a save with a bad id must be refused for the id, not the base.
let baseRevision: number;
beforeAll(async () => {
  database = await createTestDatabase();
  admin = (await makeUser(database.db, "admin")).ctx;
  await makeJurisdiction(database.db, "KG", "Kyrgyzstan");
  lawId = (await createLaw(admin, law())).id;
  baseRevision = await workingRevision(admin, "law", lawId);
  await createSource(admin, { title: "A source" });
  await createArticle(admin, { kind: "news", title: "A report", lang: "en", originalDate: "2024-05" });
});
afterAll(() => database.close());

function law(more: Record<string, unknown> = {}) {
  return { jurisdictionCode: "KG", type: "law", status: "bill", titles: [{ lang: "en", title: "A law" }], ...more };
}

const badIds = [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 31, 1e12, Number.MAX_SAFE_INTEGER + 2];

async function fieldsOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return Object.keys((error as ValidationError).fieldErrors);
}

describe("the shared id rule", () => {
  test("isRecordId holds for 1 to 2,147,483,647 in whole numbers only", () => {
    expect([1, 42, 2_147_483_647].map(isRecordId)).toEqual([true, true, true]);
    expect([...badIds, "1", null, undefined].map(isRecordId).some(Boolean)).toBe(false);
  });

  test("recordId reads form text and refuses what no row can have, at the field", () => {
    expect(parseInput(recordId, "42")).toBe(42);
    for (const bad of ["", "abc", "0", "-3", "1.5", "2147483648", "1e12"]) {
      expect(() => parseInput(recordId, bad), bad).toThrow(ValidationError);
    }
    // The laws module hands on the same schema (its events import it from there).
    expect(lawRecordId).toBe(recordId);
  });

  test("a cursor naming an id out of range is no cursor", () => {
    expect(decodeCursor(encodeCursor("a", 5))).toEqual({ sortValue: "a", id: 5 });
    expect(decodeCursor(encodeCursor("a", 2 ** 31))).toBeNull();
    expect(decodeCursor(encodeCursor("a", 0))).toBeNull();
  });
});

describe("reads and deletes of an id no row can have are not found", () => {
  const calls: [string, (id: number) => Promise<unknown>][] = [
    ["getLaw", (id) => getLaw(admin, id)],
    ["updateLaw", (id) => updateLaw(admin, id, law({ baseRevision }))],
    ["deleteLaw", (id) => deleteLaw(admin, id)],
    ["listLawRelations", (id) => listLawRelations(admin, id)],
    ["addLawRelation from it", (id) => addLawRelation(admin, id, { toLawId: lawId, kind: "cites", baseRevision })],
    ["removeLawRelation", (id) => removeLawRelation(admin, id, baseRevision)],
    ["listLawTextVersions", (id) => listLawTextVersions(admin, id)],
    ["getLawTextVersion", (id) => getLawTextVersion(admin, id)],
    ["removeLawTextVersion", (id) => removeLawTextVersion(admin, id, baseRevision)],
    ["getTopic", (id) => getTopic(admin, id)],
    ["updateTopic", (id) => updateTopic(admin, id, { name: "Topic" })],
    ["deleteTopic", (id) => deleteTopic(admin, id)],
    ["getSource", (id) => getSource(admin, id)],
    ["updateSource", (id) => updateSource(admin, id, { title: "Source" })],
    ["deleteSource", (id) => deleteSource(admin, id)],
    ["getArticle", (id) => getArticle(admin, id)],
    ["updateArticle", (id) => updateArticle(admin, id, { kind: "news", title: "Report", lang: "en", baseRevision })],
    ["deleteArticle", (id) => deleteArticle(admin, id)],
    ["getAgent", (id) => getAgent(admin, id)],
    ["deleteAgent", (id) => deleteAgent(admin, id)],
    ["getFigure", (id) => getFigure(admin, id)],
    ["deleteFigure", (id) => deleteFigure(admin, id)],
  ];
  test.each(calls)("%s", async (_name, call) => {
    for (const id of badIds) await expect(call(id), String(id)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("inputs naming an id no row can have are field errors", () => {
  test.each([
    ["a source's publisher", () => createSource(admin, { title: "Source", publisherId: "2147483648" }), "publisherId"],
    ["a topic's parent", () => createTopic(admin, { name: "Topic", parentId: 2 ** 31 }), "parentId"],
    ["a law's topic", () => createLaw(admin, law({ topicIds: ["2147483648"] })), "topicIds.0"],
    ["a law's source", () => createLaw(admin, law({ sourceIds: ["1e12"] })), "sourceIds.0"],
    [
      "a related law",
      () => addLawRelation(admin, lawId, { toLawId: "99999999999", kind: "cites", baseRevision }),
      "toLawId",
    ],
    [
      "an article's law",
      () => createArticle(admin, { kind: "news", title: "R", lang: "en", lawIds: ["2147483648"] }),
      "lawIds.0",
    ],
    ["an account", () => changeRole(admin, { userId: 2 ** 31, role: "editor" }), "userId"],
  ])("%s", async (_what, call, field) => {
    expect(await fieldsOf(call())).toEqual([field]);
  });
});

describe("list parameters from a URL fall back instead of failing", () => {
  const farCursor = encodeCursor("2024-01-01T00:00:00.000000Z", 2 ** 31);

  test("laws: unknown facets and sort, a bad limit, an overlong query", async () => {
    const all = await listLaws(admin);
    expect(
      await listLaws(admin, { status: "passed", type: "treaty", sort: "random", limit: "many", jurisdiction: "" }),
    ).toEqual(all);
    await expect(listLaws(admin, { q: "x".repeat(500), after: "x".repeat(600) })).resolves.toBeDefined();
  });

  test("sources: a bad limit, an overlong query or cursor, a cursor with an impossible date or id", async () => {
    const all = await listSources(admin);
    expect(all.sources.length).toBeGreaterThan(0);
    for (const input of [
      { limit: "x" },
      { after: "x".repeat(300) },
      { after: farCursor },
      { after: encodeCursor("2024-13-45T00:00:00.000000Z", 5) },
      { after: encodeCursor("March 7, 2020", 5) },
    ]) {
      expect(await listSources(admin, input), JSON.stringify(input)).toEqual(all);
    }
    // A query too long to be typed is dropped, like any unreadable parameter.
    expect(await listSources(admin, { q: "x".repeat(500) })).toEqual(all);
  });

  test("articles and figures: a cursor with an impossible date or id starts from the first page", async () => {
    const byDate = await listArticles(admin, { sort: "date" });
    expect(byDate.articles.length).toBeGreaterThan(0);
    expect(await listArticles(admin, { sort: "date", after: encodeCursor("2024-02-30", 5) })).toEqual(byDate);
    const byUpdate = await listArticles(admin);
    expect(await listArticles(admin, { after: encodeCursor("2024-02-30T00:00:00.000000Z", 5) })).toEqual(byUpdate);
    const figures = await listFigures(admin);
    expect(await listFigures(admin, { after: encodeCursor("2024-99-01T00:00:00.000000Z", 5) })).toEqual(figures);
  });

  test("accounts: a cursor no account can have starts from the first page", async () => {
    expect(await listUsers(admin, { after: "99999999999" })).toEqual(await listUsers(admin));
  });
});

describe("lists in a form are bounded", () => {
  test("a law takes at most 200 topics, 200 sources and 200 rows of titles", async () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => String(i + 1));
    expect(await fieldsOf(createLaw(admin, law({ topicIds: many(201) })))).toEqual(["topicIds"]);
    expect(await fieldsOf(createLaw(admin, law({ sourceIds: many(201) })))).toEqual(["sourceIds"]);
    const titles = Array.from({ length: 201 }, (_, i) => ({ lang: "en", title: `Title ${i}` }));
    expect(await fieldsOf(createLaw(admin, law({ titles })))).toEqual(["titles"]);
  });
});
