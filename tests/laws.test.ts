import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "@/db";
import { laws, lawTitles, slugRedirects, sources, topics } from "@/db/schema";
import { ConflictError, ForbiddenError, NotAuthenticatedError, ValidationError } from "@/lib/errors";
import type { Ctx } from "@/modules/auth/context";
import { deleteLaw } from "@/modules/laws/delete";
import { listLaws } from "@/modules/laws/list";
import { getLaw } from "@/modules/laws/read";
import { createLaw, updateLaw } from "@/modules/laws/save";
import { createTestDatabase } from "./db";
import { anonymous, makeJurisdiction, makeUser, publishItem, workingRevision } from "./factories";

let database: Database;
let contributor: Ctx;
let otherContributor: Ctx;
let editor: Ctx;
beforeAll(async () => {
  database = await createTestDatabase();
  await makeJurisdiction(database.db, "KG", "Kyrgyzstan");
  await makeJurisdiction(database.db, "KZ", "Kazakhstan");
  contributor = (await makeUser(database.db, "contributor")).ctx;
  otherContributor = (await makeUser(database.db, "contributor")).ctx;
  editor = (await makeUser(database.db, "editor")).ctx;
});
afterAll(() => database.close());

const kyrgyzLaw = {
  jurisdictionCode: "KG",
  type: "law",
  status: "adopted",
  summary: "Rehabilitates citizens repressed for political reasons in the Soviet period.",
  titles: [
    { lang: "en", title: "Law on the rehabilitation of victims of political repression" },
    { lang: "ky", title: "Саясий куугунтуктун курмандыктарын актоо жөнүндө мыйзам" },
  ],
  preferredTitle: "0",
  identifiers: [{ registry: "Ministry of Justice register", value: "No. 1" }],
};

async function rowCount() {
  const [row] = await database.db.select({ n: count() }).from(laws);
  return row!.n;
}

async function fieldErrors(promise: Promise<unknown>) {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).fieldErrors;
}

describe("creating a law", () => {
  test("stores its titles and identifiers, with a slug from the preferred title", async () => {
    const law = await createLaw(contributor, kyrgyzLaw);
    expect(law.slug).toBe("law-on-the-rehabilitation-of-victims-of-political-repression");
    expect(law.title).toBe(kyrgyzLaw.titles[0]!.title);
    expect(law.titles).toEqual([
      { ...kyrgyzLaw.titles[0], preferred: true },
      { ...kyrgyzLaw.titles[1], preferred: false },
    ]);
    expect(law.identifiers).toEqual(kyrgyzLaw.identifiers);
    expect(law.createdById).toBe(contributor.actor!.id);
  });

  test("a second law with the same title gets a distinct slug; another jurisdiction may reuse it", async () => {
    const again = await createLaw(contributor, kyrgyzLaw);
    expect(again.slug).toBe("law-on-the-rehabilitation-of-victims-of-political-repression-2");
    const elsewhere = await createLaw(contributor, { ...kyrgyzLaw, jurisdictionCode: "KZ" });
    expect(elsewhere.slug).toBe("law-on-the-rehabilitation-of-victims-of-political-repression");
  });

  test.each([
    ["no title", { titles: [] }, "titles"],
    ["an empty title", { titles: [{ lang: "en", title: " " }] }, "titles.0.title"],
    ["a bad language code", { titles: [{ lang: "English", title: "A law" }] }, "titles.0.lang"],
    ["an unknown jurisdiction", { jurisdictionCode: "XX" }, "jurisdictionCode"],
    ["an unknown status", { status: "passed" }, "status"],
    ["a topic that does not exist", { topicIds: ["999999"] }, "topicIds"],
    ["a preferred title out of range", { preferredTitle: "5" }, "preferredTitle"],
  ])("%s is refused at its field and writes nothing", async (_case, change, field) => {
    const before = await rowCount();
    const errors = await fieldErrors(createLaw(contributor, { ...kyrgyzLaw, ...change }));
    expect(Object.keys(errors)).toContain(field);
    expect(await rowCount()).toBe(before);
  });

  test("errors name the row the form showed, even after an empty row; empty rows are then dropped", async () => {
    const errors = await fieldErrors(
      createLaw(contributor, {
        ...kyrgyzLaw,
        identifiers: [
          { registry: "", value: "" },
          { registry: "Adilet", value: "" },
        ],
      }),
    );
    expect(Object.keys(errors)).toEqual(["identifiers.1.value"]);

    const law = await createLaw(contributor, {
      ...kyrgyzLaw,
      titles: [
        { lang: "", title: "" },
        { lang: "ru", title: "Закон" },
        { lang: "en", title: "Row-aligned law" },
      ],
      preferredTitle: "2",
      identifiers: [{ registry: "", value: "" }],
    });
    expect(law.title).toBe("Row-aligned law");
    expect(law.titles.map((t) => [t.lang, t.preferred])).toEqual([
      ["ru", false],
      ["en", true],
    ]);
    expect(law.identifiers).toEqual([]);
  });

  test("nobody signed out can create, read, list or delete", async () => {
    const guest = anonymous(database.db);
    await expect(createLaw(guest, kyrgyzLaw)).rejects.toBeInstanceOf(NotAuthenticatedError);
    await expect(listLaws(guest)).rejects.toBeInstanceOf(NotAuthenticatedError);
    await expect(getLaw(guest, 1)).rejects.toBeInstanceOf(NotAuthenticatedError);
    await expect(deleteLaw(guest, 1)).rejects.toBeInstanceOf(NotAuthenticatedError);
  });
});

