import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { filePages, publicAttachments, storedFiles } from "@/db/schema";
import { loggable } from "@/lib/describe-error";
import { itemTag, listTag } from "@/modules/public/cache-tags";
import { publicationCommitted } from "@/modules/workflow/publication-committed";
import { tickPublicationClock } from "@/modules/workflow/publication-clock";
import { publicOwnersOf, syncFilePages } from "@/modules/workflow/project-file-pages";
import { extractText } from "./extract";
import { fileStore, type FileStore } from "./storage";
import { storeDerived } from "./store-derived";
import { isImage, makeThumbnail } from "./thumbnail";

// A claim older than this was left by a process that stopped mid-file: the file is tried again.
const abandonedAfterMs = 10 * 60_000;
const attemptsAllowed = 3;
// What a page may keep of its text: PostgreSQL's full-text index takes about 1 MB of words a row.
const pageTextLimit = 200_000;

/**
 * Reads the text of stored files waiting for it (and makes images' thumbnails), one file at a
 * time, oldest first: claimed under a row lock (so two instances never read one file twice),
 * parsed outside any transaction, and written back in a short one. A file that fails three times is marked failed, with the reason.
 * Answers how many files it finished.
 */
export async function extractPending(db: Db, store: FileStore = fileStore(), limit = 4): Promise<number> {
  let finished = 0;
  for (let i = 0; i < limit; i++) {
    const claimed = await claimNext(db);
    if (!claimed) break;
    await extractOne(db, store, claimed);
    finished++;
  }
  return finished;
}

/** Reads one stored file's text now, whatever else waits (the demo's document, so that it is searchable at once). */
export async function extractNow(db: Db, sha256: string, store: FileStore = fileStore()): Promise<void> {
  const [file] = await db
    .update(storedFiles)
    .set({
      extraction: "running",
      extractionStartedAt: new Date(),
      extractionAttempts: sql`${storedFiles.extractionAttempts} + 1`,
    })
    .where(eq(storedFiles.sha256, sha256))
    .returning({ mediaType: storedFiles.mediaType, attempts: storedFiles.extractionAttempts });
  if (file) await extractOne(db, store, { sha256, ...file });
}

async function claimNext(db: Db) {
  const abandoned = new Date(Date.now() - abandonedAfterMs);
  const { rows } = await db.execute<{ sha256: string; media_type: string; extraction_attempts: number }>(sql`
    update stored_files set extraction = 'running', extraction_started_at = now(), extraction_attempts = extraction_attempts + 1
    where sha256 = (
      select sha256 from stored_files
      where extraction = 'pending' or (extraction = 'running' and extraction_started_at < ${abandoned})
      order by created_at, sha256
      limit 1
      for update skip locked
    )
    returning sha256, media_type, extraction_attempts`);
  const row = rows[0];
  return row ? { sha256: row.sha256, mediaType: row.media_type, attempts: Number(row.extraction_attempts) } : null;
}

async function extractOne(db: Db, store: FileStore, file: { sha256: string; mediaType: string; attempts: number }) {
  let madePublic = false;
  try {
    const stream = await store.read(file.sha256);
    if (!stream) throw new Error("The file is missing from the file store.");
    const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    const found = await extractText(file.mediaType, bytes);
    const thumbnail = isImage(file.mediaType)
      ? await storeDerived(db, store, {
          bytes: await makeThumbnail(bytes),
          mediaType: "image/webp",
          extraction: "unsupported",
        })
      : null;
    await db.transaction(async (tx) => {
      await tx.delete(filePages).where(eq(filePages.sha256, file.sha256));
      const pages = (found?.pages ?? []).map((text, index) => ({
        sha256: file.sha256,
        page: index + 1,
        text: text.slice(0, pageTextLimit),
        method: file.mediaType === "application/pdf" ? ("text_layer" as const) : ("markup" as const),
      }));
      for (let at = 0; at < pages.length; at += 500) await tx.insert(filePages).values(pages.slice(at, at + 500));
      await tx
        .update(storedFiles)
        .set({
          extraction: found === null ? "unsupported" : found.textLayer ? "done" : "no_text",
          textLayer: found?.textLayer ?? null,
          pageCount: found && file.mediaType === "application/pdf" ? found.pageCount : sql`${storedFiles.pageCount}`,
          thumbnailSha256: thumbnail ?? sql`${storedFiles.thumbnailSha256}`,
          extractedAt: new Date(),
          extractionError: null,
        })
        .where(eq(storedFiles.sha256, file.sha256));
      // Published before its text was read: the text joins search now, the thumbnail the page.
      const owners = await publicOwnersOf(tx, file.sha256);
      if (owners.length) {
        await syncFilePages(tx, [file.sha256]);
        if (thumbnail) {
          await tx
            .update(publicAttachments)
            .set({ thumbnailSha256: thumbnail })
            .where(eq(publicAttachments.sha256, file.sha256));
        }
        // Their search results, and (for a thumbnail) their own pages.
        const tags = new Set(owners.flatMap((owner) => [listTag(owner.type), itemTag(owner.type, owner.id)]));
        await tickPublicationClock(tx, [...tags]);
        madePublic = true;
      }
    });
    if (madePublic) publicationCommitted();
  } catch (error) {
    console.error(`Reading the text of ${file.sha256} failed:`, loggable(error));
    await db
      .update(storedFiles)
      .set({
        extraction: file.attempts >= attemptsAllowed ? "failed" : "pending",
        extractionError: error instanceof Error ? error.message.slice(0, 500) : "Unknown error",
      })
      .where(eq(storedFiles.sha256, file.sha256));
  }
}

let nudge: (() => void) | null = null;

/**
 * Reads waiting files now and then every `everyMs`, in this process, for as long as it lives:
 * what uploads leave behind, and what a stopped process left half done.
 */
export function startExtraction(db: Db, everyMs = 5_000): () => void {
  let running = false;
  let again = false;
  const tick = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        while ((await extractPending(db)) > 0);
      } while (again);
    } catch (error) {
      console.error("Reading files' text failed; will retry:", loggable(error));
    } finally {
      running = false;
    }
  };
  nudge = () => void tick();
  void tick();
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    nudge = null;
  };
}

/** After an upload: read it now rather than at the next tick. */
export function nudgeExtraction(): void {
  nudge?.();
}
