import { eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db";
import {
  agents,
  lawEventAccounts,
  lawEvents,
  lawPeriods,
  lawRelations,
  laws,
  lawTextVersions,
  sources,
  topics,
} from "@/db/schema";
import { writeAttachments } from "@/modules/attachments/snapshot";
import { authorize } from "@/modules/auth/authorize";
import type { Ctx } from "@/modules/auth/context";
import { revisionSnapshot } from "@/modules/workflow/history";
import { writeAccounts as writePeriodAccounts } from "./periods";
import { saveLaw } from "./save";
import { parseLawSnapshot, type LawSnapshot } from "./snapshot-schema";

/**
 * Makes an old revision of a law its working revision again, as a new revision: every field,
 * title, event, period, text, relation and attached file as they were then. Links to records deleted since (an agent, a
 * source, a law) are dropped rather than failing the restore; the history shows what changed.
 */
export async function restoreLawRevision(ctx: Ctx, id: number, number: number, baseRevision: unknown) {
  const actor = authorize(ctx, "content.write");
  const old = parseLawSnapshot(await revisionSnapshot(ctx, "law", id, number));
  const topicIds = await stillThere(
    ctx,
    topics,
    old.topics.map((t) => t.id),
  );
  const sourceIds = await stillThere(
    ctx,
    sources,
    old.sources.map((s) => s.id),
  );
  const preferred = Math.max(
    0,
    old.titles.findIndex((t) => t.preferred),
  );
  return saveLaw(
    ctx,
    id,
    {
      baseRevision,
      slug: old.slug,
      jurisdictionCode: old.jurisdictionCode,
      type: old.type,
      status: old.status,
      summary: old.summary,
      titles: old.titles.map(({ lang, title }) => ({ lang, title })),
      preferredTitle: preferred,
      identifiers: old.identifiers,
      topicIds: old.topics.map((t) => t.id).filter((t) => topicIds.has(t)),
      sourceIds: old.sources.map((s) => s.id).filter((x) => sourceIds.has(x)),
    },
    { message: `Restored revision ${number}`, alsoWrite: (tx) => replaceParts(tx, id, old, actor.id) },
  );
}

async function stillThere(ctx: Ctx, table: typeof topics | typeof sources, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await ctx.db.select({ id: table.id }).from(table).where(inArray(table.id, ids));
  return new Set(rows.map((r) => r.id));
}

/** Rows keep the ids they had, so the restored revision's snapshot is the old one exactly. */
async function replaceParts(tx: Tx, id: number, old: LawSnapshot, actorId: number | null) {
  const existing = async (table: typeof agents | typeof sources | typeof laws, ids: (number | null)[]) => {
    const wanted = [...new Set(ids.filter((x): x is number => x !== null))];
    if (wanted.length === 0) return new Set<number>();
    const rows = await tx.select({ id: table.id }).from(table).where(inArray(table.id, wanted));
    return new Set(rows.map((r) => r.id));
  };
  const agentIds = await existing(
    agents,
    old.events.map((e) => e.agentId),
  );
  const sourceIds = await existing(sources, [
    ...old.events.flatMap((e) => e.accounts.map((a) => a.sourceId)),
    ...old.periods.flatMap((p) => p.accounts.map((a) => a.sourceId)),
    ...old.texts.map((t) => t.sourceId),
  ]);
  const lawIds = await existing(
    laws,
    old.relations.map((r) => r.toLawId),
  );
  const kept = (set: Set<number>, value: number | null) => (value !== null && set.has(value) ? value : null);

  await tx.delete(lawEvents).where(eq(lawEvents.lawId, id));
  for (const [position, event] of old.events.entries()) {
    await tx
      .insert(lawEvents)
      .overridingSystemValue()
      .values({
        id: event.id,
        lawId: id,
        kind: event.kind,
        agentId: kept(agentIds, event.agentId),
        note: event.note,
        position,
      });
    if (event.accounts.length === 0) continue;
    await tx
      .insert(lawEventAccounts)
      .overridingSystemValue()
      .values(
        event.accounts.map((a) => ({
          id: a.id,
          eventId: event.id,
          date: a.date?.date ?? null,
          precision: a.date?.precision ?? null,
          approximate: a.date?.approximate ?? false,
          sourceId: kept(sourceIds, a.sourceId),
          preferred: a.preferred,
          note: a.note,
        })),
      );
  }
  await tx.delete(lawPeriods).where(eq(lawPeriods.lawId, id));
  for (const period of old.periods) {
    const [row] = await tx.insert(lawPeriods).values({ lawId: id, note: period.note }).returning({ id: lawPeriods.id });
    const accounts = period.accounts.map((a) => ({ ...a, sourceId: kept(sourceIds, a.sourceId) }));
    await writePeriodAccounts(tx, row!.id, { accounts, preferredAccount: accounts.findIndex((a) => a.preferred) });
  }
  await tx.delete(lawTextVersions).where(eq(lawTextVersions.lawId, id));
  for (const text of old.texts) {
    await tx
      .insert(lawTextVersions)
      .overridingSystemValue()
      .values({
        id: text.id,
        lawId: id,
        lang: text.lang,
        official: text.official,
        effectiveDate: text.effectiveDate?.date ?? null,
        effectivePrecision: text.effectiveDate?.precision ?? null,
        effectiveApproximate: text.effectiveDate?.approximate ?? false,
        sourceId: kept(sourceIds, text.sourceId),
        body: text.body,
        createdById: actorId,
      });
  }
  await tx.delete(lawRelations).where(eq(lawRelations.fromLawId, id));
  const relations = old.relations.filter((r) => lawIds.has(r.toLawId) && r.toLawId !== id);
  if (relations.length)
    await tx
      .insert(lawRelations)
      .overridingSystemValue()
      .values(relations.map((r) => ({ id: r.id, fromLawId: id, toLawId: r.toLawId, kind: r.kind, note: r.note })))
      .onConflictDoNothing();
  const texts = new Set(old.texts.map((t) => t.id));
  await writeAttachments(tx, { type: "law", id }, old.attachments, actorId, texts);
}
