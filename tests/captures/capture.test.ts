import { createHash } from "node:crypto";
import path from "node:path";
import { rm } from "node:fs/promises";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "@/db";
import { attachments, auditLog, captures, sources, storedFiles } from "@/db/schema";
import { NotAuthenticatedError, ValidationError } from "@/lib/errors";
import type { Ctx } from "@/modules/auth/context";
import { captureSource } from "@/modules/captures/capture";
import { listCaptures } from "@/modules/captures/list";
import type { FileStore } from "@/modules/files/storage";
import { diskStore } from "@/modules/files/storage/disk";
import { createTestDatabase } from "../db";
import { anonymous, makeUser } from "../factories";
import { scratchFolder } from "../files/fixtures";
import { gazettePage, startPageServer } from "./page-server";

let database: Database;
let editor: Ctx;
let folder: string;
let store: FileStore;
let site: Awaited<ReturnType<typeof startPageServer>>;
beforeAll(async () => {
  database = await createTestDatabase();
  editor = (await makeUser(database.db, "contributor")).ctx;
  folder = await scratchFolder();
  store = diskStore(path.join(folder, "store"));
  site = await startPageServer();
});
afterAll(async () => {
  await site.stop();
  await database.close();
  await rm(folder, { recursive: true, force: true });
});

async function sourceAt(url: string): Promise<number> {
  const [row] = await database.db
    .insert(sources)
    .values({ title: `Gazette ${url}`, url })
    .returning({ id: sources.id });
  return row!.id;
}

// The tests' pages are on this machine: allowed, as the admin's setting would.
const capture = (id: number, options: Parameters<typeof captureSource>[2] = {}) =>
  captureSource(editor, id, { store, fetch: { allowPrivate: true }, ...options });
const bytesOf = async (sha256: string) => Buffer.from(await new Response(await store.read(sha256)).arrayBuffer());

