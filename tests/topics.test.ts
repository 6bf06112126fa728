import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "@/db";
import { articles, lawTopics, laws, articleTopics, publicationClock, slugRedirects, topics } from "@/db/schema";
import { ConflictError, ValidationError } from "@/lib/errors";
import type { Ctx } from "@/modules/auth/context";
import { deleteTopic } from "@/modules/topics/delete";
import { createTopicInline, searchTopicOptions } from "@/modules/topics/picker";
import { getTopic, listTopics, topicParentOptions } from "@/modules/topics/read";
import { createTopic, updateTopic } from "@/modules/topics/save";
import { createTestDatabase } from "./db";
import { makeJurisdiction, makeUser } from "./factories";

let database: Database;
let admin: Ctx;
beforeAll(async () => {
  database = await createTestDatabase();
  admin = (await makeUser(database.db, "admin")).ctx;
});
afterAll(() => database.close());

const topicCount = async () => (await database.db.select({ n: count() }).from(topics))[0]!.n;

/** Expects a ValidationError naming `field`, and no topic written or changed. */
async function expectFieldError(run: () => Promise<unknown>, field: string) {
  const before = await database.db.select().from(topics).orderBy(topics.id);
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  expect(Object.keys((error as ValidationError).fieldErrors)).toContain(field);
  expect(await database.db.select().from(topics).orderBy(topics.id)).toEqual(before);
}

