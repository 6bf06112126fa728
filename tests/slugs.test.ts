import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "@/db";
import { slugRedirects } from "@/db/schema";
import { ValidationError } from "@/lib/errors";
import { createAgent, updateAgent } from "@/modules/agents/save";
import { deleteArticle } from "@/modules/articles/delete";
import { createArticle, updateArticle } from "@/modules/articles/save";
import type { Ctx } from "@/modules/auth/context";
import { createLaw, updateLaw } from "@/modules/laws/save";
import { createTopic, updateTopic } from "@/modules/topics/save";
import { createTestDatabase } from "./db";
import { makeJurisdiction, makeUser, workingRevision } from "./factories";

/**
 * Slugs are unique per type (per jurisdiction for laws), also when saves run at once, and an old
 * slug stays with its item: a citation of it must never land on another item.
 */
let database: Database;
let admin: Ctx;
let editor: Ctx;
beforeAll(async () => {
  database = await createTestDatabase();
  await makeJurisdiction(database.db, "KG", "Kyrgyzstan");
  await makeJurisdiction(database.db, "KZ", "Kazakhstan");
  admin = (await makeUser(database.db, "admin")).ctx;
  editor = (await makeUser(database.db, "editor")).ctx;
});
afterAll(() => database.close());

const law = (title: string, more: Record<string, unknown> = {}) => ({
  jurisdictionCode: "KG",
  type: "law",
  status: "adopted",
  titles: [{ lang: "en", title }],
  ...more,
});
const article = (title: string, more: Record<string, unknown> = {}) => ({ kind: "news", title, lang: "en", ...more });

async function slugErrorOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).fieldErrors.slug;
}

/** The revision an edit form opened now would be based on. */
const baseOf = (type: "law" | "article" | "agent", id: number) => workingRevision(editor, type, id);

/** Runs saves at once, each on its own connection of the pool (one PGlite runs them in turn). */
const atOnce = <T>(count: number, save: (i: number) => Promise<T>) =>
  Promise.allSettled(Array.from({ length: count }, (_, i) => save(i)));

