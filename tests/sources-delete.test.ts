import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "@/db";
import {
  articleSources,
  articles,
  figureAccounts,
  figures,
  lawEventAccounts,
  lawPeriodAccounts,
  lawPeriods,
  lawEvents,
  laws,
  lawSources,
  lawTextVersions,
  sources,
} from "@/db/schema";
import { ConflictError, ForbiddenError, NotAuthenticatedError } from "@/lib/errors";
import type { Ctx } from "@/modules/auth/context";
import { deleteSource } from "@/modules/sources/delete";
import { createSourceInline, searchSourceOptions } from "@/modules/sources/picker";
import { getSource, listSources } from "@/modules/sources/read";
import { createSource, updateSource } from "@/modules/sources/save";
import { createTestDatabase } from "./db";
import { anonymous, makeJurisdiction, makeUser } from "./factories";

let database: Database;
let contributor: Ctx;
let other: Ctx;
let editor: Ctx;
beforeAll(async () => {
  database = await createTestDatabase();
  contributor = (await makeUser(database.db, "contributor")).ctx;
  other = (await makeUser(database.db, "contributor")).ctx;
  editor = (await makeUser(database.db, "editor")).ctx;
});
afterAll(() => database.close());

const exists = async (id: number) => (await database.db.select().from(sources).where(eq(sources.id, id))).length > 0;

describe("source permissions", () => {
  test("nobody signed out can read or change sources", async () => {
    const { id } = await createSource(contributor, { title: "Private working material" });
    const anon = anonymous(database.db);
    for (const call of [
      () => listSources(anon),
      () => getSource(anon, id),
      () => searchSourceOptions(anon, "x", 5),
      () => createSource(anon, { title: "x" }),
      () => createSource(anon, { title: "" }),
      () => updateSource(anon, id, { title: "x" }),
      () => deleteSource(anon, id),
      () => createSourceInline(anon, { title: "x" }),
    ]) {
      await expect(call()).rejects.toBeInstanceOf(NotAuthenticatedError);
    }
    expect(await exists(id)).toBe(true);
  });

  test("a contributor deletes their own source, not another's; an editor deletes anyone's", async () => {
    const own = await createSource(contributor, { title: "Own" });
    const theirs = await createSource(other, { title: "Theirs" });
    await expect(deleteSource(contributor, theirs.id)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await exists(theirs.id)).toBe(true);
    await deleteSource(contributor, own.id);
    expect(await exists(own.id)).toBe(false);
    await deleteSource(editor, theirs.id);
    expect(await exists(theirs.id)).toBe(false);
  });
});

describe("deleting a source that is cited", () => {
  test("is refused with what cites it, and deletes nothing", async () => {
    const db = database.db;
    await makeJurisdiction(db, "UZ");
    const [law] = await db
      .insert(laws)
      .values({ slug: "l", jurisdictionCode: "UZ", title: "L", summary: "", status: "adopted" })
      .returning();
    const [article] = await db.insert(articles).values({ slug: "a", kind: "news", title: "A" }).returning();
    const [event] = await db.insert(lawEvents).values({ lawId: law!.id, kind: "adopted" }).returning();
    const [figure] = await db.insert(figures).values({ label: "People acquitted", jurisdictionCode: "UZ" }).returning();

    const cite = async (how: (sourceId: number) => Promise<unknown>, expected: string) => {
      const source = await createSource(contributor, { title: `Cited by ${expected}` });
      await how(source.id);
      const refusal = deleteSource(editor, source.id);
      await expect(refusal).rejects.toBeInstanceOf(ConflictError);
      await expect(refusal).rejects.toThrow(expected);
      expect(await exists(source.id)).toBe(true);
      return source.id;
    };
    await cite((id) => db.insert(lawSources).values({ lawId: law!.id, sourceId: id }), "1 law");
    await cite((id) => db.insert(articleSources).values({ articleId: article!.id, sourceId: id }), "1 article");
    await cite(
      (id) => db.insert(lawEventAccounts).values({ eventId: event!.id, sourceId: id }),
      "1 dated account of a law event",
    );
    await cite(
      (id) => db.insert(lawTextVersions).values({ lawId: law!.id, lang: "uz", body: "Text", sourceId: id }),
      "1 law text version",
    );
    const [period] = await db.insert(lawPeriods).values({ lawId: law!.id }).returning();
    const span = {
      startDate: "1917-01-01",
      startPrecision: "year",
      endDate: "1953-01-01",
      endPrecision: "year",
    } as const;
    await cite(
      (id) => db.insert(lawPeriodAccounts).values({ periodId: period!.id, ...span, sourceId: id }),
      "1 account of a law's period",
    );
    const both = await cite(
      (id) => db.insert(figureAccounts).values({ figureId: figure!.id, value: "856", sourceId: id }),
      "1 figure value",
    );
    await db.insert(lawSources).values({ lawId: law!.id, sourceId: both });
    await expect(deleteSource(editor, both)).rejects.toThrow("is still cited by 1 law, 1 figure value.");
  });
});
