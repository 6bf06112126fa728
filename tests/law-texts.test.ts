import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "@/db";
import { laws, lawTextVersions, sources } from "@/db/schema";
import { ForbiddenError, NotAuthenticatedError, NotFoundError, ValidationError } from "@/lib/errors";
import { formatPartialDate } from "@/lib/partial-date";
import type { Ctx } from "@/modules/auth/context";
import { createLaw } from "@/modules/laws/save";
import {
  addLawTextVersion,
  getLawTextVersion,
  listLawTextVersions,
  removeLawTextVersion,
  updateLawTextVersion,
} from "@/modules/laws/texts";
import { createTestDatabase } from "./db";
import { anonymous, makeJurisdiction, makeUser, workingRevision } from "./factories";

let database: Database;
let contributor: Ctx;
let otherContributor: Ctx;
let editor: Ctx;
let sourceId: number;
beforeAll(async () => {
  database = await createTestDatabase();
  await makeJurisdiction(database.db, "KG", "Kyrgyzstan");
  contributor = (await makeUser(database.db, "contributor")).ctx;
  otherContributor = (await makeUser(database.db, "contributor")).ctx;
  editor = (await makeUser(database.db, "editor")).ctx;
  const [source] = await database.db
    .insert(sources)
    .values({ title: "Official gazette of the Kyrgyz Republic", url: "https://cbd.minjust.gov.kg/" })
    .returning();
  sourceId = source!.id;
});
afterAll(() => database.close());

async function makeLaw(title = "Law on the rehabilitation of victims of political repression") {
  return createLaw(contributor, {
    jurisdictionCode: "KG",
    type: "law",
    status: "adopted",
    titles: [{ lang: "en", title }],
  });
}

/** The law's working revision: every change to its texts is saved on it, and moves it on. */
const base = (lawId: number) => workingRevision(contributor, "law", lawId);

const russianText = {
  lang: "ru",
  official: "on",
  effectiveDate: "2024-12-27",
  sourceId: "",
  body: "## Статья 1\r\n\r\nНастоящий Закон…\r\n\r\n## Статья 2\r\n\r\nРеабилитации подлежат…",
};

async function versionCount(lawId?: number) {
  const [row] = await database.db
    .select({ n: count() })
    .from(lawTextVersions)
    .where(lawId ? eq(lawTextVersions.lawId, lawId) : undefined);
  return row!.n;
}

/** Sets the law's change time back to 2000, so that a change made now is unmistakable. */
async function ageLaw(id: number) {
  await database.db
    .update(laws)
    .set({ updatedAt: new Date("2000-01-01T00:00:00Z") })
    .where(eq(laws.id, id));
}

async function lawChangedRecently(id: number) {
  const [row] = await database.db.select({ updatedAt: laws.updatedAt }).from(laws).where(eq(laws.id, id));
  return row!.updatedAt.getTime() > Date.parse("2001-01-01T00:00:00Z");
}

async function fieldErrors(promise: Promise<unknown>) {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).fieldErrors;
}

