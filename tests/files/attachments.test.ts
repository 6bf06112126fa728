import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "@/db";
import { attachments, auditLog, revisions, sources, storedFiles } from "@/db/schema";
import { ForbiddenError, NotAuthenticatedError, NotFoundError, ValidationError } from "@/lib/errors";
import { createArticle } from "@/modules/articles/save";
import { restoreArticleRevision } from "@/modules/articles/restore";
import { attachFiles } from "@/modules/attachments/attach";
import { detachFile } from "@/modules/attachments/detach";
import { listAttachments } from "@/modules/attachments/list";
import { updateAttachment } from "@/modules/attachments/update";
import type { Ctx } from "@/modules/auth/context";
import { restoreLawRevision } from "@/modules/laws/restore";
import { createLaw } from "@/modules/laws/save";
import { addLawTextVersion, removeLawTextVersion } from "@/modules/laws/texts";
import { importArchive } from "@/modules/system/import/run";
import { editorialStatus } from "@/modules/workflow/status";
import { EditConflictError } from "@/modules/workflow/conflict";
import { createTestDatabase } from "../db";
import { anonymous, makeJurisdiction, makeUser, publishItem, workingRevision } from "../factories";

let database: Database;
let contributor: Ctx;
let otherContributor: Ctx;
let editor: Ctx;
let admin: Ctx;
const pdf = "a".repeat(64);
const scan = "b".repeat(64);

beforeAll(async () => {
  database = await createTestDatabase();
  await makeJurisdiction(database.db, "KG", "Kyrgyzstan");
  contributor = (await makeUser(database.db, "contributor")).ctx;
  otherContributor = (await makeUser(database.db, "contributor")).ctx;
  editor = (await makeUser(database.db, "editor")).ctx;
  admin = (await makeUser(database.db, "admin")).ctx;
  await database.db.insert(storedFiles).values([
    { sha256: pdf, size: 1000, mediaType: "application/pdf", pageCount: 3 },
    { sha256: scan, size: 5000, mediaType: "image/tiff" },
  ]);
});
afterAll(() => database.close());

async function makeLaw(title = "Law on the rehabilitation of victims of political repression") {
  return createLaw(contributor, {
    jurisdictionCode: "KG",
    type: "law",
    status: "in_force",
    titles: [{ lang: "en", title }],
  });
}

const base = (type: "law" | "article", id: number) => workingRevision(contributor, type, id);

async function snapshotFiles(type: "law" | "article", id: number) {
  const [row] = await database.db
    .select({ snapshot: revisions.snapshot })
    .from(revisions)
    .where(eq(revisions.id, await base(type, id)));
  return (row!.snapshot as { attachments: { sha256: string; name: string; textId: number | null }[] }).attachments;
}

const official = { sha256: pdf, name: "Gazette No. 12.pdf", role: "official_publication", capturedOn: "2024-12-31" };

