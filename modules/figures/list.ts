import { and, asc, desc, eq, ilike, sql, type SQL } from "drizzle-orm";
import { figures, jurisdictions } from "@/db/schema";
import { likePattern } from "@/lib/text";
import { parseInput } from "@/lib/validation";
import { authorize } from "@/modules/auth/authorize";
import type { Ctx } from "@/modules/auth/context";
import { decodeCursor, encodeCursor, isTimestampKey } from "@/modules/content/cursor";
import { approver, figureColumns, withAccounts, type Figure } from "./read";
import { listFiguresInput } from "./schemas";

export type FigurePage = { figures: Figure[]; nextAfter: string | null };

/**
 * Figures for editors, recently changed first or by label, with every account; keyset pagination
 * in either sort order.
 */
export async function listFigures(ctx: Ctx, input: Record<string, unknown> = {}): Promise<FigurePage> {
  authorize(ctx, "admin.access");
  const { q, jurisdiction, sort, after, limit } = parseInput(listFiguresInput, input);
  const where: SQL[] = [];
  if (q) where.push(ilike(figures.label, likePattern(q)));
  if (jurisdiction) where.push(eq(figures.jurisdictionCode, jurisdiction));
  const cursor = validCursor(decodeCursor(after), sort);
  if (cursor) {
    where.push(
      sort === "label"
        ? sql`(${figures.label}, ${figures.id}) > (${cursor.sortValue.slice(keyPrefix.length)}, ${cursor.id})`
        : sql`(${figures.updatedAt}, ${figures.id}) < (${cursor.sortValue}::timestamptz, ${cursor.id})`,
    );
  }
  const rows = await ctx.db
    .select({
      ...figureColumns,
      // The exact timestamp (microseconds) for the cursor: a JS Date would round it to milliseconds.
      updatedKey: sql<string>`to_char(${figures.updatedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    })
    .from(figures)
    .leftJoin(jurisdictions, eq(jurisdictions.code, figures.jurisdictionCode))
    .leftJoin(approver, eq(approver.id, figures.approvedById))
    .where(and(...where))
    .orderBy(
      ...(sort === "label" ? [asc(figures.label), asc(figures.id)] : [desc(figures.updatedAt), desc(figures.id)]),
    )
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextAfter =
    rows.length > limit && last
      ? encodeCursor(sort === "label" ? `${keyPrefix}${last.label}` : last.updatedKey, last.id)
      : null;
  return {
    figures: await withAccounts(
      ctx,
      page.map(({ updatedKey: _key, ...row }) => row),
    ),
    nextAfter,
  };
}

// A label cursor's sort value is the label behind this prefix, so that no cursor of one sort order
// can pass for the other's: a timestamp read as a label would skip every label sorting before it.
const keyPrefix = "l:";

// A cursor from the other sort order, or edited by hand, starts from the first page instead of failing.
function validCursor(cursor: ReturnType<typeof decodeCursor>, sort: "updated" | "label") {
  // PostgreSQL text cannot hold a NUL character: a hand-made one would reach the query as an error.
  if (!cursor || typeof cursor.sortValue !== "string" || cursor.sortValue.includes("\0")) return null;
  if (sort === "updated" ? !isTimestampKey(cursor.sortValue) : !cursor.sortValue.startsWith(keyPrefix)) return null;
  return { sortValue: cursor.sortValue, id: cursor.id };
}
