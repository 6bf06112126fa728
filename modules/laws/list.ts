import { and, asc, desc, eq, ilike, sql, type SQL } from "drizzle-orm";
import { editorialItems, laws } from "@/db/schema";
import type { LawStatus, LawType, ReviewState, Visibility } from "@/db/schema/enums";
import { foldForSearch, likePattern } from "@/lib/text";
import { parseInput } from "@/lib/validation";
import { authorize } from "@/modules/auth/authorize";
import type { Ctx } from "@/modules/auth/context";
import { decodeCursor, encodeCursor, isTimestampKey } from "@/modules/content/cursor";
import { listLawsInput } from "./schemas";

export type LawListItem = {
  id: number;
  slug: string;
  jurisdictionCode: string;
  type: LawType;
  status: LawStatus;
  title: string;
  updatedAt: Date;
  review: ReviewState | null;
  visibility: Visibility | null;
};

export type LawPage = { laws: LawListItem[]; nextAfter: string | null };

/**
 * The editors' list of laws: a text filter over every title and identifier (trigram indexes),
 * facets, and keyset pagination in either sort order.
 */
export async function listLaws(ctx: Ctx, input: Record<string, unknown> = {}): Promise<LawPage> {
  authorize(ctx, "admin.access");
  const { q, jurisdiction, status, type, sort, after, limit } = parseInput(listLawsInput, input);
  const where: SQL[] = [];
  if (q) {
    // Folded like the stored text, so a Cyrillic query finds a Latin title and back; a query with
    // nothing searchable left (only punctuation) matches nothing rather than everything.
    const folded = foldForSearch(q);
    where.push(folded ? ilike(laws.searchText, likePattern(folded)) : sql`false`);
  }
  if (jurisdiction) where.push(eq(laws.jurisdictionCode, jurisdiction));
  if (status) where.push(eq(laws.status, status));
  if (type) where.push(eq(laws.type, type));
  const cursor = validCursor(decodeCursor(after), sort);
  if (cursor) {
    where.push(
      sort === "title"
        ? sql`(${laws.title}, ${laws.id}) > (${String(cursor.sortValue)}, ${cursor.id})`
        : sql`(${laws.updatedAt}, ${laws.id}) < (${String(cursor.sortValue)}::timestamptz, ${cursor.id})`,
    );
  }
  const rows = await ctx.db
    .select({
      id: laws.id,
      slug: laws.slug,
      jurisdictionCode: laws.jurisdictionCode,
      type: laws.type,
      status: laws.status,
      title: laws.title,
      updatedAt: laws.updatedAt,
      review: editorialItems.review,
      visibility: editorialItems.visibility,
      // The exact timestamp (microseconds) for the cursor: a JS Date would round it to milliseconds.
      updatedKey: sql<string>`to_char(${laws.updatedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    })
    .from(laws)
    .leftJoin(editorialItems, and(eq(editorialItems.itemType, "law"), eq(editorialItems.itemId, laws.id)))
    .where(and(...where))
    .orderBy(...(sort === "title" ? [asc(laws.title), asc(laws.id)] : [desc(laws.updatedAt), desc(laws.id)]))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextAfter =
    rows.length > limit && last ? encodeCursor(sort === "title" ? last.title : last.updatedKey, last.id) : null;
  return { laws: page, nextAfter };
}

// A cursor from another sort order, or edited by hand, starts from the first page instead of failing.
function validCursor(cursor: ReturnType<typeof decodeCursor>, sort: "updated" | "title") {
  if (!cursor || cursor.id < 1 || cursor.id > 2_147_483_647 || typeof cursor.sortValue !== "string") return null;
  if (sort === "updated" && !isTimestampKey(cursor.sortValue)) return null;
  // A cursor from the other order would otherwise be read as a title and skip what sorts before it.
  if (sort === "title" && isTimestampKey(cursor.sortValue)) return null;
  return cursor;
}
