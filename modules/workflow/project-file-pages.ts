import { and, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { filePages, publicAttachments, publicFilePages } from "@/db/schema";
import { foldForSearch } from "@/lib/text";

// Pages written per statement: a long PDF's pages are many, and some are long.
const pagesPerInsert = 100;

/**
 * Keeps the searchable text of files in step with what is public: files public_attachments names
 * get their extracted pages (once read), and files it no longer names lose theirs. Called with
 * the hashes a change touched, inside its transaction.
 */
export async function syncFilePages(tx: Tx, hashes: string[]): Promise<void> {
  const touched = [...new Set(hashes)];
  if (!touched.length) return;
  const stillPublic = (
    await tx
      .selectDistinct({ sha256: publicAttachments.sha256 })
      .from(publicAttachments)
      .where(inArray(publicAttachments.sha256, touched))
  ).map((r) => r.sha256);
  const gone = touched.filter((sha) => !stillPublic.includes(sha));
  if (gone.length) await tx.delete(publicFilePages).where(inArray(publicFilePages.sha256, gone));
  if (!stillPublic.length) return;
  const indexed = (
    await tx
      .selectDistinct({ sha256: publicFilePages.sha256 })
      .from(publicFilePages)
      .where(inArray(publicFilePages.sha256, stillPublic))
  ).map((r) => r.sha256);
  const missing = stillPublic.filter((sha) => !indexed.includes(sha));
  if (!missing.length) return;
  const pages = await tx
    .select({ sha256: filePages.sha256, page: filePages.page, text: filePages.text })
    .from(filePages)
    .where(and(inArray(filePages.sha256, missing), sql`${filePages.text} <> ''`));
  for (let at = 0; at < pages.length; at += pagesPerInsert) {
    await tx.insert(publicFilePages).values(
      pages.slice(at, at + pagesPerInsert).map((p) => ({
        sha256: p.sha256,
        page: p.page,
        body: p.text,
        document: sql`to_tsvector('simple', ${foldForSearch(p.text)})`,
      })),
    );
  }
}

/** The public items that show a file, for expiring their cached pages and search results. */
export async function publicOwnersOf(tx: Tx, sha256: string): Promise<{ type: "law" | "article"; id: number }[]> {
  const rows = await tx
    .selectDistinct({ type: publicAttachments.itemType, id: publicAttachments.itemId })
    .from(publicAttachments)
    .where(eq(publicAttachments.sha256, sha256));
  return rows.flatMap(({ type, id }) => (type === "law" || type === "article" ? [{ type, id }] : []));
}
