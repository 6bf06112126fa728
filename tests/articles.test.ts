import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "@/db";
import { agents, articleAuthors, articles, laws, slugRedirects, sources, topics } from "@/db/schema";
import { ConflictError, ForbiddenError, NotAuthenticatedError, ValidationError } from "@/lib/errors";
import { formatPartialDate, toIsoPartial } from "@/lib/partial-date";
import { deleteArticle } from "@/modules/articles/delete";
import { listArticles } from "@/modules/articles/list";
import { getArticle } from "@/modules/articles/read";
import { createArticle, updateArticle } from "@/modules/articles/save";
import type { Ctx } from "@/modules/auth/context";
import { createTestDatabase } from "./db";
import { anonymous, makeJurisdiction, makeUser, publishItem, workingRevision } from "./factories";

let database: Database;
let contributor: Ctx;
let otherContributor: Ctx;
let editor: Ctx;
let ids: { author1: number; author2: number; outlet: number; trt: number; law: number; topic: number; source: number };
beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await makeJurisdiction(db, "KG", "Kyrgyzstan");
  await makeJurisdiction(db, "KZ", "Kazakhstan");
  contributor = (await makeUser(db, "contributor")).ctx;
  otherContributor = (await makeUser(db, "contributor")).ctx;
  editor = (await makeUser(db, "editor")).ctx;
  const agentRows = await db
    .insert(agents)
    .values([
      { slug: "first-author", kind: "person", preferredName: "First Author" },
      { slug: "second-author", kind: "person", preferredName: "Second Author" },
      { slug: "media-office", kind: "media_outlet", preferredName: "Media Office" },
      { slug: "trt", kind: "media_outlet", preferredName: "TRT" },
    ])
    .returning({ id: agents.id });
  const [law] = await db
    .insert(laws)
    .values({
      slug: "rehabilitation",
      jurisdictionCode: "KG",
      title: "Rehabilitation law",
      summary: "",
      status: "adopted",
    })
    .returning({ id: laws.id, updatedAt: laws.updatedAt });
  const [topic] = await db.insert(topics).values({ slug: "rehabilitation", name: "Rehabilitation" }).returning();
  const [source] = await db.insert(sources).values({ title: "TRT report" }).returning();
  const [a1, a2, outlet, trt] = agentRows.map((r) => r.id) as [number, number, number, number];
  ids = { author1: a1, author2: a2, outlet, trt, law: law!.id, topic: topic!.id, source: source!.id };
});
afterAll(() => database.close());

const commentary = () => ({
  kind: "opinion",
  title: "What the rehabilitation law leaves open",
  body: "A comparison with Kazakhstan's 1993 law.",
  lang: "en",
  authorIds: [String(ids.author2), String(ids.author1)],
  publisherId: String(ids.outlet),
  creditedAgentId: "",
  originalDate: "2025-01",
  originalUrl: "https://example.org/comment",
  lawIds: [String(ids.law)],
  topicIds: [String(ids.topic)],
  jurisdictionCodes: ["kg", "KZ"],
  sourceIds: [String(ids.source)],
});

async function rowCount() {
  const [row] = await database.db.select({ n: count() }).from(articles);
  return row!.n;
}

