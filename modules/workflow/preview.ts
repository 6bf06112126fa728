import { and, eq } from "drizzle-orm";
import { editorialItems, jurisdictions, laws, revisions } from "@/db/schema";
import { authorize } from "@/modules/auth/authorize";
import type { Ctx } from "@/modules/auth/context";
import { parseLawSnapshot } from "@/modules/laws/snapshot-schema";
import { articlesDiscussing } from "@/modules/public/article";
import { citedSourceUrls } from "@/modules/public/cited-sources";
import { relatedLiveLaws } from "@/modules/public/law";
import { eventAgentIds, lawView, publicLawPath } from "@/modules/public/law-view";
import { liveAgents } from "@/modules/public/live-agents";
import { documentsOf } from "@/modules/public/attachments";

/**
 * A law's working revision rendered as its public page will be, for signed-in users in draft
 * mode. Never cached: it reads the working revision on every request.
 */
export async function previewLaw(ctx: Ctx, jurisdictionCode: string, slug: string) {
  authorize(ctx, "admin.access");
  const [row] = await ctx.db
    .select({ id: laws.id, snapshot: revisions.snapshot, jurisdictionName: jurisdictions.name })
    .from(laws)
    .innerJoin(editorialItems, and(eq(editorialItems.itemType, "law"), eq(editorialItems.itemId, laws.id)))
    .innerJoin(revisions, eq(revisions.id, editorialItems.workingRevisionId))
    .innerJoin(jurisdictions, eq(jurisdictions.code, laws.jurisdictionCode))
    .where(and(eq(laws.jurisdictionCode, jurisdictionCode.toUpperCase()), eq(laws.slug, slug)));
  if (!row) return null;
  const revision = parseLawSnapshot(row.snapshot);
  return lawView(revision, {
    id: row.id,
    jurisdictionName: row.jurisdictionName,
    publishedAt: null,
    related: await relatedLiveLaws(ctx.db, row.id, revision),
    discussions: await articlesDiscussing(ctx.db, row.id),
    agents: await liveAgents(ctx.db, eventAgentIds(revision)),
    citedSources: await citedSourceUrls(ctx.db, revision),
    documents: await documentsOf(ctx.db, revision.attachments),
  });
}

/** Where the preview of an item opens: its public address as the working revision has it. */
export async function previewPath(ctx: Ctx, type: string, id: number): Promise<string | null> {
  authorize(ctx, "admin.access");
  if (type !== "law") return null;
  const [law] = await ctx.db
    .select({ jurisdictionCode: laws.jurisdictionCode, slug: laws.slug })
    .from(laws)
    .where(eq(laws.id, id));
  return law ? publicLawPath(law) : null;
}
