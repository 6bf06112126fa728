import { and, eq, ilike, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { editorialItems, laws, revisions, users } from "@/db/schema";
import type { LawStatus, LawType, ReviewState, Visibility } from "@/db/schema/enums";
import { lawStatuses } from "@/db/schema/vocabulary";
import type { SortDirection } from "@/lib/list-query";
import { foldForSearch, likePattern } from "@/lib/text";
import { parseInput } from "@/lib/validation";
import { authorize } from "@/modules/auth/authorize";
import type { Ctx } from "@/modules/auth/context";
import { isTimestampKey } from "@/modules/content/cursor";
import { keysetPage, type SortKey } from "@/modules/content/keyset";
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

export type LawPage = { laws: LawListItem[]; nextAfter: string | null; sort: LawSort; dir: SortDirection };

const working = alias(revisions, "working");
const editor = alias(users, "last_editor");
const assignee = alias(users, "assignee");

type Row = Awaited<ReturnType<typeof select>>[number];

const sortKeys: Record<LawSort, SortKey<Row>> = {
  title: { column: laws.title, dir: "asc", value: (law) => law.title },
  jurisdiction: { column: laws.jurisdictionCode, dir: "asc", value: (law) => law.jurisdictionCode },
  // Enum order: the law's life (bill, adopted, in force, amended, repealed), not the alphabet.
  status: {
    column: laws.status,
    dir: "asc",
    cast: "::law_status",
    accepts: (value) => (lawStatuses as readonly string[]).includes(value),
    value: (law) => law.status,
  },
  updated: {
    column: laws.updatedAt,
    dir: "desc",
    cast: "::timestamptz",
    accepts: isTimestampKey,
    value: (law) => law.updatedKey,
  },
};

/**
 * The editors' list of laws: a text filter over every title and identifier (trigram indexes),
 * facets, and keyset pagination in any sort order and direction, the id breaking ties.
 */
export async function listLaws(ctx: Ctx, input: Record<string, unknown> = {}): Promise<LawPage> {
  authorize(ctx, "admin.access");
  const { q, jurisdiction, status, type, ...paging } = parseInput(listLawsInput, input);
  const filters: SQL[] = [];
  if (q) {
    // Folded like the stored text, so a Cyrillic query finds a Latin title and back; a query with
    // nothing searchable left (only punctuation) matches nothing rather than everything.
    const folded = foldForSearch(q);
    filters.push(folded ? ilike(laws.searchText, likePattern(folded)) : sql`false`);
  }
  if (jurisdiction) filters.push(eq(laws.jurisdictionCode, jurisdiction));
  if (status) filters.push(eq(laws.status, status));
  if (type) filters.push(eq(laws.type, type));
  const { rows, ...page } = await keysetPage({
    sorts: sortKeys,
    id: laws.id,
    ...paging,
    filters,
    select: (where, order, n) => select(ctx, where, order, n),
  });
  return { ...page, laws: rows.map(({ updatedKey: _, ...law }) => law) };
}

function select(ctx: Ctx, where: SQL | undefined, order: SQL[], limit: number) {
  return ctx.db
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
    .where(where)
    .orderBy(...order)
    .limit(limit);
}