describe("attaching files", () => {
  test("files attached to a law are one new revision, recorded with their hashes, and send a published law's change to review", async () => {
    const law = await makeLaw();
    await publishItem(database.db, "law", law.id);
    const before = await base("law", law.id);

    const { ids } = await attachFiles(
      contributor,
      { type: "law", id: law.id },
      {
        baseRevision: before,
        files: [official, { sha256: scan, name: "scan.tiff", role: "scan", capturedOn: "", internal: "on" }],
      },
    );

    expect(ids).toHaveLength(2);
    expect(await base("law", law.id)).not.toBe(before);
    expect(await snapshotFiles("law", law.id)).toEqual([
      expect.objectContaining({
        sha256: pdf,
        name: "Gazette No. 12.pdf",
        role: "official_publication",
        textId: null,
        internal: false,
        capturedOn: "2024-12-31",
        position: 0,
      }),
      expect.objectContaining({ sha256: scan, name: "scan.tiff", internal: true, capturedOn: null, position: 1 }),
    ]);
    const status = await editorialStatus(contributor, "law", law.id);
    expect(status.review).toBe("draft");
    expect(status.visibility).toBe("live");
    const listed = await listAttachments(contributor, { type: "law", id: law.id });
    expect(listed.map((f) => [f.name, f.mediaType, f.pageCount, f.extraction])).toEqual([
      ["Gazette No. 12.pdf", "application/pdf", 3, "pending"],
      ["scan.tiff", "image/tiff", null, "pending"],
    ]);
  });

  test("a file attached to a text version belongs to that text; removing the text takes the file off too", async () => {
    const law = await makeLaw("Law with an official text");
    const text = await addLawTextVersion(contributor, law.id, {
      lang: "ru",
      official: "on",
      body: "Статья 1.",
      baseRevision: await base("law", law.id),
    });
    await attachFiles(
      contributor,
      { type: "law", id: law.id },
      {
        baseRevision: await base("law", law.id),
        textId: text.id,
        files: [official],
      },
    );
    expect((await snapshotFiles("law", law.id)).map((f) => f.textId)).toEqual([text.id]);

    await removeLawTextVersion(contributor, text.id, await base("law", law.id));
    expect(await snapshotFiles("law", law.id)).toEqual([]);
  });

  test("a form from before someone else's save is refused, and nothing is attached", async () => {
    const law = await makeLaw("Law edited twice at once");
    const stale = await base("law", law.id);
    await attachFiles(editor, { type: "law", id: law.id }, { baseRevision: stale, files: [official] });
    await expect(
      attachFiles(
        contributor,
        { type: "law", id: law.id },
        { baseRevision: stale, files: [{ ...official, sha256: scan }] },
      ),
    ).rejects.toBeInstanceOf(EditConflictError);
    expect((await snapshotFiles("law", law.id)).map((f) => f.sha256)).toEqual([pdf]);
  });

  test("bad input is refused field by field: a file never uploaded, a text of another law, a name, a role, a future date", async () => {
    const law = await makeLaw("Law with bad files");
    const other = await makeLaw("Another law");
    const otherText = await addLawTextVersion(contributor, other.id, {
      lang: "en",
      body: "Article 1.",
      baseRevision: await base("law", other.id),
    });
    const baseRevision = await base("law", law.id);
    const fields = async (input: Record<string, unknown>) => {
      const error = await attachFiles(contributor, { type: "law", id: law.id }, { baseRevision, ...input }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ValidationError);
      return (error as ValidationError).fieldErrors;
    };

    expect(await fields({ files: [{ ...official, sha256: "c".repeat(64) }] })).toEqual({
      "files.0.sha256": ["This file was not uploaded. Upload it again."],
    });
    expect(await fields({ textId: otherText.id, files: [official] })).toEqual({
      textId: ["This text version is no longer part of the law."],
    });
    expect(await fields({ files: [{ ...official, name: "   " }] })).toHaveProperty("files.0.name", [
      "Give the file a name.",
    ]);
    expect(await fields({ files: [{ ...official, role: "poster" }] })).toHaveProperty("files.0.role", [
      "Choose what the file is.",
    ]);
    expect(await fields({ files: [{ ...official, capturedOn: "2999-01-01" }] })).toHaveProperty("files.0.capturedOn", [
      "The capture date cannot be in the future.",
    ]);
    expect(await fields({ files: [] })).toHaveProperty("files", ["Choose the files to attach."]);
    expect(await snapshotFiles("law", law.id)).toEqual([]);
  });

  test("a path in a file's name is cut to the name itself", async () => {
    const law = await makeLaw("Law with a pathy name");
    await attachFiles(
      contributor,
      { type: "law", id: law.id },
      {
        baseRevision: await base("law", law.id),
        files: [{ ...official, name: "C:\\Users\\editor\\Desktop\\decree.pdf" }],
      },
    );
    expect((await snapshotFiles("law", law.id)).map((f) => f.name)).toEqual(["decree.pdf"]);
  });

  test("no one signed in attaches nothing", async () => {
    const law = await makeLaw("Law nobody may touch");
    await expect(
      attachFiles(
        anonymous(database.db),
        { type: "law", id: law.id },
        { baseRevision: await base("law", law.id), files: [official] },
      ),
    ).rejects.toBeInstanceOf(NotAuthenticatedError);
    await expect(listAttachments(anonymous(database.db), { type: "law", id: law.id })).rejects.toBeInstanceOf(
      NotAuthenticatedError,
    );
  });
});

