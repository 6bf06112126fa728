import { afterAll, beforeAll, expect, test } from "vitest";
import type { Database } from "@/db";
import { NotAuthenticatedError } from "@/lib/errors";
import * as agentsRead from "@/modules/agents/read";
import * as articlesRead from "@/modules/articles/read";
import * as figuresRead from "@/modules/figures/read";
import * as jurisdictionsRead from "@/modules/jurisdictions/read";
import * as lawsRead from "@/modules/laws/read";
import * as sourcesRead from "@/modules/sources/read";
import * as topicsRead from "@/modules/topics/read";
import { createTestDatabase } from "./db";
import { anonymous } from "./factories";

/**
 * Editorial data is read only after authorize: every function a read module exports refuses a
 * caller who is not signed in, so that no page can reach drafts through a helper that skips the
 * guard. Helpers that read without one stay private to their module.
 */
let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const modules = {
  agents: agentsRead,
  articles: articlesRead,
  figures: figuresRead,
  jurisdictions: jurisdictionsRead,
  laws: lawsRead,
  sources: sourcesRead,
  topics: topicsRead,
};

// Pure functions over values the caller already holds: they read nothing.
const pure = new Set(["figures.disagree"]);

const readers = Object.entries(modules).flatMap(([module, exports]) =>
  Object.entries(exports)
    .filter(([name, value]) => typeof value === "function" && !pure.has(`${module}.${name}`))
    .map(([name, fn]) => [`${module}.${name}`, fn as (...args: unknown[]) => unknown] as const),
);

test("the read modules export what the app needs, and no unguarded helper", () => {
  const names = readers.map(([name]) => name);
  expect(names).toEqual(expect.arrayContaining(["agents.getAgent", "laws.getLaw", "topics.listTopics"]));
  expect(names).not.toContain("topics.allTopics");
  expect(names).not.toContain("laws.missingIds");
});

test.each(readers)("%s refuses a caller who is not signed in", async (_name, read) => {
  // Arguments a caller could pass; the guard must come before any of them is used.
  const args = [anonymous(database.db), 1, [{ id: 1 }], {}];
  await expect(Promise.resolve().then(() => read(...args))).rejects.toBeInstanceOf(NotAuthenticatedError);
});
