import { toIsoPartial } from "@/lib/partial-date";
import type { Ctx } from "@/modules/auth/context";
import { revisionSnapshot } from "@/modules/workflow/history";
import { updateArticle } from "./save";
import type { ArticleSnapshot } from "./snapshot";

/** Makes an old revision of an article its working revision again, as a new revision. */
export async function restoreArticleRevision(ctx: Ctx, id: number, number: number, baseRevision: unknown) {
  const old = (await revisionSnapshot(ctx, "article", id, number)) as ArticleSnapshot;
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
      authorIds: old.authors.map((a) => a.id),
      publisherId: old.publisher?.id ?? "",
      creditedAgentId: old.creditedAgent?.id ?? "",
      originalDate: old.originalDate ? toIsoPartial(old.originalDate) : "",
      originalUrl: old.originalUrl,
      lawIds: old.laws.map((l) => l.id),
      topicIds: old.topics.map((t) => t.id),
      jurisdictionCodes: old.jurisdictions.map((j) => j.code),
      sourceIds: old.sources.map((s) => s.id),
    },
    { message: `Restored revision ${number}` },
  );
}
