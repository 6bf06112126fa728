import { asc, eq } from "drizzle-orm";
import { lawRelations, laws, lawSources, lawTextVersions, sources } from "@/db/schema";
import { fromColumns } from "@/lib/partial-date";
import { attachmentsOf } from "@/modules/attachments/snapshot";
import type { Ctx } from "@/modules/auth/context";
import { getLaw } from "./read";
import { lawSnapshotVersion, type LawSnapshot } from "./snapshot-schema";
import { readPeriods, storedPeriods } from "./covered-periods";
import { readTimeline } from "./timeline";

export type { LawSnapshot } from "./snapshot-schema";

/**
 * Everything an editor can change about a law, as one revision records it: what the public page
 * renders once the revision is live, so names of linked records are kept as they were then.
 * Relations belong to the law they start from.
 */
export async function lawSnapshot(ctx: Ctx, id: number) {
  const law = await getLaw(ctx, id);
  // One after another: ctx.db is the saving transaction.
  const timeline = await readTimeline(ctx.db, id);
  const periods = await readPeriods(ctx.db, id);
  const sourceRows = await ctx.db
    .select({ id: sources.id, title: sources.title, url: sources.url, archivedUrl: sources.archivedUrl })
    .from(lawSources)
    .innerJoin(sources, eq(sources.id, lawSources.sourceId))
    .where(eq(lawSources.lawId, id))
    .orderBy(asc(sources.title), asc(sources.id));
  const texts = await ctx.db
    .select({ version: lawTextVersions, sourceTitle: sources.title })
    .from(lawTextVersions)
    .leftJoin(sources, eq(sources.id, lawTextVersions.sourceId))
    .where(eq(lawTextVersions.lawId, id))
    .orderBy(asc(lawTextVersions.id));
  const relations = await ctx.db
    .select({
      id: lawRelations.id,
      kind: lawRelations.kind,
      note: lawRelations.note,
      toLawId: laws.id,
      toTitle: laws.title,
    })
    .from(lawRelations)
    .innerJoin(laws, eq(laws.id, lawRelations.toLawId))
    .where(eq(lawRelations.fromLawId, id))
    .orderBy(asc(lawRelations.id));
  const files = await attachmentsOf(ctx.db, { type: "law", id });
  return {
    schemaVersion: lawSnapshotVersion,
    slug: law.slug,
    jurisdictionCode: law.jurisdictionCode,
    type: law.type,
    status: law.status,
    title: law.title,
    summary: law.summary,
    titles: law.titles,
    identifiers: law.identifiers,
    periods: storedPeriods(periods),
    topics: law.topics,
    sources: sourceRows,
    events: timeline.map(({ id: eventId, kind, agentId, agentName, note, accounts }) => ({
      id: eventId,
      kind,
      agentId,
      agentName,
      note,
      accounts: accounts.map(({ id: accountId, date, sourceId, sourceTitle, preferred, note: accountNote }) => ({
        id: accountId,
        date,
        sourceId,
        sourceTitle,
        preferred,
        note: accountNote,
      })),
    })),
    texts: texts.map(({ version: v, sourceTitle }) => ({
      id: v.id,
      lang: v.lang,
      official: v.official,
      effectiveDate: fromColumns(v.effectiveDate, v.effectivePrecision, v.effectiveApproximate),
      sourceId: v.sourceId,
      sourceTitle,
      body: v.body,
    })),
    relations,
    attachments: files,
  } satisfies LawSnapshot;
}
