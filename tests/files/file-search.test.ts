import { createHash } from "node:crypto";
import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { Database } from "@/db";
import { publicFilePages, storedFiles } from "@/db/schema";
import type { ContentType } from "@/db/schema/vocabulary";
import { writePdf } from "@/lib/files/minimal-pdf";
import { attachFiles } from "@/modules/attachments/attach";
import { commandLineActor, type Ctx } from "@/modules/auth/context";
import { extractPending } from "@/modules/files/extraction";
import type { FileStore } from "@/modules/files/storage";
import { diskStore } from "@/modules/files/storage/disk";
import { createLaw } from "@/modules/laws/save";
import { readLawRecord } from "@/modules/public/api/laws";
import { searchApiQuery } from "@/modules/public/api/schemas/search";
import { readSearchResults } from "@/modules/public/api/search";
import { readSearch } from "@/modules/public/search";
import { searchQuery } from "@/modules/public/search-url";
import { moveItem } from "@/modules/workflow/transitions";
import { createTestDatabase } from "../db";
import { makeJurisdiction, makeUser, publishItem, workingRevision } from "../factories";
import { scratchFolder } from "./fixtures";

let database: Database;
let editor: Ctx;
let folder: string;
let store: FileStore;
beforeAll(async () => {
  database = await createTestDatabase();
  await makeJurisdiction(database.db, "KG", "Kyrgyzstan");
  editor = (await makeUser(database.db, "editor")).ctx;
  folder = await scratchFolder();
  store = diskStore(path.join(folder, "store"));
});
afterAll(async () => {
  await database.close();
  await rm(folder, { recursive: true, force: true });
});

const search = (q: string) => readSearch(database.db, searchQuery.parse({ q }));
const base = (type: ContentType, id: number) => workingRevision(editor, type, id);

/** A PDF whose third page alone holds `phrase`, stored as an upload would leave it. */
async function storedPdf(phrase: string): Promise<string> {
  const bytes = writePdf([
    { lines: ["Official gazette of the Kyrgyz Republic"] },
    { lines: ["Article 1. General provisions"] },
    { lines: ["Article 2.", phrase] },
  ]);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const file = path.join(folder, sha256);
  await writeFile(file, bytes);
  await store.put(sha256, { path: file, size: bytes.length, mediaType: "application/pdf" });
  await database.db
    .insert(storedFiles)
    .values({ sha256, size: bytes.length, mediaType: "application/pdf", pageCount: 3 });
  return sha256;
}

async function lawWith(title: string, sha256: string, options: { internal?: boolean } = {}) {
  const law = await createLaw(editor, {
    jurisdictionCode: "KG",
    type: "decree",
    status: "in_force",
    titles: [{ lang: "en", title }],
  });
  await attachFiles(
    editor,
    { type: "law", id: law.id },
    {
      baseRevision: await base("law", law.id),
      files: [{ sha256, name: "Gazette.pdf", role: "official_publication", internal: options.internal ? "on" : "" }],
    },
  );
  return law;
}

test("a phrase found only in a published PDF finds its law, saying the page and opening it there", async () => {
  const sha256 = await storedPdf("Commission of Tokmok archivists");
  await extractPending(database.db, store, 10);
  const law = await lawWith("Decree on the archive commission", sha256);
  expect((await search("Tokmok archivists")).hits).toEqual([]);

  await publishItem(database.db, "law", law.id);
  const results = await search("Tokmok archivists");
  expect(results.total).toBe(1);
  expect(results.facets.type).toEqual([{ value: "law", count: 1, atLeast: false }]);
  expect(results.hits[0]).toMatchObject({
    type: "law",
    path: `/laws/kg/${law.slug}`,
    foundIn: {
      name: "Gazette.pdf",
      kind: "PDF",
      page: 3,
      href: `/files/${sha256}/Gazette.pdf#page=3`,
    },
  });
  expect(results.hits[0]!.foundIn!.snippet.filter((part) => part.match).map((part) => part.text)).toEqual([
    "Tokmok",
    "archivists",
  ]);
  // A law found by its own words alone says nothing of its files ("decree" is in no page of it).
  const byTitle = await search("decree archive commission");
  expect(byTitle.hits.map((h) => [h.path, h.foundIn])).toEqual([[`/laws/kg/${law.slug}`, null]]);

  // The read API says the same, and lists the law's documents.
  const origin = "https://archive.example.org";
  const api = await readSearchResults(database.db, searchApiQuery.parse({ q: "Tokmok archivists" }), origin);
  expect(api.data[0]?.foundIn).toEqual({
    name: "Gazette.pdf",
    kind: "PDF",
    mediaType: "application/pdf",
    page: 3,
    url: `${origin}/files/${sha256}/Gazette.pdf#page=3`,
  });
  const record = await readLawRecord(database.db, "KG", law.slug, origin);
  expect(record?.kind === "law" && record.law.documents).toEqual([
    {
      name: "Gazette.pdf",
      role: "official_publication",
      textId: null,
      mediaType: "application/pdf",
      size: expect.any(Number),
      pages: 3,
      sha256,
      capturedOn: null,
      url: `${origin}/files/${sha256}/Gazette.pdf`,
      thumbnail: null,
    },
  ]);
});

test("an internal file's text is never searched, nor a withdrawn law's files", async () => {
  const hidden = await storedPdf("Minutes kept by the Naryn registry");
  const shown = await storedPdf("Letter of the Osh regional prosecutor");
  await extractPending(database.db, store, 10);
  const internal = await lawWith("Decree with an internal scan", hidden, { internal: true });
  await publishItem(database.db, "law", internal.id);
  expect((await search("Naryn registry")).hits).toEqual([]);

  const law = await lawWith("Decree later withdrawn", shown);
  await publishItem(database.db, "law", law.id);
  expect((await search("Osh prosecutor")).total).toBe(1);
  await moveItem(
    { db: database.db, actor: commandLineActor },
    { type: "law", id: law.id, action: "withdraw", baseRevision: await base("law", law.id) },
  );
  expect((await search("Osh prosecutor")).hits).toEqual([]);
  expect(await database.db.select().from(publicFilePages).where(eq(publicFilePages.sha256, shown))).toEqual([]);
});

test("a file published before its text was read joins search once it is read", async () => {
  const sha256 = await storedPdf("Register of the Talas deportees");
  const law = await lawWith("Decree published before reading", sha256);
  await publishItem(database.db, "law", law.id);
  expect((await search("Talas deportees")).hits).toEqual([]);

  await extractPending(database.db, store, 10);
  expect((await search("Talas deportees")).hits.map((h) => h.foundIn?.page)).toEqual([3]);
});