describe("creating an article", () => {
  test("stores its full attribution, the byline in order, and its links", async () => {
    const article = await createArticle(contributor, commentary());
    expect(article).toMatchObject({
      kind: "opinion",
      slug: "what-the-rehabilitation-law-leaves-open",
      lang: "en",
      originalUrl: "https://example.org/comment",
      publisher: { id: ids.outlet, name: "Media Office" },
      creditedAgent: null,
      createdById: contributor.actor!.id,
    });
    expect(article.authors.map((a) => a.name)).toEqual(["Second Author", "First Author"]);
    expect(article.laws).toEqual([{ id: ids.law, title: "Rehabilitation law", jurisdictionCode: "KG" }]);
    expect(article.topics).toEqual([{ id: ids.topic, name: "Rehabilitation" }]);
    expect(article.jurisdictions.map((j) => j.code)).toEqual(["KZ", "KG"]);
    expect(article.sources).toEqual([{ id: ids.source, title: "TRT report" }]);
    const listed = (await listArticles(contributor, { q: "leaves open" })).articles[0]!;
    expect(listed.authors).toEqual(["Second Author", "First Author"]);
    expect(listed.publisherName).toBe("Media Office");
  });

  test.each([
    ["2024", "year", "2024"],
    ["2023-01", "month", "January 2023"],
    ["2024-12-27", "day", "27 December 2024"],
    ["~1993", "year", "c. 1993"],
  ])("an original date of %s round-trips at its precision", async (typed, precision, shown) => {
    const article = await createArticle(contributor, { ...commentary(), originalDate: typed });
    const read = await getArticle(editor, article.id);
    expect(read.originalDate?.precision).toBe(precision);
    expect(toIsoPartial(read.originalDate!)).toBe(typed);
    expect(formatPartialDate(read.originalDate)).toBe(shown);
  });

  test("an unknown original date is allowed and stays unknown", async () => {
    const article = await createArticle(contributor, { ...commentary(), originalDate: "" });
    expect(article.originalDate).toBeNull();
  });

  test("a news report credits the agency it was reported by; linking a law leaves the law unchanged", async () => {
    const [before] = await database.db.select().from(laws).where(eq(laws.id, ids.law));
    const report = await createArticle(contributor, {
      ...commentary(),
      kind: "news",
      title: "President signs rehabilitation law",
      authorIds: [],
      creditedAgentId: String(ids.trt),
    });
    expect(report.creditedAgent).toEqual({ id: ids.trt, name: "TRT" });
    const [after] = await database.db.select().from(laws).where(eq(laws.id, ids.law));
    expect(after!.updatedAt).toEqual(before!.updatedAt);
  });

  test.each([
    ["a missing title", { title: "  " }, "title"],
    ["no title at all", { title: undefined }, "title"],
    ["an unknown kind", { kind: "editorial" }, "kind"],
    ["a bad language code", { lang: "English" }, "lang"],
    ["an address that is not a URL", { originalUrl: "not a url" }, "originalUrl"],
    ["a javascript: address", { originalUrl: "javascript:alert(1)" }, "originalUrl"],
    ["a data: address", { originalUrl: "data:text/html,<script>alert(1)</script>" }, "originalUrl"],
    ["an impossible month", { originalDate: "2024-13" }, "originalDate"],
    ["an impossible day", { originalDate: "2023-02-30" }, "originalDate"],
    ["an unknown author", { authorIds: [String(999999)] }, "authorIds"],
    ["an unknown publisher", { publisherId: "999999" }, "publisherId"],
    ["an unknown credited agency", { creditedAgentId: "999999" }, "creditedAgentId"],
    ["an unknown law", { lawIds: ["999999"] }, "lawIds"],
    ["an unknown topic", { topicIds: ["999999"] }, "topicIds"],
    ["an unknown source", { sourceIds: ["999999"] }, "sourceIds"],
    ["an unknown jurisdiction", { jurisdictionCodes: ["XX"] }, "jurisdictionCodes"],
    ["a title over 1,000 characters", { title: "x".repeat(1001) }, "title"],
  ])("%s is refused at its field and writes nothing", async (_case, change, field) => {
    const before = await rowCount();
    const error = await createArticle(contributor, { ...commentary(), ...change }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys((error as ValidationError).fieldErrors)).toContain(field);
    expect(await rowCount()).toBe(before);
  });
});

