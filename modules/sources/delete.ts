import { count, eq } from "drizzle-orm";
import {
  articleSources,
  figureAccounts,
  lawEventAccounts,
  lawPeriodAccounts,
  lawSources,
  lawTextVersions,
  sources,
} from "@/db/schema";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { isRecordId } from "@/lib/validation";
import { audit } from "@/modules/audit/record";
import { authorize } from "@/modules/auth/authorize";
import type { Ctx } from "@/modules/auth/context";
import { assertCanDelete } from "@/modules/content/ownership";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Deletes a source its creator (or an editor) no longer wants, when nothing cites it; otherwise
 * says what still does. Sources are never published on their own, so only ownership matters.
 */
export async function deleteSource(ctx: Ctx, id: number): Promise<void> {
  const actor = authorize(ctx, "content.write");
  if (!isRecordId(id)) throw new NotFoundError("No such source.");
  await ctx.db.transaction(async (tx) => {
    const [source] = await tx
      .select({ title: sources.title, createdById: sources.createdById })
      .from(sources)
      .where(eq(sources.id, id))
      .for("update");
    if (!source) throw new NotFoundError("No such source.");
    assertCanDelete(ctx, { createdById: source.createdById });
    // One after another: a transaction holds one connection, and pg refuses overlapping queries on it.
    const counts: number[] = [];
    for (const query of [
      tx.select({ n: count() }).from(lawSources).where(eq(lawSources.sourceId, id)),
      tx.select({ n: count() }).from(articleSources).where(eq(articleSources.sourceId, id)),
      tx.select({ n: count() }).from(lawEventAccounts).where(eq(lawEventAccounts.sourceId, id)),
      tx.select({ n: count() }).from(lawTextVersions).where(eq(lawTextVersions.sourceId, id)),
      tx.select({ n: count() }).from(figureAccounts).where(eq(figureAccounts.sourceId, id)),
      tx.select({ n: count() }).from(lawPeriodAccounts).where(eq(lawPeriodAccounts.sourceId, id)),
    ]) {
      counts.push((await query)[0]?.n ?? 0);
    }
    const [laws, articles, events, texts, figures, periods] = counts;
    const inUse = [
      laws ? plural(laws, "law", "laws") : "",
      articles ? plural(articles, "article", "articles") : "",
      events ? plural(events, "dated account of a law event", "dated accounts of law events") : "",
      texts ? plural(texts, "law text version", "law text versions") : "",
      figures ? plural(figures, "figure value", "figure values") : "",
      periods ? plural(periods, "account of a law's period", "accounts of laws' periods") : "",
    ].filter(Boolean);
    if (inUse.length > 0) throw new ConflictError(`“${source.title}” is still cited by ${inUse.join(", ")}.`);
    await tx.delete(sources).where(eq(sources.id, id));
    const details = { title: source.title };
    await audit(tx, { actor, action: "source.delete", targetType: "source", targetId: id, ip: ctx.ip, details });
  });
}
