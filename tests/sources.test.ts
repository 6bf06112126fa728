import { count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "@/db";
import { agents, sources } from "@/db/schema";
import { NotFoundError, ValidationError } from "@/lib/errors";
import type { Ctx } from "@/modules/auth/context";
import { createSourceInline, searchSourceOptions } from "@/modules/sources/picker";
import { getSource, listSources } from "@/modules/sources/read";
import { createSource, updateSource } from "@/modules/sources/save";
import { latestToday } from "@/lib/validation";
import { createTestDatabase } from "./db";
import { makeUser } from "./factories";

let database: Database;
let editor: Ctx;
let trtId: number;
beforeAll(async () => {
  database = await createTestDatabase();
  editor = (await makeUser(database.db, "editor")).ctx;
  const [trt] = await database.db
    .insert(agents)
    .values({ slug: "trt", kind: "media_outlet", preferredName: "TRT" })
    .returning({ id: agents.id });
  trtId = trt!.id;
});
afterAll(() => database.close());

/** Expects a ValidationError naming `field`, and no source written or changed. */
async function expectFieldError(run: () => Promise<unknown>, field: string) {
  const before = await database.db.select().from(sources).orderBy(sources.id);
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  expect(Object.keys((error as ValidationError).fieldErrors)).toEqual([field]);
  expect(await database.db.select().from(sources).orderBy(sources.id)).toEqual(before);
}

const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe("sources", () => {
  test("are created and edited with every field", async () => {
    const created = await createSource(editor, {
      title: "  Kyrgyzstan adopts law rehabilitating victims of Soviet-era repression ",
      url: "https://www.trtworld.com/example",
      archivedUrl: "https://web.archive.org/web/2025/https://www.trtworld.com/example",
      accessedOn: "2025-01-20",
      publisherId: String(trtId),
      note: "News report credited to TRT",
    });
    expect(created).toMatchObject({
      title: "Kyrgyzstan adopts law rehabilitating victims of Soviet-era repression",
      accessedOn: "2025-01-20",
      publisherId: trtId,
      publisherName: "TRT",
      createdById: editor.actor!.id,
    });
    const edited = await updateSource(editor, created.id, {
      title: "Edited",
      url: "",
      archivedUrl: "",
      accessedOn: "",
      publisherId: "",
      note: "",
    });
    expect(edited).toMatchObject({ title: "Edited", url: "", accessedOn: null, publisherId: null, note: "" });
    expect(edited.updatedAt.getTime()).toBeGreaterThanOrEqual(created.updatedAt.getTime());
    // Today counts, wherever the editor is.
    await expect(createSource(editor, { title: "Today", accessedOn: latestToday() })).resolves.toBeDefined();
  });

  test("bad input gives an error on its field and writes nothing", async () => {
    const ok = { title: "A title", url: "https://example.org" };
    await expectFieldError(() => createSource(editor, { ...ok, title: "   " }), "title");
    await expectFieldError(() => createSource(editor, { ...ok, title: "x".repeat(501) }), "title");
    await expectFieldError(() => createSource(editor, { ...ok, url: "example.org/page" }), "url");
    await expectFieldError(() => createSource(editor, { ...ok, url: "javascript:alert(1)" }), "url");
    await expectFieldError(() => createSource(editor, { ...ok, url: "JavaScript://x.org/%0aalert(1)" }), "url");
    await expectFieldError(() => createSource(editor, { ...ok, url: "ftp://example.org/file" }), "url");
    await expectFieldError(() => createSource(editor, { ...ok, archivedUrl: "data:text/html,hi" }), "archivedUrl");
    await expectFieldError(() => createSource(editor, { ...ok, accessedOn: daysFromNow(3) }), "accessedOn");
    await expectFieldError(() => createSource(editor, { ...ok, accessedOn: "2024-13-01" }), "accessedOn");
    await expectFieldError(() => createSource(editor, { ...ok, accessedOn: "2023-02-29" }), "accessedOn");
    await expectFieldError(() => createSource(editor, { ...ok, accessedOn: "20 Jan 2025" }), "accessedOn");
    await expectFieldError(() => createSource(editor, { ...ok, publisherId: 999_999 }), "publisherId");
    await expectFieldError(() => createSource(editor, { ...ok, publisherId: "TRT" }), "publisherId");

    const existing = await createSource(editor, ok);
    await expectFieldError(() => updateSource(editor, existing.id, { ...ok, url: "javascript:alert(1)" }), "url");
    await expectFieldError(() => updateSource(editor, existing.id, { ...ok, title: "" }), "title");
    await expect(updateSource(editor, 999_999, ok)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getSource(editor, "nope")).rejects.toBeInstanceOf(NotFoundError);
  });

  test("are found and created from a picker", async () => {
    await createSource(editor, { title: "Picker: Kazakh law of 1993", url: "https://adilet.example/kz-1993" });
    const found = await searchSourceOptions(editor, "adilet.example", 5);
    expect(found).toMatchObject([{ label: "Picker: Kazakh law of 1993", hint: "adilet.example" }]);
    const made = await createSourceInline(editor, { title: "Picker: new one", url: "https://new.example/a" });
    expect(made).toMatchObject({ label: "Picker: new one", hint: "new.example" });
    await expect(getSource(editor, made.value)).resolves.toMatchObject({ url: "https://new.example/a" });
    await expect(createSourceInline(editor, { title: "Bad", url: "javascript:alert(1)" })).rejects.toBeInstanceOf(
      ValidationError,
    );
  });

  test("list 50 to a page, newest change first, with no row repeated or skipped", async () => {
    // Ties on updated_at, and times apart by microseconds, are where keyset paging goes wrong.
    const rows = Array.from({ length: 137 }, (_, i) => ({
      title: `Paged ${i}`,
      url: `https://paged.example/${i}`,
      updatedAt: sql`timestamptz '2024-06-01 12:00:00.000000+00' + ${`${Math.floor(i / 4)} microseconds`}::interval`,
    }));
    await database.db.insert(sources).values(rows as never);
    const [{ n } = { n: 0 }] = await database.db
      .select({ n: count() })
      .from(sources)
      .where(sql`${sources.title} like 'Paged %'`);
    expect(n).toBe(137);

    const seen: number[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const page = await listSources(editor, { q: "paged", after });
      expect(page.sources.length).toBeLessThanOrEqual(50);
      seen.push(...page.sources.map((s) => s.id));
      after = page.nextAfter ?? undefined;
      pages++;
    } while (after && pages < 10);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(137);
    const expected = await database.db
      .select({ id: sources.id })
      .from(sources)
      .where(sql`${sources.title} like 'Paged %'`)
      .orderBy(sql`${sources.updatedAt} desc, ${sources.id} desc`);
    expect(seen).toEqual(expected.map((r) => r.id));
  });

  test("filters by archived copy and by who added them", async () => {
    const { ctx: contributor } = await makeUser(database.db, "contributor");
    const mine = await createSource(contributor, { title: "Filter: mine", archivedUrl: "https://archive.example/x" });
    await createSource(editor, { title: "Filter: theirs" });
    const titles = async (input: Record<string, unknown>) =>
      (await listSources(contributor, { q: "Filter:", ...input })).sources.map((s) => s.title);
    expect(await titles({ mine: "yes" })).toEqual(["Filter: mine"]);
    expect(await titles({ archived: "yes" })).toEqual(["Filter: mine"]);
    expect(await titles({ archived: "no" })).toEqual(["Filter: theirs"]);
    expect(await titles({ archived: "junk", after: "not-a-cursor" })).toHaveLength(2);
    expect(mine.id).toBeGreaterThan(0);
    expect(await database.db.select().from(sources).where(eq(sources.title, "Filter: mine"))).toHaveLength(1);
  });
});