describe("capturing a source's page", () => {
  test("the body as received and a safe snapshot are kept, hashed and attached, with the status and the address after redirects", async () => {
    const id = await sourceAt(`${site.origin}/gazette`);
    const result = await capture(id);
    expect(result).toMatchObject({
      finalUrl: `${site.origin}/gazette/2024/decree-5`,
      httpStatus: 200,
      error: null,
    });
    expect(result.bodySha256).toBe(createHash("sha256").update(gazettePage).digest("hex"));
    expect((await bytesOf(result.bodySha256!)).toString()).toBe(gazettePage);

    const snapshot = (await bytesOf(result.snapshotSha256!)).toString();
    expect(snapshot).toContain("<strong>Captured copy.</strong>");
    expect(snapshot).toContain(`${site.origin}/gazette/2024/decree-5`);
    expect(snapshot).toContain(result.bodySha256!);
    expect(snapshot).toContain("On the rehabilitation of the victims, adopted on 1 March 2024.");
    expect(snapshot).toContain(`href="${site.origin}/gazette/index"`);
    expect(snapshot).toContain("[image: The seal of the Presidium]");
    for (const unsafe of ["<script", "onclick", "javascript:", "<iframe", "/seal.png", "color:red", "color:blue"])
      expect(snapshot).not.toContain(unsafe);

    const files = await database.db
      .select({
        sha256: attachments.sha256,
        role: attachments.role,
        name: attachments.name,
        internal: attachments.internal,
        captureId: attachments.captureId,
        capturedOn: attachments.capturedOn,
      })
      .from(attachments)
      .where(eq(attachments.sourceId, id))
      .orderBy(attachments.position);
    expect(files).toEqual([
      {
        sha256: result.bodySha256,
        role: "capture",
        name: "127.0.0.1 gazette 2024 decree-5.html",
        internal: true,
        captureId: result.id,
        capturedOn: new Date().toISOString().slice(0, 10),
      },
      {
        sha256: result.snapshotSha256,
        role: "snapshot",
        name: "127.0.0.1 gazette 2024 decree-5 (snapshot).html",
        internal: true,
        captureId: result.id,
        capturedOn: new Date().toISOString().slice(0, 10),
      },
    ]);
    const [stored] = await database.db.select().from(storedFiles).where(eq(storedFiles.sha256, result.bodySha256!));
    expect(stored).toMatchObject({ mediaType: "text/html", size: Buffer.byteLength(gazettePage) });
    const [entry] = await database.db.select().from(auditLog).where(eq(auditLog.action, "source.capture"));
    expect(entry).toMatchObject({ targetType: "source", targetId: String(id) });
  });

  test("captures are repeatable and each is kept; the same page again is the same stored file", async () => {
    const id = await sourceAt(`${site.origin}/gazette/2024/decree-5`);
    const first = await capture(id);
    const second = await capture(id);
    expect(second.id).not.toBe(first.id);
    expect(second.bodySha256).toBe(first.bodySha256);
    const listed = await listCaptures(editor, id);
    expect(listed.map((c) => c.id)).toEqual([second.id, first.id]);
    expect(listed[0]!.files.map((f) => f.role)).toEqual(["capture", "snapshot"]);
    expect(listed[0]!.by).toBeTruthy();
  });

  test("a compressed answer is kept decoded; an error page is kept with its status", async () => {
    const gzipped = await capture(await sourceAt(`${site.origin}/gzipped`));
    expect((await bytesOf(gzipped.bodySha256!)).toString()).toBe(gazettePage);
    const gone = await capture(await sourceAt(`${site.origin}/gone`));
    expect(gone).toMatchObject({ httpStatus: 404, error: null });
    expect((await bytesOf(gone.bodySha256!)).toString()).toContain("Page not found");
  });

  test("addresses on this machine or a private network are refused unless the setting allows them", async () => {
    const id = await sourceAt(`${site.origin}/gazette`);
    const refused = await captureSource(editor, id, { store });
    expect(refused).toMatchObject({ httpStatus: null, bodySha256: null, snapshotSha256: null });
    expect(refused.error).toBe(
      "127.0.0.1 is on a private network or this machine; the archive fetches only public addresses.",
    );
    // By name too: the check is on what the name resolves to.
    const byName = await captureSource(editor, await sourceAt(site.origin.replace("127.0.0.1", "localhost")), {
      store,
    });
    expect(byName.error).toMatch(/^localhost \((127\.0\.0\.1|::1)\) is on a private network/);
    const [row] = await database.db.select().from(captures).where(eq(captures.id, refused.id));
    expect(row).toMatchObject({ sourceId: id, error: refused.error, bodySha256: null });
    expect(await database.db.select().from(attachments).where(eq(attachments.captureId, refused.id))).toEqual([]);
  });

  test("what cannot be kept is recorded with the reason: a kind not accepted, too large, too slow, redirects in a loop", async () => {
    const zip = await capture(await sourceAt(`${site.origin}/archive.zip`));
    expect(zip.httpStatus).toBe(200);
    expect(zip.error).toMatch(
      /^The page at 127\.0\.0\.1 cannot be attached: files of this kind \(ZIP\) are not accepted\./,
    );
    const endless = await capture(await sourceAt(`${site.origin}/endless`), { sizeLimitBytes: 5 * 1024 * 1024 });
    expect(endless.error).toBe("The page at 127.0.0.1 is larger than 5.0 MB, the most one file may be.");
    const slow = await capture(await sourceAt(`${site.origin}/slow`), {
      fetch: { allowPrivate: true, timeoutMs: 300 },
    });
    expect(slow.error).toBe("No answer within 0.3 s.");
    const stalls = await capture(await sourceAt(`${site.origin}/stalls`), {
      fetch: { allowPrivate: true, timeoutMs: 300 },
    });
    expect(stalls).toMatchObject({ httpStatus: 200, error: "No answer within 0.3 s." });
    const loop = await capture(await sourceAt(`${site.origin}/loop`));
    expect(loop.error).toBe("More than 5 redirects.");
    const closed = await capture(await sourceAt("http://127.0.0.1:9/"));
    expect(closed.error).toBe("127.0.0.1:9 refused the connection.");
    for (const failed of [zip, endless, slow, stalls, loop, closed]) expect(failed.bodySha256).toBeNull();
  });

  test("only http and https; a source without an address cannot be captured; no one signed out captures", async () => {
    const ftp = await capture(await sourceAt("ftp://gazette.example/decree.pdf"));
    expect(ftp.error).toBe("Only http and https addresses are fetched, not ftp.");
    const blank = await sourceAt("");
    await expect(capture(blank)).rejects.toBeInstanceOf(ValidationError);
    await expect(captureSource(anonymous(database.db), blank, { store })).rejects.toBeInstanceOf(NotAuthenticatedError);
  });
});