describe("editing an article", () => {
  test("replaces its links, reorders the byline, and redirects an old slug", async () => {
    const article = await createArticle(contributor, commentary());
    const edited = await updateArticle(editor, article.id, {
      ...commentary(),
      baseRevision: await workingRevision(editor, "article", article.id),
      kind: "analysis",
      authorIds: [String(ids.author1), String(ids.author2), String(ids.author1)],
      lawIds: [],
      jurisdictionCodes: ["KG"],
      originalDate: "2025-01-15",
    });
    expect(edited.slug).toBe(article.slug);
    expect(edited.kind).toBe("analysis");
    expect(edited.authors.map((a) => a.name)).toEqual(["First Author", "Second Author"]);
    expect(edited.laws).toEqual([]);
    expect(edited.jurisdictions.map((j) => j.code)).toEqual(["KG"]);
    expect(edited.originalDate).toEqual({ date: "2025-01-15", precision: "day", approximate: false });
    const positions = await database.db
      .select({ agentId: articleAuthors.agentId, position: articleAuthors.position })
      .from(articleAuthors)
      .where(eq(articleAuthors.articleId, article.id));
    expect(positions).toHaveLength(2);

    const renamed = await updateArticle(editor, article.id, {
      ...commentary(),
      slug: "rehabilitation-comment",
      baseRevision: await workingRevision(editor, "article", article.id),
    });
    expect(renamed.slug).toBe("rehabilitation-comment");
    const redirects = await database.db.select().from(slugRedirects).where(eq(slugRedirects.itemId, article.id));
    expect(redirects).toMatchObject([{ itemType: "article", oldSlug: article.slug }]);
  });

  test("a slug another article uses, or bad input, changes nothing", async () => {
    const a = await createArticle(contributor, { ...commentary(), title: "Slug owner" });
    const b = await createArticle(contributor, { ...commentary(), title: "Slug taker" });
    const baseRevision = await workingRevision(contributor, "article", b.id);
    const error = await updateArticle(contributor, b.id, { ...commentary(), slug: a.slug, baseRevision }).catch(
      (e: unknown) => e,
    );
    expect((error as ValidationError).fieldErrors.slug).toBeDefined();
    await expect(
      updateArticle(contributor, b.id, { ...commentary(), lawIds: ["999999"], baseRevision }),
    ).rejects.toBeInstanceOf(ValidationError);
    // Refused saves make no revision: the form's base is still current.
    expect(await workingRevision(contributor, "article", b.id)).toBe(baseRevision);
    const after = await getArticle(contributor, b.id);
    expect(after.title).toBe("Slug taker");
    expect(after.laws).toHaveLength(1);
  });
});

describe("deleting an article", () => {
  test("its creator may; another contributor may not; an editor may", async () => {
    const mine = await createArticle(contributor, commentary());
    await expect(deleteArticle(otherContributor, mine.id)).rejects.toBeInstanceOf(ForbiddenError);
    await deleteArticle(contributor, mine.id);
    const theirs = await createArticle(otherContributor, commentary());
    await deleteArticle(editor, theirs.id);
    const left = await database.db.select().from(articles).where(eq(articles.id, theirs.id));
    expect(left).toHaveLength(0);
    const authors = await database.db.select().from(articleAuthors).where(eq(articleAuthors.articleId, theirs.id));
    expect(authors).toHaveLength(0);
  });

  test("a published article cannot be deleted, not even by an editor", async () => {
    const article = await createArticle(contributor, commentary());
    await publishItem(database.db, "article", article.id);
    await expect(deleteArticle(editor, article.id)).rejects.toBeInstanceOf(ConflictError);
    await expect(deleteArticle(contributor, article.id)).rejects.toBeInstanceOf(ConflictError);
    expect(await database.db.select().from(articles).where(eq(articles.id, article.id))).toHaveLength(1);
  });
});

test("nobody signed out can create, read, list, edit or delete", async () => {
  const guest = anonymous(database.db);
  const article = await createArticle(contributor, commentary());
  await expect(createArticle(guest, commentary())).rejects.toBeInstanceOf(NotAuthenticatedError);
  await expect(listArticles(guest)).rejects.toBeInstanceOf(NotAuthenticatedError);
  await expect(getArticle(guest, article.id)).rejects.toBeInstanceOf(NotAuthenticatedError);
  const baseRevision = await workingRevision(contributor, "article", article.id);
  await expect(updateArticle(guest, article.id, { ...commentary(), baseRevision })).rejects.toBeInstanceOf(
    NotAuthenticatedError,
  );
  await expect(deleteArticle(guest, article.id)).rejects.toBeInstanceOf(NotAuthenticatedError);
});