describe("changing and removing attached files", () => {
  test("a file is renamed and made internal as a new revision", async () => {
    const law = await makeLaw("Law with a renamed file");
    const { ids } = await attachFiles(
      contributor,
      { type: "law", id: law.id },
      {
        baseRevision: await base("law", law.id),
        files: [official],
      },
    );
    await updateAttachment(otherContributor, ids[0]!, {
      baseRevision: await base("law", law.id),
      name: "Official gazette, 31 December 2024.pdf",
      role: "official_publication",
      capturedOn: "2024-12-31",
      internal: "on",
    });
    expect(await snapshotFiles("law", law.id)).toEqual([
      expect.objectContaining({ name: "Official gazette, 31 December 2024.pdf", internal: true }),
    ]);
  });

  test("only whoever attached a file, or an editor, takes it off; the bytes stay stored", async () => {
    const law = await makeLaw("Law with a contested file");
    const { ids } = await attachFiles(
      contributor,
      { type: "law", id: law.id },
      {
        baseRevision: await base("law", law.id),
        files: [official],
      },
    );
    await expect(detachFile(otherContributor, ids[0]!, await base("law", law.id))).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await detachFile(editor, ids[0]!, await base("law", law.id));
    expect(await snapshotFiles("law", law.id)).toEqual([]);
    expect(await database.db.select().from(storedFiles).where(eq(storedFiles.sha256, pdf))).toHaveLength(1);
  });

  test("restoring an old revision brings back the files it had, on their texts", async () => {
    const law = await makeLaw("Law restored with its files");
    const text = await addLawTextVersion(contributor, law.id, {
      lang: "ky",
      body: "1-берене.",
      baseRevision: await base("law", law.id),
    });
    const { ids } = await attachFiles(
      contributor,
      { type: "law", id: law.id },
      {
        baseRevision: await base("law", law.id),
        textId: text.id,
        files: [official],
      },
    );
    const [{ number } = { number: 0 }] = await database.db
      .select({ number: revisions.number })
      .from(revisions)
      .where(eq(revisions.id, await base("law", law.id)));
    await detachFile(contributor, ids[0]!, await base("law", law.id));

    await restoreLawRevision(contributor, law.id, number, await base("law", law.id));
    expect(await snapshotFiles("law", law.id)).toEqual([
      expect.objectContaining({ id: ids[0], sha256: pdf, textId: text.id }),
    ]);
    expect(
      await database.db
        .select()
        .from(attachments)
        .where(and(eq(attachments.lawId, law.id), eq(attachments.lawTextId, text.id))),
    ).toHaveLength(1);
  });

  test("an article's files are kept the same way, and come back with an old revision", async () => {
    const article = await createArticle(contributor, {
      kind: "news",
      title: "A report with its source PDF",
      lang: "en",
    });
    await attachFiles(
      contributor,
      { type: "article", id: article.id },
      {
        baseRevision: await base("article", article.id),
        files: [{ ...official, role: "other" }],
      },
    );
    const [withFile] = await database.db
      .select({ number: revisions.number })
      .from(revisions)
      .where(eq(revisions.id, await base("article", article.id)));
    expect(await snapshotFiles("article", article.id)).toEqual([
      expect.objectContaining({ sha256: pdf, textId: null }),
    ]);
    await expect(
      attachFiles(
        contributor,
        { type: "article", id: article.id },
        {
          baseRevision: await base("article", article.id),
          textId: 1,
          files: [official],
        },
      ),
    ).rejects.toBeInstanceOf(ValidationError);

    const [file] = await listAttachments(contributor, { type: "article", id: article.id });
    await detachFile(contributor, file!.id, await base("article", article.id));
    await restoreArticleRevision(contributor, article.id, withFile!.number, await base("article", article.id));
    expect(await snapshotFiles("article", article.id)).toEqual([expect.objectContaining({ sha256: pdf })]);
  });
});

