import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { Database } from "@/db";
import {
  editorialItems,
  liveDocuments,
  publicArticles,
  publicLaws,
  publicSearch,
  publicSourceCitations,
  revisions,
} from "@/db/schema";
import { migrate, migrationsFolder } from "@/db/migrate";
import { markdownText } from "@/lib/markdown";
import { quotePassage } from "@/modules/annotations/passage";
import { createAnnotation } from "@/modules/annotations/save";
import { createArticle } from "@/modules/articles/save";
import { commandLineActor } from "@/modules/auth/context";
import { createLaw } from "@/modules/laws/save";
import { addLawTextVersion } from "@/modules/laws/texts";
import { readCitedSource } from "@/modules/public/source-citations";
import { createSource } from "@/modules/sources/save";
import { backfillPublicIndex, backfillRevisions } from "@/modules/system/backfill";
import { createEmptyDatabase } from "./db";
import { publishItem, workingRevision } from "./factories";

// A database made before revisions existed: migrated to 0010, with content, then to the latest.
let database: Database;
let before0011: string;
beforeAll(async () => {
  database = await createEmptyDatabase();
  before0011 = await mkdtemp(path.join(tmpdir(), "marginalia-migrations-"));
  await cp(migrationsFolder, before0011, { recursive: true });
  const journalPath = path.join(before0011, "meta", "_journal.json");
  const journal = JSON.parse(await readFile(journalPath, "utf8")) as { entries: { idx: number }[] };
  journal.entries = journal.entries.filter((e) => e.idx <= 10);
  await writeFile(journalPath, JSON.stringify(journal));
});
afterAll(async () => {
  await database.close();
  await rm(before0011, { recursive: true, force: true });
});

test("content made before revisions gets its first revision at start, and what was published stays published", async () => {
  await migrate(database, before0011);
  await database.db.execute(sql`insert into jurisdictions (code, name, kind) values ('KZ', 'Kazakhstan', 'country')`);
  await database.db.execute(sql`insert into laws (slug, jurisdiction_code, title, summary, status, published_at)
    values ('public-law', 'KZ', 'A public law', 'Was published.', 'in_force', now()),
           ('draft-law', 'KZ', 'A draft law', 'Was not.', 'bill', null)`);
  await database.db.execute(sql`insert into law_titles (law_id, lang, title, preferred)
    select id, 'en', title, true from laws`);
  await database.db.execute(
    sql`insert into agents (slug, kind, preferred_name) values ('someone', 'person', 'Someone')`,
  );

  await migrate(database);
  expect(await backfillRevisions(database.db)).toBe(3);

  const items = await database.db.select().from(editorialItems);
  expect(items).toHaveLength(3);
  expect(items.every((i) => i.workingRevisionId !== null)).toBe(true);
  const [published] = await database.db
    .select({ slug: liveDocuments.slug, snapshot: liveDocuments.snapshot })
    .from(liveDocuments)
    .where(eq(liveDocuments.itemType, "law"));
  expect(published).toMatchObject({
    slug: "public-law",
    snapshot: { title: "A public law", summary: "Was published." },
  });
  expect(await database.db.select().from(liveDocuments)).toHaveLength(1);
  const draft = items.find((i) => i.itemType === "law" && i.liveRevisionId === null);
  expect(draft).toMatchObject({ review: "draft", visibility: "unpublished" });

  // Idempotent: a second start finds nothing to do and writes nothing.
  const count = async () => (await database.db.select({ id: revisions.id }).from(revisions)).length;
  const revisionsBefore = await count();
  expect(await backfillRevisions(database.db)).toBe(0);
  expect(await count()).toBe(revisionsBefore);
  // Publishing it again put it in the public index (migration 0012); an index left empty by a
  // database live before 0012 is filled at start, once.
  // eslint-disable-next-line drizzle/enforce-delete-with-where -- emptied on purpose, as before that migration
  await database.db.delete(publicLaws);
  expect(await backfillPublicIndex(database.db)).toBe(1);
  expect(await database.db.select({ slug: publicLaws.slug, status: publicLaws.status }).from(publicLaws)).toEqual([
    { slug: "public-law", status: "in_force" },
  ]);
  expect(await backfillPublicIndex(database.db)).toBe(0);
  // Likewise the search index (migration 0014), for every live item.
  // eslint-disable-next-line drizzle/enforce-delete-with-where -- emptied on purpose, as before that migration
  await database.db.delete(publicSearch);
  const live = (await database.db.select({ id: liveDocuments.itemId }).from(liveDocuments)).length;
  expect(await backfillPublicIndex(database.db)).toBe(live);
  expect(await database.db.select({ slug: publicSearch.slug }).from(publicSearch)).toHaveLength(live);
  expect(await backfillPublicIndex(database.db)).toBe(0);
  const [agent] = await database.db
    .select()
    .from(editorialItems)
    .where(and(eq(editorialItems.itemType, "agent")));
  expect(agent).toMatchObject({ review: "draft", visibility: "unpublished" });
});

