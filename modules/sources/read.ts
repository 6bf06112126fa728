import { and, asc, desc, eq, ilike, ne, or, sql, type SQL } from "drizzle-orm";
import { agents, sources } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { likePattern } from "@/lib/text";
import { parseInput, parseRecordId } from "@/lib/validation";
import { authorize } from "@/modules/auth/authorize";
import type { Ctx } from "@/modules/auth/context";
import { decodeCursor, encodeCursor, isTimestampKey } from "@/modules/content/cursor";
import { listSourcesInput } from "./schemas";

export type Source = {
  id: number;
  title: string;
  url: string;
  archivedUrl: string;
  accessedOn: string | null;
  publisherId: number | null;
  publisherName: string | null;
  note: string;
  createdById: number | null;
  updatedAt: Date;
};

export type SourcePage = { sources: Source[]; nextAfter: string | null };

const columns = {
  id: sources.id,
  title: sources.title,
  url: sources.url,
  archivedUrl: sources.archivedUrl,
  accessedOn: sources.accessedOn,
  publisherId: sources.publisherId,
  publisherName: agents.preferredName,
  note: sources.note,
  createdById: sources.createdById,
  updatedAt: sources.updatedAt,
};

// The exact timestamp (microseconds) for the cursor: a JS Date would round it to milliseconds
// and the next page would skip rows saved within the same millisecond.
const updatedKey = sql<string>`to_char(${sources.updatedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * Sources, most recently changed first or by title, filtered by title or address and by facets,
 * 50 to a page (keyset pagination in either sort order).
 */
export async function listSources(ctx: Ctx, input: Record<string, unknown> = {}): Promise<SourcePage> {
  const actor = authorize(ctx, "admin.access");
  const { q, archived, mine, sort, after, limit } = parseInput(listSourcesInput, input);
  const where: SQL[] = [];
  if (q) where.push(or(ilike(sources.title, likePattern(q)), ilike(sources.url, likePattern(q)))!);
  if (archived) where.push(archived === "yes" ? ne(sources.archivedUrl, "") : eq(sources.archivedUrl, ""));
  if (mine) where.push(actor.id === null ? sql`false` : eq(sources.createdById, actor.id));
  const cursor = validCursor(decodeCursor(after), sort);
  if (cursor) {
    where.push(
      sort === "title"
        ? sql`(${sources.title}, ${sources.id}) > (${cursor.sortValue.slice(keyPrefix.length)}, ${cursor.id})`
        : sql`(${sources.updatedAt}, ${sources.id}) < (${cursor.sortValue}::timestamptz, ${cursor.id})`,
    );
  }
  const rows = await ctx.db
    .select({ ...columns, updatedKey })
    .from(sources)
    .leftJoin(agents, eq(agents.id, sources.publisherId))
    .where(and(...where))
    .orderBy(
      ...(sort === "title" ? [asc(sources.title), asc(sources.id)] : [desc(sources.updatedAt), desc(sources.id)]),
    )
    .limit(limit + 1);
  const page = rows.slice(0, limit).map(({ updatedKey: _key, ...row }) => row);
  const last = rows[limit - 1];
  const nextAfter =
    rows.length > limit && last
      ? encodeCursor(sort === "title" ? `${keyPrefix}${last.title}` : last.updatedKey, last.id)
      : null;
  return { sources: page, nextAfter };
}

// A title cursor's sort value is the title behind this prefix, so that no cursor of one sort order
// can pass for the other's: a timestamp read as a title would skip every title sorting before it.
const keyPrefix = "t:";

// A cursor from the other sort order, or edited by hand, starts from the first page instead of failing.
function validCursor(cursor: ReturnType<typeof decodeCursor>, sort: "updated" | "title") {
  // PostgreSQL text cannot hold a NUL character: a hand-made one would reach the query as an error.
  if (!cursor || typeof cursor.sortValue !== "string" || cursor.sortValue.includes("\0")) return null;
  if (sort === "updated" ? !isTimestampKey(cursor.sortValue) : !cursor.sortValue.startsWith(keyPrefix)) return null;
  return { sortValue: cursor.sortValue, id: cursor.id };
}

export async function getSource(ctx: Ctx, id: number | string): Promise<Source> {
  authorize(ctx, "admin.access");
  const key = parseRecordId(id);
  if (key === null) throw new NotFoundError("No such source.");
  const [row] = await ctx.db
    .select(columns)
    .from(sources)
    .leftJoin(agents, eq(agents.id, sources.publisherId))
    .where(eq(sources.id, key));
  if (!row) throw new NotFoundError("No such source.");
  return row;
}
