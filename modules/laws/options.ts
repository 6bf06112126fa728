import { and, asc, desc, ilike, inArray, ne, sql, type SQL } from "drizzle-orm";
import { laws, lawTitles } from "@/db/schema";
import { likePattern } from "@/lib/text";
import { isRecordId } from "@/lib/validation";
import { authorize } from "@/modules/auth/authorize";
import type { Ctx } from "@/modules/auth/context";
import { lawStatusLabels } from "./labels";

export type LawOption = { value: string; label: string; hint: string };

/**
 * Laws for a picker, found by any of their titles in any language. Titles that start with the
 * query come first; with no query, the most recently changed laws.
 */
export async function searchLawOptions(
  ctx: Ctx,
  q: string,
  { exceptId, limit = 10 }: { exceptId?: number; limit?: number } = {},
): Promise<LawOption[]> {
  authorize(ctx, "admin.access");
  const query = String(q ?? "")
    .trim()
    .slice(0, 200);
  const where: SQL[] = [];
  if (query) {
    const pattern = likePattern(query);
    // A union of two lookups, each served by its trigram index, rather than an OR across tables.
    const matching = ctx.db
      .select({ id: laws.id })
      .from(laws)
      .where(ilike(laws.title, pattern))
      .union(ctx.db.select({ id: lawTitles.lawId }).from(lawTitles).where(ilike(lawTitles.title, pattern)));
    where.push(inArray(laws.id, matching));
  }
  if (isRecordId(exceptId)) where.push(ne(laws.id, exceptId));
  const prefix = likePattern(query).slice(1);
  const rows = await ctx.db
    .select({ id: laws.id, title: laws.title, jurisdictionCode: laws.jurisdictionCode, status: laws.status })
    .from(laws)
    .where(and(...where))
    .orderBy(
      ...(query
        ? [sql`case when ${laws.title} ilike ${prefix} then 0 else 1 end`, asc(laws.title), asc(laws.id)]
        : [desc(laws.updatedAt), desc(laws.id)]),
    )
    .limit(Math.min(Math.max(1, Math.trunc(limit) || 10), 50));
  return rows.map((r) => ({
    value: String(r.id),
    label: r.title,
    hint: `${r.jurisdictionCode} · ${lawStatusLabels[r.status]}`,
  }));
}
