import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db";
import { publicAttachments, publicFilePages } from "@/db/schema";
import { snippet, type SnippetPart } from "@/lib/search/snippet";
import { acceptedMediaTypes, isAcceptedMediaType } from "@/lib/files/media-types";
import { fileHref } from "./attachments";

/** Where in an item's documents a search found its words: the file, the page, and the words around them. */
export type FoundIn = {
  name: string;
  mediaType: string;
  /** What the file is, as the result names it: "PDF", "Word document (DOCX)"… */
  kind: string;
  /** The page of a PDF; null for files without pages. */
  page: number | null;
  /** The file, opened at that page. */
  href: string;
  snippet: SnippetPart[];
};

/**
 * For the items of a results page, the best-matching page of their public files, if any: what
 * lets a result say "found in the attached PDF, page 3" and open it there.
 */
export async function fileMatches(
  db: Db,
  items: { type: string; id: number }[],
  tsquery: SQL,
  stems: string[],
): Promise<Map<string, FoundIn>> {
  const found = new Map<string, FoundIn>();
  const owners = items.filter((i) => i.type === "law" || i.type === "article");
  if (!owners.length) return found;
  const { rows } = await db.execute<{
    item_type: string;
    item_id: number;
    sha256: string;
    name: string;
    media_type: string;
    page: number;
    body: string;
  }>(sql`select distinct on (a.item_type, a.item_id) a.item_type, a.item_id, a.sha256, a.name, a.media_type, p.page, p.body
    from ${publicFilePages} p join ${publicAttachments} a on a.sha256 = p.sha256
    where (a.item_type::text, a.item_id) in (${sql.join(
      owners.map((o) => sql`(${o.type}, ${o.id})`),
      sql`, `,
    )}) and p.document @@ ${tsquery}
    order by a.item_type, a.item_id, ts_rank(p.document, ${tsquery}) desc, a.position, p.page`);
  for (const row of rows) {
    const paged = row.media_type === "application/pdf";
    found.set(`${row.item_type}:${row.item_id}`, {
      name: row.name,
      mediaType: row.media_type,
      kind: isAcceptedMediaType(row.media_type) ? acceptedMediaTypes[row.media_type].label : "document",
      page: paged ? Number(row.page) : null,
      href: fileHref(row.sha256, row.name) + (paged ? `#page=${row.page}` : ""),
      snippet: snippet(row.body, stems),
    });
  }
  return found;
}
