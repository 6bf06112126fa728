import { and, desc, eq, ilike, sql, type SQL } from "drizzle-orm";
import { figures, jurisdictions } from "@/db/schema";
import { likePattern } from "@/lib/text";
import { parseInput } from "@/lib/validation";
import { authorize } from "@/modules/auth/authorize";
import type { Ctx } from "@/modules/auth/context";
import { decodeCursor, encodeCursor, isTimestampKey } from "@/modules/content/cursor";
import { figureColumns, withAccounts, type Figure } from "./read";
import { listFiguresInput } from "./schemas";

export type FigurePage = { figures: Figure[]; nextAfter: string | null };

/** Figures for editors, recently changed first, with every account; keyset pagination. */
export async function listFigures(ctx: Ctx, input: Record<string, unknown> = {}): Promise<FigurePage> {
  authorize(ctx, "admin.access");
  const { q, jurisdiction, after, limit } = parseInput(listFiguresInput, input);
  const where: SQL[] = [];
  if (q) where.push(ilike(figures.label, likePattern(q)));
  if (jurisdiction) where.push(eq(figures.jurisdictionCode, jurisdiction));
  const cursor = decodeCursor(after);
  if (cursor && isTimestampKey(cursor.sortValue)) {
    where.push(sql`(${figures.updatedAt}, ${figures.id}) < (${cursor.sortValue}::timestamptz, ${cursor.id})`);
  }
  const rows = await ctx.db
    .select({
      ...figureColumns,
      // The exact timestamp (microseconds) for the cursor: a JS Date would round it to milliseconds.
      updatedKey: sql<string>`to_char(${figures.updatedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    })
    .from(figures)
    .leftJoin(jurisdictions, eq(jurisdictions.code, figures.jurisdictionCode))
    .where(and(...where))
    .orderBy(desc(figures.updatedAt), desc(figures.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextAfter = rows.length > limit && last ? encodeCursor(last.updatedKey, last.id) : null;
  return {
    figures: await withAccounts(
      ctx,
      page.map(({ updatedKey: _key, ...row }) => row),
    ),
    nextAfter,
  };
}
