import { inArray } from "drizzle-orm";
import { agents, jurisdictions, laws, sources, topics } from "@/db/schema";
import { toIsoPartial } from "@/lib/partial-date";
import type { Ctx } from "@/modules/auth/context";
import { writeAttachments } from "@/modules/attachments/snapshot";
import { revisionSnapshot } from "@/modules/workflow/history";
import { updateArticle } from "./save";
import { parseArticleSnapshot } from "./snapshot-schema";

/**
 * Makes an old revision of an article its working revision again, as a new revision. Links to
 * records deleted since (an author, a law, a source…) are dropped rather than failing the restore;
 * its attached files come back as they were.
 */
export async function restoreArticleRevision(ctx: Ctx, id: number, number: number, baseRevision: unknown) {
  const old = parseArticleSnapshot(await revisionSnapshot(ctx, "article", id, number));
  const ids = async (table: typeof agents | typeof laws | typeof topics | typeof sources, wanted: number[]) => {
    if (wanted.length === 0) return () => false;
    const rows = await ctx.db.select({ id: table.id }).from(table).where(inArray(table.id, wanted));
    const found = new Set(rows.map((r) => r.id));
    return (x: number) => found.has(x);
  };
  const agent = await ids(agents, [
    ...old.authors.map((a) => a.id),
    ...(old.publisher ? [old.publisher.id] : []),
    ...(old.creditedAgent ? [old.creditedAgent.id] : []),
  ]);
  const law = await ids(
    laws,
    old.laws.map((l) => l.id),
  );
  const topic = await ids(
    topics,
    old.topics.map((t) => t.id),
  );
  const source = await ids(
    sources,
    old.sources.map((s) => s.id),
  );
  const codes = old.jurisdictions.map((j) => j.code);
  const knownCodes = codes.length
    ? new Set(
        (
          await ctx.db
            .select({ code: jurisdictions.code })
            .from(jurisdictions)
            .where(inArray(jurisdictions.code, codes))
        ).map((j) => j.code),
      )
    : new Set<string>();
  return updateArticle(
    ctx,
    id,
    {
      baseRevision,
      kind: old.kind,
      title: old.title,
      body: old.body,
      lang: old.lang,
      slug: old.slug,
      authorIds: old.authors.map((a) => a.id).filter(agent),
      publisherId: old.publisher && agent(old.publisher.id) ? old.publisher.id : "",
      creditedAgentId: old.creditedAgent && agent(old.creditedAgent.id) ? old.creditedAgent.id : "",
      originalDate: old.originalDate ? toIsoPartial(old.originalDate) : "",
      originalUrl: old.originalUrl,
      lawIds: old.laws.map((l) => l.id).filter(law),
      topicIds: old.topics.map((t) => t.id).filter(topic),
      jurisdictionCodes: codes.filter((c) => knownCodes.has(c)),
      sourceIds: old.sources.map((s) => s.id).filter(source),
    },
    {
      message: `Restored revision ${number}`,
      alsoWrite: (tx) =>
        writeAttachments(tx, { type: "article", id }, old.attachments, ctx.actor?.id ?? null, new Set()),
    },
  );
}