describe("editing a law", () => {
  test("replaces its lists, keeps its slug unless changed, and redirects an old slug", async () => {
    const [topic] = await database.db
      .insert(topics)
      .values({ slug: "rehabilitation", name: "Rehabilitation" })
      .returning();
    const [source] = await database.db.insert(sources).values({ title: "News report credited to TRT" }).returning();
    const law = await createLaw(contributor, { ...kyrgyzLaw, titles: [{ lang: "en", title: "Draft title" }] });
    const edited = await updateLaw(editor, law.id, {
      ...kyrgyzLaw,
      baseRevision: await workingRevision(editor, "law", law.id),
      titles: [
        { lang: "ru", title: "Закон о реабилитации" },
        { lang: "en", title: "Rehabilitation law" },
      ],
      preferredTitle: "1",
      identifiers: [],
      topicIds: [String(topic!.id)],
      sourceIds: [String(source!.id), String(source!.id)],
    });
    expect(edited.slug).toBe(law.slug);
    expect(edited.title).toBe("Rehabilitation law");
    expect(edited.identifiers).toEqual([]);
    expect(edited.topics).toEqual([{ id: topic!.id, name: "Rehabilitation" }]);
    expect(edited.sources).toHaveLength(1);
    const titles = await database.db.select().from(lawTitles).where(eq(lawTitles.lawId, law.id));
    expect(titles.filter((t) => t.preferred).map((t) => t.title)).toEqual(["Rehabilitation law"]);

    const renamed = await updateLaw(editor, law.id, {
      ...kyrgyzLaw,
      slug: "rehabilitation-law",
      baseRevision: await workingRevision(editor, "law", law.id),
    });
    expect(renamed.slug).toBe("rehabilitation-law");
    const redirects = await database.db.select().from(slugRedirects).where(eq(slugRedirects.itemId, law.id));
    expect(redirects).toMatchObject([{ itemType: "law", scope: "KG", oldSlug: law.slug }]);
  });

  test("a slug another law of the jurisdiction uses is refused, and nothing changes", async () => {
    const a = await createLaw(contributor, { ...kyrgyzLaw, titles: [{ lang: "en", title: "Slug owner" }] });
    const b = await createLaw(contributor, { ...kyrgyzLaw, titles: [{ lang: "en", title: "Slug taker" }] });
    const baseRevision = await workingRevision(contributor, "law", b.id);
    const errors = await fieldErrors(updateLaw(contributor, b.id, { ...kyrgyzLaw, slug: a.slug, baseRevision }));
    expect(errors.slug).toBeDefined();
    expect((await getLaw(contributor, b.id)).title).toBe("Slug taker");
  });
});

