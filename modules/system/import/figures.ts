import { and, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { figureAccounts, figureLaws, figures } from "@/db/schema";
import { fromColumns, toIsoPartial } from "@/lib/partial-date";
import type { Actor } from "@/modules/auth/context";
import { approveSources } from "@/modules/figures/approve";
import { columns, writeAccounts, writeLaws } from "@/modules/figures/save";
import { figureInput, type FigureValues } from "@/modules/figures/schemas";
import { canonicalJson } from "@/modules/audit/chain";
import type { Known } from "./known";
import type { ValidRecord } from "./read";
import type { Origin } from "./records";
import type { ImportAction } from "./report";
import type { Resolver } from "./resolve";

/** A figure to record: figures have no revisions; a changed one waits for approval again, as after an edit. */
export type PlannedFigure = {
  origin: Origin;
  key: string;
  title: string;
  action: ImportAction;
  /** 0 until a new figure is written. */
  id: number;
  values: FigureValues;
};

type FigureRecord = Extract<ValidRecord, { kind: "figures" }>;

export async function planFigures(
  tx: Tx,
  known: Known,
  records: FigureRecord[],
  resolver: Resolver,
): Promise<PlannedFigure[]> {
  const planned: PlannedFigure[] = [];
  for (const r of records) {
    const v = r.value;
    const at = (...path: PropertyKey[]) => r.locate(path);
    const jurisdiction = v.jurisdiction ? resolver.jurisdiction(v.jurisdiction, at("jurisdiction")) : null;
    const lawIds = v.laws.flatMap((l, i) => {
      const law = resolver.law(l, at("laws", i));
      return law ? [law.id] : [];
    });
    const accounts = v.accounts.map((a, i) => ({
      value: a.wording || a.value,
      asOf: a.asOf ? toIsoPartial(a.asOf) : "",
      sourceId: resolver.source(a.source, a.sourceTitle, a.sourceUrl, at("accounts", i, "source"))?.id ?? null,
    }));
    const parsed = figureInput.safeParse({
      label: v.label,
      jurisdictionCode: jurisdiction?.code ?? null,
      unit: v.unit,
      note: v.note,
      accounts,
      preferredAccount: Math.max(
        0,
        v.accounts.findIndex((a) => a.preferred),
      ),
      lawIds,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) resolver.fail(r.locate(issue.path), issue.message);
      continue;
    }
    const existing = known.figures.get(v.externalId);
    planned.push({
      origin: r.origin,
      key: v.externalId,
      title: v.label,
      action: existing ? "update" : "create",
      id: existing ?? 0,
      values: parsed.data,
    });
  }
  await markUnchanged(tx, planned);
  return planned;
}

const comparable = (f: FigureValues) =>
  canonicalJson({
    ...columns(f),
    accounts: f.accounts.map((a, i) => ({
      value: a.value.value,
      wording: a.value.wording,
      asOf: a.asOf,
      sourceId: a.sourceId,
      preferred: i === f.preferredAccount,
    })),
    lawIds: [...new Set(f.lawIds)].sort((a, b) => a - b),
  });

async function markUnchanged(tx: Tx, planned: PlannedFigure[]) {
  const existing = planned.filter((f) => f.action === "update");
  if (!existing.length) return;
  const ids = existing.map((f) => f.id);
  const rows = await tx.select().from(figures).where(inArray(figures.id, ids));
  const accounts = await tx
    .select()
    .from(figureAccounts)
    .where(inArray(figureAccounts.figureId, ids))
    .orderBy(figureAccounts.id);
  const laws = await tx.select().from(figureLaws).where(inArray(figureLaws.figureId, ids));
  for (const f of existing) {
    const row = rows.find((r) => r.id === f.id)!;
    const mine = accounts.filter((a) => a.figureId === f.id);
    const now = canonicalJson({
      label: row.label,
      jurisdictionCode: row.jurisdictionCode,
      unit: row.unit,
      note: row.note,
      accounts: mine.map((a) => ({
        value: a.value,
        wording: a.wording,
        asOf: fromColumns(a.asOfDate, a.asOfPrecision, a.asOfApproximate),
        sourceId: a.sourceId,
        preferred: a.preferred,
      })),
      lawIds: laws
        .filter((l) => l.figureId === f.id)
        .map((l) => l.lawId)
        .sort((a, b) => a - b),
    });
    if (now === comparable(f.values)) f.action = "unchanged";
  }
}

/** Writes new and changed figures as the figure form saves them: a changed one is shown to readers again only once approved. */
export async function writeFigures(tx: Tx, planned: PlannedFigure[], actor: Actor, now: Date): Promise<void> {
  for (const f of planned) {
    if (f.action === "unchanged") continue;
    if (f.action === "create") {
      const [row] = await tx
        .insert(figures)
        .values({ ...columns(f.values), createdById: actor.id, editedById: actor.id })
        .returning({ id: figures.id });
      f.id = row!.id;
    } else {
      await tx
        .update(figures)
        .set({ ...columns(f.values), updatedAt: now, editedById: actor.id, approvedAt: null, approvedById: null })
        .where(eq(figures.id, f.id));
      await tx.delete(figureAccounts).where(eq(figureAccounts.figureId, f.id));
      await tx.delete(figureLaws).where(eq(figureLaws.figureId, f.id));
    }
    await writeAccounts(tx, f.id, f.values);
    await writeLaws(tx, f.id, f.values.lawIds);
  }
}

/** Approves the imported figures not yet shown to readers, as an admin's publication at import. */
export async function approveFigures(tx: Tx, planned: PlannedFigure[], actor: Actor, now: Date): Promise<number> {
  let approved = 0;
  for (const f of planned) {
    const done = await tx
      .update(figures)
      .set({ approvedAt: now, approvedById: actor.id })
      .where(and(eq(figures.id, f.id), sql`${figures.approvedAt} is null`))
      .returning({ id: figures.id });
    if (done.length) {
      await approveSources(tx, f.id);
      approved++;
    }
  }
  return approved;
}
