import { and, asc, desc, eq, ilike, sql, type SQL } from "drizzle-orm";
import { alias, type AnyPgColumn } from "drizzle-orm/pg-core";
import { editorialItems, laws, revisions, users } from "@/db/schema";
import type { LawStatus, LawType, ReviewState, Visibility } from "@/db/schema/enums";
import { lawStatuses } from "@/db/schema/vocabulary";
import { foldForSearch, likePattern } from "@/lib/text";
import { parseInput } from "@/lib/validation";
import { authorize } from "@/modules/auth/authorize";
import type { Ctx } from "@/modules/auth/context";
import { decodeCursor, encodeCursor, isTimestampKey } from "@/modules/content/cursor";
import { listLawsInput, type LawSort } from "./schemas";

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
  /** The working revision: bulk moves show it as the base the editor saw. */
  workingRevisionId: number | null;
  /** Who saved the working revision; "Command line" for a script, null for an item never revised. */
  lastEditor: string | null;
  /** The reviewer it is assigned to (modules/workflow/assign.ts), if any. */
  assignedTo: string | null;
};

export type SortDirection = "asc" | "desc";
export type LawPage = { laws: LawListItem[]; nextAfter: string | null; sort: LawSort; dir: SortDirection };

const working = alias(revisions, "working");
const editor = alias(users, "last_editor");
const assignee = alias(users, "assignee");

/** Each sort's column, its cast for a cursor value, and its natural direction. */
const sortKeys: Record<LawSort, { column: AnyPgColumn; cast: string; dir: SortDirection }> = {
  title: { column: laws.title, cast: "", dir: "asc" },
  jurisdiction: { column: laws.jurisdictionCode, cast: "", dir: "asc" },
  // Enum order: the law's life (bill, adopted, in force, amended, repealed), not the alphabet.
  status: { column: laws.status, cast: "::law_status", dir: "asc" },
  updated: { column: laws.updatedAt, cast: "::timestamptz", dir: "desc" },
};

/**
 * The editors' list of laws: a text filter over every title and identifier (trigram indexes),
 * facets, and keyset pagination in any sort order and direction, the id breaking ties.
 */
export async function listLaws(ctx: Ctx, input: Record<string, unknown> = {}): Promise<LawPage> {
  authorize(ctx, "admin.access");
  const { q, jurisdiction, status, type, sort, after, limit, ...rest } = parseInput(listLawsInput, input);
  const key = sortKeys[sort];
  const dir = rest.dir ?? key.dir;
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
  const cursor = validCursor(decodeCursor(after), sort, dir);
  if (cursor) {
    const value = sql`${cursor.value}${sql.raw(key.cast)}`;
    where.push(
      dir === "asc"
        ? sql`(${key.column}, ${laws.id}) > (${value}, ${cursor.id})`
        : sql`(${key.column}, ${laws.id}) < (${value}, ${cursor.id})`,
    );
  }
  const order = dir === "asc" ? asc : desc;
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
      workingRevisionId: editorialItems.workingRevisionId,
      // One join, not a query per row: the author of the working revision is the last to save it.
      lastEditor: sql<
        string | null
      >`case when ${working.id} is null then null else coalesce(${editor.name}, 'Command line') end`,
      assignedTo: assignee.name,
      // The exact timestamp (microseconds) for the cursor: a JS Date would round it to milliseconds.
      updatedKey: sql<string>`to_char(${laws.updatedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    })
    .from(laws)
    .leftJoin(editorialItems, and(eq(editorialItems.itemType, "law"), eq(editorialItems.itemId, laws.id)))
    .leftJoin(working, eq(working.id, editorialItems.workingRevisionId))
    .leftJoin(editor, eq(editor.id, working.authorId))
    .leftJoin(assignee, eq(assignee.id, editorialItems.assignedToId))
    .where(and(...where))
    .orderBy(order(key.column), order(laws.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit).map(({ updatedKey: _, ...law }) => law);
  const last = rows[limit - 1];
  const nextAfter =
    rows.length > limit && last ? encodeCursor(`${sort}.${dir}:${cursorValue(sort, last)}`, last.id) : null;
  return { laws: page, nextAfter, sort, dir };
}

function cursorValue(
  sort: LawSort,
  row: { title: string; jurisdictionCode: string; status: string; updatedKey: string },
) {
  if (sort === "title") return row.title;
  if (sort === "jurisdiction") return row.jurisdictionCode;
  if (sort === "status") return row.status;
  return row.updatedKey;
}

/**
 * A cursor names its sort and direction, so one from another order, or edited by hand, starts
 * from the first page instead of skipping rows or failing on a value the column cannot hold.
 */
function validCursor(cursor: ReturnType<typeof decodeCursor>, sort: LawSort, dir: SortDirection) {
  if (!cursor || cursor.id < 1 || cursor.id > 2_147_483_647 || typeof cursor.sortValue !== "string") return null;
  const prefix = `${sort}.${dir}:`;
  if (!cursor.sortValue.startsWith(prefix)) return null;
  const value = cursor.sortValue.slice(prefix.length);
  if (sort === "updated" && !isTimestampKey(value)) return null;
  if (sort === "status" && !(lawStatuses as readonly string[]).includes(value)) return null;
  return { value, id: cursor.id };
}
