import { asc, eq, ilike, or } from "drizzle-orm";
import { topics } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { likePattern } from "@/lib/text";
import { parseInput, parseRecordId } from "@/lib/validation";
import { authorize } from "@/modules/auth/authorize";
import type { Ctx } from "@/modules/auth/context";
import { listTopicsInput } from "./schemas";
import { ancestorIds, subtreeIds, treeOrder, type TreeRow } from "./tree";

export type Topic = {
  id: number;
  slug: string;
  name: string;
  description: string;
  parentId: number | null;
  createdById: number | null;
};

/** A row of the list; `match` is false for an ancestor shown only to place a match in the tree. */
export type TopicListRow = TreeRow<Topic> & { match: boolean };
export type TopicList = { rows: TopicListRow[]; total: number; page: number; pageCount: number };

export const topicPageSize = 200;

const columns = {
  id: topics.id,
  slug: topics.slug,
  name: topics.name,
  description: topics.description,
  parentId: topics.parentId,
  createdById: topics.createdById,
};

// Private: callers outside this module go through listTopics or topicParentOptions, which authorize.
function allTopics(ctx: Ctx): Promise<Topic[]> {
  return ctx.db.select(columns).from(topics).orderBy(asc(topics.name));
}

/**
 * The vocabulary as a tree, parents before children. A filter keeps the matches (by name or
 * slug) and the ancestors that place them. Long vocabularies come in pages of 200 rows.
 */
export async function listTopics(ctx: Ctx, input: { q?: string; page?: unknown } = {}): Promise<TopicList> {
  authorize(ctx, "admin.access");
  const { q, page } = parseInput(listTopicsInput, input);
  const all = await allTopics(ctx);
  let visible: TopicListRow[] = treeOrder(all).map((row) => ({ ...row, match: true }));
  if (q) {
    const pattern = likePattern(q);
    const matches = await ctx.db
      .select({ id: topics.id })
      .from(topics)
      .where(or(ilike(topics.name, pattern), ilike(topics.slug, pattern)));
    const matched = new Set(matches.map((m) => m.id));
    const shown = new Set([...matched].flatMap((id) => [id, ...ancestorIds(all, id)]));
    visible = visible.filter((row) => shown.has(row.id)).map((row) => ({ ...row, match: matched.has(row.id) }));
  }
  const pageCount = Math.max(1, Math.ceil(visible.length / topicPageSize));
  const current = Math.min(page, pageCount);
  return {
    rows: visible.slice((current - 1) * topicPageSize, current * topicPageSize),
    total: visible.length,
    page: current,
    pageCount,
  };
}

export async function getTopic(ctx: Ctx, id: number | string): Promise<Topic> {
  authorize(ctx, "admin.access");
  const key = parseRecordId(id);
  if (key === null) throw new NotFoundError("No such topic.");
  const [row] = await ctx.db.select(columns).from(topics).where(eq(topics.id, key));
  if (!row) throw new NotFoundError("No such topic.");
  return row;
}

/**
 * The topics a topic may be placed under, as a tree for a select: every other topic except its
 * own descendants (which would make a cycle).
 */
export async function topicParentOptions(
  ctx: Ctx,
  exceptId?: number,
): Promise<{ value: string; label: string; depth: number }[]> {
  authorize(ctx, "admin.access");
  const all = await allTopics(ctx);
  const excluded = exceptId === undefined ? new Set<number>() : subtreeIds(all, exceptId);
  return treeOrder(all)
    .filter((row) => !excluded.has(row.id))
    .map((row) => ({ value: String(row.id), label: row.name, depth: row.depth }));
}
