import { createHash } from "node:crypto";
import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { Database } from "@/db";
import { publicAttachments, storedFiles } from "@/db/schema";
import type { ContentType } from "@/db/schema/vocabulary";
import { createArticle } from "@/modules/articles/save";
import { attachFiles } from "@/modules/attachments/attach";
import { commandLineActor, type Ctx } from "@/modules/auth/context";
import { extractPending } from "@/modules/files/extraction";
import { diskStore } from "@/modules/files/storage/disk";
import { createLaw } from "@/modules/laws/save";
import { readArticle } from "@/modules/public/article";
import { readLaw } from "@/modules/public/law";
import { moveItem } from "@/modules/workflow/transitions";
import { createTestDatabase } from "../db";
import { makeJurisdiction, makeUser, publishItem, workingRevision } from "../factories";
import { photo, scratchFolder } from "./fixtures";

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
    { sha256: official, size: 123_456, mediaType: "application/pdf", pageCount: 12, extraction: "done" },
    { sha256: scan, size: 9_000, mediaType: "image/tiff", extraction: "done" },
    { sha256: shared, size: 77, mediaType: "text/plain", extraction: "done" },
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
      thumbnailHref: null,
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

test("an image published before its thumbnail is made shows the thumbnail once it is", async () => {
  const folder = await scratchFolder();
  const store = diskStore(path.join(folder, "store"));
  const bytes = await photo(900, 600);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  await writeFile(path.join(folder, "photo"), bytes);
  await store.put(sha256, { path: path.join(folder, "photo"), size: bytes.length, mediaType: "image/png" });
  await database.db.insert(storedFiles).values({ sha256, size: bytes.length, mediaType: "image/png" });
  const law = await createLaw(editor, {
    jurisdictionCode: "KG",
    type: "law",
    status: "in_force",
    titles: [{ lang: "en", title: "Law with a photograph of the signing" }],
  });
  await attachFiles(
    editor,
    { type: "law", id: law.id },
    {
      baseRevision: await base("law", law.id),
      files: [{ sha256, name: "Signing.png", role: "other" }],
    },
  );
  await publishItem(database.db, "law", law.id);
  const before = await readLaw(database.db, "KG", law.slug);
  expect(before?.kind === "law" && before.documents[0]?.thumbnailHref).toBeNull();

  await extractPending(database.db, store, 10);
  const [made] = await database.db
    .select({ thumbnailSha256: storedFiles.thumbnailSha256 })
    .from(storedFiles)
    .where(eq(storedFiles.sha256, sha256));
  const after = await readLaw(database.db, "KG", law.slug);
  expect(after?.kind === "law" && after.documents[0]).toMatchObject({
    href: `/files/${sha256}/Signing.png`,
    thumbnailHref: `/files/${made?.thumbnailSha256}/thumbnail.webp`,
  });
  await rm(folder, { recursive: true, force: true });
});
