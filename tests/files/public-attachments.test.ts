import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { Database } from "@/db";
import { publicAttachments, storedFiles } from "@/db/schema";
import type { ContentType } from "@/db/schema/vocabulary";
import { createArticle } from "@/modules/articles/save";
import { attachFiles } from "@/modules/attachments/attach";
import { commandLineActor, type Ctx } from "@/modules/auth/context";
import { createLaw } from "@/modules/laws/save";
import { readArticle } from "@/modules/public/article";
import { readLaw } from "@/modules/public/law";
import { moveItem } from "@/modules/workflow/transitions";
import { createTestDatabase } from "../db";
import { makeJurisdiction, makeUser, publishItem, workingRevision } from "../factories";

let database: Database;
let editor: Ctx;
const official = "1".repeat(64);
const scan = "2".repeat(64);
const shared = "3".repeat(64);

beforeAll(async () => {
  database = await createTestDatabase();
  await makeJurisdiction(database.db, "KG", "Kyrgyzstan");
  editor = (await makeUser(database.db, "editor")).ctx;
  await database.db.insert(storedFiles).values([
    { sha256: official, size: 123_456, mediaType: "application/pdf", pageCount: 12 },
    { sha256: scan, size: 9_000, mediaType: "image/tiff" },
    { sha256: shared, size: 77, mediaType: "text/plain" },
  ]);
});
afterAll(() => database.close());

const base = (type: ContentType, id: number) => workingRevision(editor, type, id);
const admin = (): Ctx => ({ db: database.db, actor: commandLineActor });
const act = async (type: ContentType, id: number, action: "withdraw") =>
  moveItem(admin(), { type, id, action, baseRevision: await base(type, id) });
const publicRows = (type: "law" | "article", id: number) =>
  database.db
    .select({ sha256: publicAttachments.sha256, name: publicAttachments.name })
    .from(publicAttachments)
    .where(and(eq(publicAttachments.itemType, type), eq(publicAttachments.itemId, id)));

async function lawWithFiles(title: string) {
  const law = await createLaw(editor, {
    jurisdictionCode: "KG",
    type: "law",
    status: "in_force",
    titles: [{ lang: "en", title }],
  });
  await attachFiles(
    editor,
    { type: "law", id: law.id },
    {
      baseRevision: await base("law", law.id),
      files: [
        { sha256: official, name: "Gazette.pdf", role: "official_publication", capturedOn: "2024-12-31" },
        { sha256: scan, name: "Internal scan.tiff", role: "scan", internal: "on" },
      ],
    },
  );
  return law;
}

test("a law's files become public with it, internal ones never; readers get their type, size, pages and address", async () => {
  const law = await lawWithFiles("Law on the archive of repression files");
  expect(await publicRows("law", law.id)).toEqual([]);

  await publishItem(database.db, "law", law.id);
  expect(await publicRows("law", law.id)).toEqual([{ sha256: official, name: "Gazette.pdf" }]);
  const page = await readLaw(database.db, "KG", law.slug);
  expect(page?.kind === "law" && page.documents).toEqual([
    {
      id: expect.any(Number),
      name: "Gazette.pdf",
      role: "official_publication",
      textId: null,
      capturedOn: "2024-12-31",
      sha256: official,
      href: `/files/${official}/Gazette.pdf`,
      mediaType: "application/pdf",
      size: 123_456,
      pageCount: 12,
    },
  ]);
});

test("a file attached to a published law stays unpublished until the change is published", async () => {
  const law = await lawWithFiles("Law with a later file");
  await publishItem(database.db, "law", law.id);
  await attachFiles(
    editor,
    { type: "law", id: law.id },
    {
      baseRevision: await base("law", law.id),
      files: [{ sha256: shared, name: "Later note.txt", role: "other" }],
    },
  );
  expect((await publicRows("law", law.id)).map((r) => r.name)).toEqual(["Gazette.pdf"]);
  const page = await readLaw(database.db, "KG", law.slug);
  expect(page?.kind === "law" && page.documents.map((d) => d.name)).toEqual(["Gazette.pdf"]);

  await publishItem(database.db, "law", law.id);
  expect((await publicRows("law", law.id)).map((r) => r.name)).toEqual(["Gazette.pdf", "Later note.txt"]);
});

test("withdrawing takes an item's files down; a file another live item shows stays public", async () => {
  const law = await lawWithFiles("Law withdrawn with its files");
  await publishItem(database.db, "law", law.id);
  const article = await createArticle(editor, { kind: "news", title: "A report quoting the gazette", lang: "en" });
  await attachFiles(
    editor,
    { type: "article", id: article.id },
    {
      baseRevision: await base("article", article.id),
      files: [{ sha256: official, name: "Gazette as quoted.pdf", role: "other" }],
    },
  );
  await publishItem(database.db, "article", article.id);

  await act("law", law.id, "withdraw");
  expect(await publicRows("law", law.id)).toEqual([]);
  const report = await readArticle(database.db, article.slug);
  expect(report?.kind === "article" && report.documents.map((d) => d.href)).toEqual([
    `/files/${official}/Gazette%20as%20quoted.pdf`,
  ]);

  await act("article", article.id, "withdraw");
  expect(await publicRows("article", article.id)).toEqual([]);
});
