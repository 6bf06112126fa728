import { count, eq } from "drizzle-orm";
import { articleJurisdictions, figures, jurisdictions, laws } from "@/db/schema";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { audit } from "@/modules/audit/record";
import { authorize } from "@/modules/auth/authorize";
import type { Ctx } from "@/modules/auth/context";
import { publicationCommitted } from "@/modules/workflow/publication-committed";
import { tickPublicationClock } from "@/modules/workflow/publication-clock";
import { vocabularyTags } from "@/modules/workflow/publication-tags";
import { getJurisdiction } from "./read";

/**
 * Deletes a jurisdiction nothing refers to; otherwise says what still does. The row is locked
 * first, so that no law, article or figure can start referring to it before the delete, and the
 * uses are counted after the lock, so that a save the lock waited for is counted too.
 */
export async function deleteJurisdiction(ctx: Ctx, code: string): Promise<void> {
  const actor = authorize(ctx, "vocabulary.manage");
  const { code: key } = await getJurisdiction(ctx, code);
  await ctx.db.transaction(async (tx) => {
    const [locked] = await tx
      .select({ code: jurisdictions.code })
      .from(jurisdictions)
      .where(eq(jurisdictions.code, key))
      .for("update");
    if (!locked) throw new NotFoundError("No such jurisdiction.");
    // One after another: a transaction's connection runs one query at a time.
    const [l] = await tx.select({ n: count() }).from(laws).where(eq(laws.jurisdictionCode, key));
    const [a] = await tx
      .select({ n: count() })
      .from(articleJurisdictions)
      .where(eq(articleJurisdictions.jurisdictionCode, key));
    const [f] = await tx.select({ n: count() }).from(figures).where(eq(figures.jurisdictionCode, key));
    const uses = [
      [l?.n ?? 0, "law"],
      [a?.n ?? 0, "article"],
      [f?.n ?? 0, "figure"],
    ] as const;
    const inUse = uses.filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}${n === 1 ? "" : "s"}`);
    if (inUse.length > 0) throw new ConflictError(`${key} is still used by ${inUse.join(", ")}.`);
    await tx.delete(jurisdictions).where(eq(jurisdictions.code, key));
    await audit(tx, { actor, action: "jurisdiction.delete", targetType: "jurisdiction", targetId: key, ip: ctx.ip });
    await tickPublicationClock(tx, vocabularyTags);
  });
  publicationCommitted();
}