describe("deleting a law", () => {
  test("its creator may; another contributor may not; an editor may", async () => {
    const mine = await createLaw(contributor, kyrgyzLaw);
    await expect(deleteLaw(otherContributor, mine.id)).rejects.toBeInstanceOf(ForbiddenError);
    await deleteLaw(contributor, mine.id);
    const theirs = await createLaw(otherContributor, kyrgyzLaw);
    await deleteLaw(editor, theirs.id);
    const [left] = await database.db.select({ n: count() }).from(laws).where(eq(laws.id, theirs.id));
    expect(left!.n).toBe(0);
  });

  test("a published law cannot be deleted", async () => {
    const law = await createLaw(contributor, kyrgyzLaw);
    await publishItem(database.db, "law", law.id);
    await expect(deleteLaw(editor, law.id)).rejects.toBeInstanceOf(ConflictError);
    const [left] = await database.db.select({ n: count() }).from(laws).where(eq(laws.id, law.id));
    expect(left!.n).toBe(1);
  });
});

describe("listing laws", () => {
  test("filters by text over every title and identifier, and by facets", async () => {
    await createLaw(contributor, {
      ...kyrgyzLaw,
      jurisdictionCode: "KZ",
      titles: [{ lang: "ru", title: "О реабилитации жертв массовых политических репрессий" }],
      identifiers: [{ registry: "Adilet", value: "Z930002200_" }],
      status: "in_force",
    });
    expect((await listLaws(contributor, { q: "массовых" })).laws.map((l) => l.jurisdictionCode)).toEqual(["KZ"]);
    // Transliterated spellings meet: the Latin form finds the Cyrillic title.
    expect((await listLaws(contributor, { q: "massovykh" })).laws.map((l) => l.jurisdictionCode)).toEqual(["KZ"]);
    // Only punctuation leaves nothing to search for: nothing matches, rather than everything.
    expect((await listLaws(contributor, { q: "%%" })).laws).toHaveLength(0);
    expect((await listLaws(contributor, { q: "z930002200" })).laws).toHaveLength(1);
    expect((await listLaws(contributor, { q: "Куугунтук" })).laws.length).toBeGreaterThan(0);
    expect((await listLaws(contributor, { status: "in_force", jurisdiction: "KZ" })).laws).toHaveLength(1);
    expect((await listLaws(contributor, { q: "100%_" })).laws).toHaveLength(0);
    // A cursor edited by hand, or from the other sort order, gives the first page, not an error.
    const first = await listLaws(contributor, { limit: 2 });
    expect((await listLaws(contributor, { limit: 2, after: "bm90LWpzb24" })).laws).toEqual(first.laws);
    const byTitle = await listLaws(contributor, { sort: "title", limit: 2 });
    expect((await listLaws(contributor, { limit: 2, after: byTitle.nextAfter! })).laws).toEqual(first.laws);
    const firstByTitle = await listLaws(contributor, { sort: "title", limit: 2 });
    expect((await listLaws(contributor, { sort: "title", limit: 2, after: first.nextAfter! })).laws).toEqual(
      firstByTitle.laws,
    );
  });

  test.each(["updated", "title"])("pages through every law once in %s order", async (sort) => {
    for (let i = 0; i < 7; i++)
      await createLaw(contributor, { ...kyrgyzLaw, titles: [{ lang: "en", title: `Paging law ${i}` }] });
    const all = (await listLaws(contributor, { sort, limit: 100 })).laws.map((l) => l.id);
    const seen: number[] = [];
    let after: string | undefined;
    do {
      const page = await listLaws(contributor, { sort, limit: 3, after });
      seen.push(...page.laws.map((l) => l.id));
      after = page.nextAfter ?? undefined;
    } while (after);
    expect(seen).toEqual(all);
  });
});
