import { asc, eq, exists, sql } from "drizzle-orm";
import { articleLaws, laws } from "@/db/schema";
import { authorize } from "@/modules/auth/authorize";
import type { Ctx } from "@/modules/auth/context";
import { languageName } from "@/lib/language";
import { parseRecordId } from "@/lib/validation";

export type FacetOption = { value: string; label: string };

/**
 * The laws the list can be narrowed to: those some article discusses, by title, capped so that
 * the select stays usable (the current choice is always offered).
 */
export async function discussedLawOptions(ctx: Ctx, current?: string, limit = 200): Promise<FacetOption[]> {
  authorize(ctx, "admin.access");
  const currentId = parseRecordId(current);
  const discussed = exists(
    ctx.db
      .select({ one: sql`1` })
      .from(articleLaws)
      .where(eq(articleLaws.lawId, laws.id)),
  );
  const columns = { id: laws.id, title: laws.title, jurisdictionCode: laws.jurisdictionCode };
  const rows = await ctx.db
    .select(columns)
    .from(laws)
    .where(discussed)
    .orderBy(asc(laws.title), asc(laws.id))
    .limit(limit);
  if (currentId && !rows.some((r) => r.id === currentId))
    rows.unshift(...(await ctx.db.select(columns).from(laws).where(eq(laws.id, currentId))));
  return rows.map((r) => ({ value: String(r.id), label: `${r.title} (${r.jurisdictionCode})` }));
}

/** Languages offered in the list's filter: the archive's usual ones, plus the current choice. */
const usualLanguages = ["en", "ru", "ky", "kk", "uz", "tg", "tk", "tr", "de", "fr"];

export function languageOptions(current?: string): FacetOption[] {
  const codes = current && !usualLanguages.includes(current) ? [...usualLanguages, current] : usualLanguages;
  return codes.map((code) => ({ value: code, label: `${languageName(code)} (${code})` }));
}

export { languageName };