test("a live note that search leaves out (an internal one) is not taken for a gap at every start", async () => {
  await migrate(database);
  const admin = { db: database.db, actor: commandLineActor };
  const law = await createLaw(admin, {
    jurisdictionCode: "KZ",
    type: "law",
    status: "in_force",
    titles: [{ lang: "en", title: "A law with notes" }],
  });
  const body = "Citizens repressed for political reasons are rehabilitated.";
  const text = await addLawTextVersion(admin, law.id, {
    lang: "en",
    body,
    baseRevision: await workingRevision(admin, "law", law.id),
  });
  const targetRevision = await publishItem(database.db, "law", law.id);
  const note = (audience: "public" | "internal", quote: string) =>
    createAnnotation(admin, {
      targetType: "law",
      targetId: law.id,
      textId: text.id,
      kind: "context",
      audience,
      body: `An ${audience} note.`,
      passage: { targetRevision, ...quotePassage(markdownText(body), quote) },
    });
  const shown = await note("public", "political reasons");
  const internal = await note("internal", "rehabilitated");
  for (const created of [shown, internal]) await publishItem(database.db, "annotation", created.id);

  expect(await backfillPublicIndex(database.db)).toBe(0);
  const searchable = await database.db
    .select({ itemId: publicSearch.itemId })
    .from(publicSearch)
    .where(eq(publicSearch.itemType, "annotation"));
  expect(searchable).toEqual([{ itemId: shown.id }]);
});

test("laws and articles live before public_source_citations (migration 0035) cite their sources after the next start", async () => {
  await migrate(database);
  const admin = { db: database.db, actor: commandLineActor };
  const gazette = (await createSource(admin, { title: "A gazette cited before", url: "https://gazette.example" })).id;
  const paper = (await createSource(admin, { title: "A paper cited before" })).id;
  const law = await createLaw(admin, {
    jurisdictionCode: "KZ",
    type: "law",
    status: "in_force",
    titles: [{ lang: "en", title: "A law citing a gazette" }],
    sourceIds: [gazette],
  });
  await publishItem(database.db, "law", law.id);
  const article = await createArticle(admin, { kind: "news", title: "A cited paper", lang: "en", sourceIds: [paper] });
  await publishItem(database.db, "article", article.id);

  // The database as it stood before migration 0035: no table, and it and the later ones not yet
  // applied (so what they add goes too: 0036's import_keys, 0037's index, 0038's file tables, 0039's public_attachments and public_file_pages, with 0040's column).
  const journal = JSON.parse(await readFile(path.join(migrationsFolder, "meta", "_journal.json"), "utf8")) as {
    entries: { tag: string; when: number }[];
  };
  const added = journal.entries.find((e) => e.tag === "0035_public_source_citations")!;
  await database.db.execute(sql`drop table public_source_citations`);
  await database.db.execute(sql`drop table import_keys`);
  await database.db.execute(sql`drop index public_annotations_published_idx`);
  await database.db.execute(
    sql`drop table public_file_pages, public_attachments, attachments, captures, file_pages, stored_files`,
  );
  await database.db.execute(sql`drop type attachment_role, extraction_state`);
  await database.db.execute(sql`delete from drizzle.__drizzle_migrations where created_at >= ${added.when}`);

  await migrate(database);
  expect(await database.db.select().from(publicSourceCitations)).toEqual([]);
  expect(await readCitedSource(database.db, gazette)).toBeNull();
  // The migration emptied the public rows of laws and articles: the start writes them again, citations beside them.
  expect(await backfillPublicIndex(database.db)).toBe(
    (
      await database.db
        .select({ id: liveDocuments.itemId })
        .from(liveDocuments)
        .where(sql`item_type in ('law', 'article')`)
    ).length,
  );
  expect(await database.db.select({ id: publicArticles.articleId }).from(publicArticles)).toEqual([{ id: article.id }]);
  expect(
    await database.db
      .select({ fromType: publicSourceCitations.fromType, sourceId: publicSourceCitations.sourceId })
      .from(publicSourceCitations)
      .orderBy(publicSourceCitations.fromType),
  ).toEqual([
    { fromType: "law", sourceId: gazette },
    { fromType: "article", sourceId: paper },
  ]);
  expect(await readCitedSource(database.db, gazette)).toMatchObject({
    title: "A gazette cited before",
    url: "https://gazette.example",
    citedBy: [{ type: "law", title: "A law citing a gazette" }],
  });
  expect((await readCitedSource(database.db, paper))?.citedBy).toEqual([
    { type: "article", title: "A cited paper", path: expect.stringContaining("a-cited-paper") },
  ]);
  expect(await backfillPublicIndex(database.db)).toBe(0);
});