describe("topics", () => {
  test("are created with a slug from their name, unique among topics", async () => {
    const first = await createTopic(admin, { name: "Political repression", description: "  Persecution. " });
    expect(first).toMatchObject({ slug: "political-repression", description: "Persecution.", parentId: null });
    const second = await createTopic(admin, { name: "Political  Repression!" });
    expect(second.slug).toBe("political-repression-2");
    const cyrillic = await createTopic(admin, { name: "Реабилитация" });
    expect(cyrillic.slug).toBe("reabilitatsiya");
  });

  test("nest, and list as a tree: parents before children, with depth", async () => {
    const root = await createTopic(admin, { name: "Tree root" });
    const b = await createTopic(admin, { name: "Tree B", parentId: String(root.id) });
    const a = await createTopic(admin, { name: "Tree A", parentId: root.id });
    const a1 = await createTopic(admin, { name: "Tree A one", parentId: a.id });
    const list = await listTopics(admin, { q: "Tree" });
    expect(list.rows.map((r) => [r.name, r.depth])).toEqual([
      ["Tree root", 0],
      ["Tree A", 1],
      ["Tree A one", 2],
      ["Tree B", 1],
    ]);
    // A filter keeps the ancestors that place a match, marked as such.
    const filtered = await listTopics(admin, { q: "a one" });
    expect(filtered.rows.map((r) => [r.id, r.match])).toEqual([
      [root.id, false],
      [a.id, false],
      [a1.id, true],
    ]);
    // A topic cannot be placed under itself or its descendants.
    const options = (await topicParentOptions(admin, a.id)).map((o) => Number(o.value));
    expect(options).toContain(root.id);
    expect(options).toContain(b.id);
    expect(options).not.toContain(a.id);
    expect(options).not.toContain(a1.id);
  });

  test("are edited; the slug changes only when asked, and the old one redirects", async () => {
    const topic = await createTopic(admin, { name: "Dekulakisation" });
    const renamed = await updateTopic(admin, topic.id, { name: "Dekulakization", description: "Campaign." });
    expect(renamed).toMatchObject({ name: "Dekulakization", slug: "dekulakisation", description: "Campaign." });
    const moved = await updateTopic(admin, topic.id, { name: "Dekulakization", slug: "dekulakization" });
    expect(moved.slug).toBe("dekulakization");
    const redirects = await database.db.select().from(slugRedirects).where(eq(slugRedirects.itemId, topic.id));
    expect(redirects).toMatchObject([{ itemType: "topic", oldSlug: "dekulakisation" }]);
  });

  test("bad input gives field errors and writes nothing", async () => {
    const before = await topicCount();
    await expectFieldError(() => createTopic(admin, { name: "  " }), "name");
    await expectFieldError(() => createTopic(admin, { name: "x".repeat(201) }), "name");
    await expectFieldError(() => createTopic(admin, { name: "Orphan", parentId: 999_999 }), "parentId");
    await expectFieldError(() => createTopic(admin, { name: "Orphan", parentId: "abc" }), "parentId");
    expect(await topicCount()).toBe(before);

    const taken = await createTopic(admin, { name: "Taken" });
    const other = await createTopic(admin, { name: "Other" });
    await expectFieldError(() => updateTopic(admin, other.id, { name: "Other", slug: "taken" }), "slug");
    await expectFieldError(() => updateTopic(admin, other.id, { name: "Other", slug: "Not A Slug" }), "slug");
    await expectFieldError(() => updateTopic(admin, taken.id, { name: "" }), "name");
  });

  test("parents cannot form a cycle", async () => {
    const a = await createTopic(admin, { name: "Cycle A" });
    const b = await createTopic(admin, { name: "Cycle B", parentId: a.id });
    const c = await createTopic(admin, { name: "Cycle C", parentId: b.id });
    await expectFieldError(() => updateTopic(admin, a.id, { name: "Cycle A", parentId: c.id }), "parentId");
    await expectFieldError(() => updateTopic(admin, a.id, { name: "Cycle A", parentId: b.id }), "parentId");
    await expectFieldError(() => updateTopic(admin, a.id, { name: "Cycle A", parentId: a.id }), "parentId");
    // Moving a branch elsewhere is fine.
    await expect(updateTopic(admin, c.id, { name: "Cycle C", parentId: a.id })).resolves.toMatchObject({
      parentId: a.id,
    });
  });

  test("are deleted when unused; otherwise the refusal says what uses them", async () => {
    const unused = await createTopic(admin, { name: "Unused" });
    await deleteTopic(admin, unused.id);
    expect(await database.db.select().from(topics).where(eq(topics.id, unused.id))).toEqual([]);

    const parent = await createTopic(admin, { name: "Has child" });
    await createTopic(admin, { name: "The child", parentId: parent.id });
    await expect(deleteTopic(admin, parent.id)).rejects.toThrow(/1 narrower topic/);

    const used = await createTopic(admin, { name: "In use" });
    await makeJurisdiction(database.db, "KG");
    const [law] = await database.db
      .insert(laws)
      .values({ slug: "law", jurisdictionCode: "KG", title: "Law", summary: "", status: "adopted" })
      .returning();
    const [article] = await database.db
      .insert(articles)
      .values({ slug: "article", kind: "news", title: "Article" })
      .returning();
    await database.db.insert(lawTopics).values({ lawId: law!.id, topicId: used.id });
    await database.db.insert(articleTopics).values({ articleId: article!.id, topicId: used.id });
    const refusal = deleteTopic(admin, used.id);
    await expect(refusal).rejects.toBeInstanceOf(ConflictError);
    await expect(refusal).rejects.toThrow("In use is still used by 1 law, 1 article.");
    await expect(getTopic(admin, used.id)).resolves.toMatchObject({ name: "In use" });
  });

  test("are found and created from a picker", async () => {
    const parent = await createTopic(admin, { name: "Picker parent" });
    await createTopic(admin, { name: "Mass picker", parentId: parent.id });
    const options = await searchTopicOptions(admin, "picker", 10);
    // A name that starts with the query comes first.
    expect(options.map((o) => o.label)).toEqual(["Picker parent", "Mass picker"]);
    expect(options[1]).toMatchObject({ hint: "under Picker parent" });

    const made = await createTopicInline(admin, { name: "Basmachi movement" });
    expect(made).toMatchObject({ label: "Basmachi movement" });
    // The same name again reuses the topic rather than making a second one.
    await expect(createTopicInline(admin, { name: "basmachi MOVEMENT" })).resolves.toEqual(made);
    await expect(createTopicInline(admin, { name: " " })).rejects.toBeInstanceOf(ValidationError);
  });

  test("a long vocabulary comes in pages of 200 without repeats", async () => {
    await database.db
      .insert(topics)
      .values(
        Array.from({ length: 205 }, (_, i) => ({ slug: `bulk-${i}`, name: `Bulk ${String(i).padStart(3, "0")}` })),
      );
    const first = await listTopics(admin, { q: "bulk" });
    expect(first).toMatchObject({ total: 205, page: 1, pageCount: 2 });
    const second = await listTopics(admin, { q: "bulk", page: "2" });
    expect(second.rows).toHaveLength(5);
    const ids = [...first.rows, ...second.rows].map((r) => r.id);
    expect(new Set(ids).size).toBe(205);
    // A page past the end shows the last one.
    await expect(listTopics(admin, { q: "bulk", page: 9 })).resolves.toMatchObject({ page: 2 });
  });
});

test("renaming a topic moves the publication clock, so public pages show the new name at once", async () => {
  const clock = async () => (await database.db.select({ v: publicationClock.version }).from(publicationClock))[0]!.v;
  const topic = await createTopic(admin, { name: "Archival access" });
  const before = await clock();
  await updateTopic(admin, topic.id, { name: "Access to archives" });
  expect(await clock()).toBe(before + 1);
  // A refused edit changes nothing, the clock included.
  await expect(updateTopic(admin, topic.id, { name: "" })).rejects.toThrow(ValidationError);
  expect(await clock()).toBe(before + 1);
});