describe("adding and listing text versions", () => {
  test("stores the version with its partial date, and marks the law as changed", async () => {
    const law = await makeLaw();
    await ageLaw(law.id);
    const added = await addLawTextVersion(contributor, law.id, {
      ...russianText,
      sourceId: String(sourceId),
      baseRevision: await base(law.id),
    });
    expect(added.lawId).toBe(law.id);
    expect(await lawChangedRecently(law.id)).toBe(true);

    const version = await getLawTextVersion(contributor, added.id);
    expect(version).toMatchObject({
      lang: "ru",
      official: true,
      effectiveDate: { date: "2024-12-27", precision: "day", approximate: false },
      sourceId,
      sourceTitle: "Official gazette of the Kyrgyz Republic",
      createdById: contributor.actor!.id,
    });
    // Line endings are normalized, so positions in the text do not depend on the browser.
    expect(version.body).toBe("## Статья 1\n\nНастоящий Закон…\n\n## Статья 2\n\nРеабилитации подлежат…");
  });

  test("lists by language, then effective date newest first, unknown dates last", async () => {
    const law = await makeLaw("A law with several texts");
    const add = async (lang: string, effectiveDate: string, official = false) =>
      addLawTextVersion(contributor, law.id, {
        lang,
        official,
        effectiveDate,
        body: `## Article 1\n\n${lang}`,
        baseRevision: await base(law.id),
      });
    await add("ru", "2023");
    await add("en", "");
    await add("ru", "2024-12", true);
    await add("en", "~2025-01-15");
    await add("ky", "2024-12-27", true);
    const list = await listLawTextVersions(contributor, law.id);
    expect(list.map((v) => [v.lang, v.effectiveDate && formatPartialDate(v.effectiveDate)])).toEqual([
      ["en", "c. 15 January 2025"],
      ["en", null],
      ["ky", "27 December 2024"],
      ["ru", "December 2024"],
      ["ru", "2023"],
    ]);
    expect(list[0]).toMatchObject({ official: false, excerpt: "## Article 1\n\nen", length: 16 });
    expect(list[2]!.official).toBe(true);
  });

  test("the list carries only the start of a long body", async () => {
    const law = await makeLaw("A long law");
    const body = Array.from({ length: 2000 }, (_, i) => `## Article ${i + 1}\n\nText.`).join("\n\n");
    await addLawTextVersion(contributor, law.id, { lang: "en", body, baseRevision: await base(law.id) });
    const [summary] = await listLawTextVersions(contributor, law.id);
    expect(summary!.excerpt.length).toBeLessThan(1000);
    expect(summary!.length).toBe(body.length);
  });

  test.each([
    ["a missing body", { body: "" }, "body"],
    ["a blank body", { body: " \n\n " }, "body"],
    ["no body at all", { body: undefined }, "body"],
    ["a body over 2,000,000 characters", { body: "x".repeat(2_000_001) }, "body"],
    ["a month that does not exist", { effectiveDate: "2024-13" }, "effectiveDate"],
    ["a day that does not exist", { effectiveDate: "2023-02-30" }, "effectiveDate"],
    ["a date in words", { effectiveDate: "December 2024" }, "effectiveDate"],
    ["a bad language code", { lang: "Russian" }, "lang"],
    ["no language", { lang: "" }, "lang"],
    ["a source that does not exist", { sourceId: "999999" }, "sourceId"],
    ["a source id that is not a number", { sourceId: "gazette" }, "sourceId"],
  ])("%s is refused at its field and writes nothing", async (_case, change, field) => {
    const law = await makeLaw("A law for bad input");
    await ageLaw(law.id);
    const before = await versionCount();
    const errors = await fieldErrors(
      addLawTextVersion(contributor, law.id, { ...russianText, ...change, baseRevision: await base(law.id) }),
    );
    expect(Object.keys(errors)).toContain(field);
    expect(await versionCount()).toBe(before);
    expect(await lawChangedRecently(law.id)).toBe(false);
  });

  test("a version for a law that does not exist is not found", async () => {
    // A well-formed base, so that only the missing law can refuse it.
    const baseRevision = await base((await makeLaw("A law that exists")).id);
    await expect(addLawTextVersion(contributor, 999999, { ...russianText, baseRevision })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(listLawTextVersions(contributor, 999999)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getLawTextVersion(contributor, 999999)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("editing and removing text versions", () => {
  test("an edit replaces the fields, can clear the date and source, and marks the law as changed", async () => {
    const law = await makeLaw("A law to edit");
    const { id } = await addLawTextVersion(contributor, law.id, {
      ...russianText,
      sourceId,
      baseRevision: await base(law.id),
    });
    await ageLaw(law.id);
    await updateLawTextVersion(otherContributor, id, {
      lang: "uz-Latn",
      effectiveDate: "~2024",
      body: "## Modda 1\n\nMatn.",
      baseRevision: await base(law.id),
    });
    const version = await getLawTextVersion(contributor, id);
    expect(version).toMatchObject({
      lang: "uz-Latn",
      official: false,
      effectiveDate: { date: "2024-01-01", precision: "year", approximate: true },
      sourceId: null,
      body: "## Modda 1\n\nMatn.",
    });
    expect(await lawChangedRecently(law.id)).toBe(true);
  });

  test("a refused edit changes nothing", async () => {
    const law = await makeLaw("A law with a refused edit");
    const { id } = await addLawTextVersion(contributor, law.id, { ...russianText, baseRevision: await base(law.id) });
    await ageLaw(law.id);
    const baseRevision = await base(law.id);
    const errors = await fieldErrors(
      updateLawTextVersion(contributor, id, { ...russianText, effectiveDate: "2024-13", baseRevision }),
    );
    expect(errors.effectiveDate).toBeDefined();
    const sourceErrors = await fieldErrors(
      updateLawTextVersion(contributor, id, { ...russianText, sourceId: 999999, baseRevision }),
    );
    expect(sourceErrors.sourceId).toBeDefined();
    expect((await getLawTextVersion(contributor, id)).effectiveDate?.date).toBe("2024-12-27");
    expect(await lawChangedRecently(law.id)).toBe(false);
    expect(await base(law.id)).toBe(baseRevision);
    await expect(updateLawTextVersion(contributor, 999999, { ...russianText, baseRevision })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  test("its creator may remove a version; another contributor may not; an editor may", async () => {
    const law = await makeLaw("A law with texts to remove");
    const mine = await addLawTextVersion(contributor, law.id, { ...russianText, baseRevision: await base(law.id) });
    await expect(removeLawTextVersion(otherContributor, mine.id, await base(law.id))).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    expect(await versionCount(law.id)).toBe(1);
    await ageLaw(law.id);
    await removeLawTextVersion(contributor, mine.id, await base(law.id));
    expect(await versionCount(law.id)).toBe(0);
    expect(await lawChangedRecently(law.id)).toBe(true);

    const theirs = await addLawTextVersion(otherContributor, law.id, {
      ...russianText,
      baseRevision: await base(law.id),
    });
    await removeLawTextVersion(editor, theirs.id, await base(law.id));
    expect(await versionCount(law.id)).toBe(0);
    await expect(removeLawTextVersion(editor, theirs.id, await base(law.id))).rejects.toBeInstanceOf(NotFoundError);
  });

  test("nobody signed out can list, read, add, edit or remove", async () => {
    const law = await makeLaw("A law guests cannot touch");
    const { id } = await addLawTextVersion(contributor, law.id, { ...russianText, baseRevision: await base(law.id) });
    const baseRevision = await base(law.id);
    const guest = anonymous(database.db);
    await expect(listLawTextVersions(guest, law.id)).rejects.toBeInstanceOf(NotAuthenticatedError);
    await expect(getLawTextVersion(guest, id)).rejects.toBeInstanceOf(NotAuthenticatedError);
    await expect(addLawTextVersion(guest, law.id, { ...russianText, baseRevision })).rejects.toBeInstanceOf(
      NotAuthenticatedError,
    );
    await expect(updateLawTextVersion(guest, id, { ...russianText, baseRevision })).rejects.toBeInstanceOf(
      NotAuthenticatedError,
    );
    await expect(removeLawTextVersion(guest, id, baseRevision)).rejects.toBeInstanceOf(NotAuthenticatedError);
    // Even for a version that does not exist, or with no base: the guard comes before any lookup.
    await expect(removeLawTextVersion(guest, 999999, undefined)).rejects.toBeInstanceOf(NotAuthenticatedError);
    expect(await versionCount(law.id)).toBe(1);
  });
});