test("importing a law again keeps the files attached to it and its texts", async () => {
  const record = (summary: string) => ({
    format: "marginalia-import",
    version: 1,
    laws: [
      {
        externalId: "law-with-files",
        jurisdiction: "KG",
        type: "law",
        status: "in_force",
        title: "Example Law with Files",
        summary,
        texts: [{ lang: "en", official: true, body: "Article 1." }],
      },
    ],
  });
  const run = (summary: string) =>
    importArchive(admin, [{ name: "laws.json", text: JSON.stringify(record(summary)) }], {
      dryRun: false,
      publish: false,
    });
  await run("First import.");
  const [law] = await database.db
    .execute<{ id: number; text_id: number }>(
      sql`select l.id, t.id as text_id from laws l join law_text_versions t on t.law_id = l.id where l.title = 'Example Law with Files'`,
    )
    .then((r) => r.rows);
  await attachFiles(
    admin,
    { type: "law", id: Number(law!.id) },
    {
      baseRevision: await base("law", Number(law!.id)),
      textId: Number(law!.text_id),
      files: [official],
    },
  );

  await run("Imported again, with a new summary.");
  expect(await snapshotFiles("law", Number(law!.id))).toEqual([
    expect.objectContaining({ sha256: pdf, textId: Number(law!.text_id) }),
  ]);
  expect(
    await database.db
      .select()
      .from(attachments)
      .where(eq(attachments.lawId, Number(law!.id))),
  ).toHaveLength(1);
});

describe("a source's files", () => {
  async function makeSource() {
    const [row] = await database.db
      .insert(sources)
      .values({ title: "Official gazette of the Kyrgyz Republic, No. 5", url: "https://gazette.example/5" })
      .returning({ id: sources.id });
    return { type: "source" as const, id: row!.id };
  }

  test("are attached, changed and removed at once, without revisions, always for editors only, each change audited", async () => {
    const source = await makeSource();
    const { ids } = await attachFiles(contributor, source, {
      files: [{ sha256: pdf, name: "Gazette No. 5.pdf", role: "official_publication", internal: "" }],
    });
    expect(await listAttachments(contributor, source)).toMatchObject([
      { id: ids[0], sha256: pdf, name: "Gazette No. 5.pdf", internal: true, textId: null },
    ]);
    await updateAttachment(contributor, ids[0]!, { name: "Gazette, issue 5.pdf", role: "scan", internal: "" });
    expect(await listAttachments(contributor, source)).toMatchObject([
      { name: "Gazette, issue 5.pdf", internal: true },
    ]);
    await expect(detachFile(otherContributor, ids[0]!, undefined)).rejects.toBeInstanceOf(ForbiddenError);
    await detachFile(contributor, ids[0]!, undefined);
    expect(await listAttachments(contributor, source)).toEqual([]);
    const logged = await database.db
      .select({ action: auditLog.action, details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.targetType, "source"), eq(auditLog.targetId, String(source.id))))
      .orderBy(auditLog.id);
    // Sources have no revisions: the audit log is the record of which file changed.
    expect(logged).toEqual([
      {
        action: "source.attachment.add",
        details: { files: [{ id: ids[0], sha256: pdf, name: "Gazette No. 5.pdf", role: "official_publication" }] },
      },
      {
        action: "source.attachment.update",
        details: { files: [{ id: ids[0], sha256: pdf, name: "Gazette, issue 5.pdf", role: "scan" }] },
      },
      {
        action: "source.attachment.remove",
        details: {
          files: [{ id: ids[0], sha256: pdf, name: "Gazette, issue 5.pdf", role: "scan", captureId: null }],
        },
      },
    ]);
  });

  test("have no text versions, need a signed-in editor, and a source that is gone takes nothing", async () => {
    const source = await makeSource();
    const files = [{ sha256: scan, name: "Scan.tiff", role: "scan" }];
    await expect(attachFiles(contributor, source, { textId: 1, files })).rejects.toBeInstanceOf(ValidationError);
    await expect(attachFiles(anonymous(database.db), source, { files })).rejects.toBeInstanceOf(NotAuthenticatedError);
    await expect(attachFiles(contributor, { type: "source", id: 999_999 }, { files })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(await listAttachments(contributor, source)).toEqual([]);
  });
});