describe("saves at once", () => {
  test("laws of one title created at once all get their own slug", async () => {
    // Separate contexts on the pool, not one transaction: each save has its own connection.
    const contexts = [admin, editor, { ...editor }, { ...admin }, { ...editor }];
    const results = await atOnce(5, (i) => createLaw(contexts[i]!, law("Law of one title")));
    const slugs = results.map((r) => (r.status === "fulfilled" ? r.value.slug : String(r.reason)));
    expect(new Set(slugs)).toEqual(
      new Set([
        "law-of-one-title",
        "law-of-one-title-2",
        "law-of-one-title-3",
        "law-of-one-title-4",
        "law-of-one-title-5",
      ]),
    );
  });

  test("articles of one title created at once all get their own slug", async () => {
    const results = await atOnce(5, (i) => createArticle(i % 2 ? admin : editor, article("Report of one title")));
    const slugs = results.map((r) => (r.status === "fulfilled" ? r.value.slug : String(r.reason)));
    expect(slugs.sort()).toEqual([
      "report-of-one-title",
      "report-of-one-title-2",
      "report-of-one-title-3",
      "report-of-one-title-4",
      "report-of-one-title-5",
    ]);
  });

  test("agents and topics of one name created at once all get their own slug", async () => {
    const agents = await atOnce(4, () => createAgent(editor, { kind: "person", preferredName: "Same Name" }));
    expect(agents.map((r) => (r.status === "fulfilled" ? r.value.slug : String(r.reason))).sort()).toEqual([
      "same-name",
      "same-name-2",
      "same-name-3",
      "same-name-4",
    ]);
    const topics = await atOnce(3, () => createTopic(admin, { name: "Same topic" }));
    expect(topics.map((r) => (r.status === "fulfilled" ? r.value.slug : String(r.reason))).sort()).toEqual([
      "same-topic",
      "same-topic-2",
      "same-topic-3",
    ]);
  });

  test("of two laws created at once with one chosen slug, one gets it and the other a field error", async () => {
    const results = await atOnce(2, (i) => createLaw(i ? admin : editor, law(`Chosen ${i}`, { slug: "chosen" })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const [refused] = results.filter((r) => r.status === "rejected");
    expect(refused!.reason).toBeInstanceOf(ValidationError);
    expect(Object.keys((refused!.reason as ValidationError).fieldErrors)).toEqual(["slug"]);
  });

  test("of two laws renamed at once to one slug, one gets it and the other a field error", async () => {
    const a = await createLaw(editor, law("Rename race A"));
    const b = await createLaw(editor, law("Rename race B"));
    const bases = [await baseOf("law", a.id), await baseOf("law", b.id)];
    const results = await atOnce(2, (i) =>
      updateLaw(i ? admin : editor, [a, b][i]!.id, law(`Renamed ${i}`, { slug: "raced", baseRevision: bases[i] })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const [refused] = results.filter((r) => r.status === "rejected");
    expect(refused!.reason).toBeInstanceOf(ValidationError);
    expect(Object.keys((refused!.reason as ValidationError).fieldErrors)).toEqual(["slug"]);
  });

  test("of two articles renamed at once to one slug, one gets it and the other a field error", async () => {
    const a = await createArticle(editor, article("Article race A"));
    const b = await createArticle(editor, article("Article race B"));
    const bases = [await baseOf("article", a.id), await baseOf("article", b.id)];
    const results = await atOnce(2, (i) =>
      updateArticle(
        i ? admin : editor,
        [a, b][i]!.id,
        article(`Renamed ${i}`, { slug: "raced-article", baseRevision: bases[i] }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const [refused] = results.filter((r) => r.status === "rejected");
    expect(refused!.reason).toBeInstanceOf(ValidationError);
    expect(Object.keys((refused!.reason as ValidationError).fieldErrors)).toEqual(["slug"]);
  });

  test("an edit to a slug another item uses is a field error on slug", async () => {
    const owner = await createLaw(editor, law("Slug owner"));
    const other = await createLaw(editor, law("Slug wanter"));
    const lawBase = await baseOf("law", other.id);
    expect(
      await slugErrorOf(updateLaw(editor, other.id, law("Slug wanter", { slug: owner.slug, baseRevision: lawBase }))),
    ).toBeDefined();
    const ownerArticle = await createArticle(editor, article("Article slug owner"));
    const otherArticle = await createArticle(editor, article("Article slug wanter"));
    const articleBase = await baseOf("article", otherArticle.id);
    expect(
      await slugErrorOf(
        updateArticle(
          editor,
          otherArticle.id,
          article("Wanter", { slug: ownerArticle.slug, baseRevision: articleBase }),
        ),
      ),
    ).toBeDefined();
  });
});

type Kind = {
  create(name: string): Promise<{ id: number; slug: string }>;
  rename(id: number, name: string, slug: string): Promise<{ slug: string }>;
};

const kinds: Record<"law" | "article" | "agent" | "topic", Kind> = {
  law: {
    create: (name) => createLaw(editor, law(name)),
    rename: async (id, name, slug) => updateLaw(editor, id, law(name, { slug, baseRevision: await baseOf("law", id) })),
  },
  article: {
    create: (name) => createArticle(editor, article(name)),
    rename: async (id, name, slug) =>
      updateArticle(editor, id, article(name, { slug, baseRevision: await baseOf("article", id) })),
  },
  agent: {
    create: (name) => createAgent(editor, { kind: "other", preferredName: name }),
    rename: async (id, name, slug) =>
      updateAgent(editor, id, { kind: "other", preferredName: name, slug, baseRevision: await baseOf("agent", id) }),
  },
  topic: {
    create: (name) => createTopic(admin, { name }),
    rename: (id, name, slug) => updateTopic(admin, id, { name, slug }),
  },
};

const redirectsOf = (itemType: string, itemId: number) =>
  database.db
    .select({ scope: slugRedirects.scope, oldSlug: slugRedirects.oldSlug })
    .from(slugRedirects)
    .where(and(eq(slugRedirects.itemType, itemType), eq(slugRedirects.itemId, itemId)));

describe("an old slug stays with its item", () => {
  test.each(Object.keys(kinds) as (keyof typeof kinds)[])(
    "a %s's old slug is taken for others, and free for the item itself",
    async (type) => {
      const kind = kinds[type];
      const first = await kind.create(`Renamed ${type}`);
      expect(first.slug).toBe(`renamed-${type}`);
      await kind.rename(first.id, `Renamed ${type}`, `new-${type}`);

      // A new item of the old name gets the next slug, not the old one; an edit cannot take it.
      const second = await kind.create(`Renamed ${type}`);
      expect(second.slug).toBe(`renamed-${type}-2`);
      expect(await slugErrorOf(kind.rename(second.id, "Second", `renamed-${type}`))).toBeDefined();

      // The item itself may take its old slug back; that redirect goes, the other one comes.
      const back = await kind.rename(first.id, `Renamed ${type}`, `renamed-${type}`);
      expect(back.slug).toBe(`renamed-${type}`);
      expect((await redirectsOf(type, first.id)).map((r) => r.oldSlug)).toEqual([`new-${type}`]);
      expect(await slugErrorOf(kind.rename(second.id, "Second", `new-${type}`))).toBeDefined();
    },
  );

  test("a law's old slug is taken only within its jurisdiction", async () => {
    const kyrgyz = await createLaw(editor, law("Scoped law"));
    await updateLaw(
      editor,
      kyrgyz.id,
      law("Scoped law", { slug: "scoped-law-renamed", baseRevision: await baseOf("law", kyrgyz.id) }),
    );
    const kazakh = await createLaw(editor, law("Scoped law", { jurisdictionCode: "KZ" }));
    expect(kazakh.slug).toBe("scoped-law");
  });

  test("a law moved to another jurisdiction keeps its old address there, even with the same slug", async () => {
    const moving = await createLaw(editor, law("Moving law"));
    const moved = await updateLaw(
      editor,
      moving.id,
      law("Moving law", { jurisdictionCode: "KZ", baseRevision: await baseOf("law", moving.id) }),
    );
    expect(moved.slug).toBe("moving-law");
    expect(await redirectsOf("law", moving.id)).toEqual([{ scope: "KG", oldSlug: "moving-law" }]);
    expect((await createLaw(editor, law("Moving law"))).slug).toBe("moving-law-2");
  });

  test("an old slug leads to one item only: the database refuses a second redirect", async () => {
    const values = { itemType: "article", scope: "", oldSlug: "one-place-only" };
    await database.db.insert(slugRedirects).values({ ...values, itemId: 1 });
    await expect(database.db.insert(slugRedirects).values({ ...values, itemId: 2 })).rejects.toThrow();
  });

  test("deleting an unpublished item frees its old slugs with its current one", async () => {
    const draft = await createArticle(editor, article("Short-lived draft"));
    await updateArticle(
      editor,
      draft.id,
      article("Short-lived draft", {
        slug: "short-lived-draft-renamed",
        baseRevision: await baseOf("article", draft.id),
      }),
    );
    await deleteArticle(editor, draft.id);
    expect(await redirectsOf("article", draft.id)).toEqual([]);
    expect((await createArticle(editor, article("Short-lived draft"))).slug).toBe("short-lived-draft");
  });
});
