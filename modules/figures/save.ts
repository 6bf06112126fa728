import { eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db";
import { figureAccounts, figureLaws, figures, jurisdictions, laws, sources } from "@/db/schema";
import { NotFoundError, ValidationError, type FieldErrors } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { audit } from "@/modules/audit/record";
import { authorize } from "@/modules/auth/authorize";
import type { Ctx } from "@/modules/auth/context";
import { figureSearchTag, figuresTag } from "@/modules/public/cache-tags";
import { tickPublicationClock } from "@/modules/workflow/publication-clock";
import { publicationCommitted } from "@/modules/workflow/publication-committed";
import { getFigure, type Figure } from "./read";
import { figureInput, type FigureValues } from "./schemas";

/** Adds a figure with one or more sourced accounts of its value, in one transaction. */
export async function createFigure(ctx: Ctx, input: unknown): Promise<Figure> {
  const actor = authorize(ctx, "content.write");
  const values = parseInput(figureInput, input);
  const id = await ctx.db.transaction(async (tx) => {
    await assertLinks(tx, values);
    const [row] = await tx
      .insert(figures)
      .values({ ...columns(values), createdById: actor.id, editedById: actor.id })
      .returning({ id: figures.id });
    await writeAccounts(tx, row!.id, values);
    await writeLaws(tx, row!.id, values.lawIds);
    await audit(tx, { actor, action: "figure.create", targetType: "figure", targetId: row!.id, ip: ctx.ip });
    await tickPublicationClock(tx, shownOn({ jurisdictionCode: values.jurisdictionCode, lawIds: values.lawIds }));
    return row!.id;
  });
  publicationCommitted();
  return getFigure(ctx, id);
}

/** Saves a figure and replaces its accounts. */
export async function updateFigure(ctx: Ctx, id: number, input: unknown): Promise<Figure> {
  const actor = authorize(ctx, "content.write");
  const values = parseInput(figureInput, input);
  const before = await getFigure(ctx, id);
  await ctx.db.transaction(async (tx) => {
    await assertLinks(tx, values);
    const updated = await tx
      .update(figures)
      // Changed, it waits for an approval again before readers see it (modules/figures/approve.ts).
      .set({ ...columns(values), updatedAt: new Date(), editedById: actor.id, approvedAt: null, approvedById: null })
      .where(eq(figures.id, id))
      .returning({ id: figures.id });
    if (updated.length === 0) throw new NotFoundError("No such figure.");
    await tx.delete(figureAccounts).where(eq(figureAccounts.figureId, id));
    await writeAccounts(tx, id, values);
    await tx.delete(figureLaws).where(eq(figureLaws.figureId, id));
    await writeLaws(tx, id, values.lawIds);
    await audit(tx, { actor, action: "figure.update", targetType: "figure", targetId: id, ip: ctx.ip });
    const after = { jurisdictionCode: values.jurisdictionCode, lawIds: values.lawIds };
    await tickPublicationClock(tx, [...new Set([...shownOn(figureScopes(before)), ...shownOn(after)])]);
  });
  publicationCommitted();
  return getFigure(ctx, id);
}

export function columns(values: FigureValues) {
  return { label: values.label, jurisdictionCode: values.jurisdictionCode, unit: values.unit, note: values.note };
}

/** The pages that show a figure: its jurisdiction's, its laws', and search. */
export function shownOn(figure: { jurisdictionCode: string | null; lawIds: number[] }): string[] {
  return [
    figureSearchTag,
    ...(figure.jurisdictionCode ? [figuresTag({ jurisdictionCode: figure.jurisdictionCode })] : []),
    ...figure.lawIds.map((lawId) => figuresTag({ lawId })),
  ];
}

export const figureScopes = (figure: Figure) => ({
  jurisdictionCode: figure.jurisdictionCode,
  lawIds: figure.laws.map((l) => l.id),
});

export async function writeLaws(tx: Tx, figureId: number, lawIds: number[]) {
  const unique = [...new Set(lawIds)];
  if (unique.length) await tx.insert(figureLaws).values(unique.map((lawId) => ({ figureId, lawId })));
}

export async function writeAccounts(tx: Tx, figureId: number, values: FigureValues) {
  await tx.insert(figureAccounts).values(
    values.accounts.map((a, i) => ({
      figureId,
      value: a.value.value,
      wording: a.value.wording,
      asOfDate: a.asOf?.date ?? null,
      asOfPrecision: a.asOf?.precision ?? null,
      asOfApproximate: a.asOf?.approximate ?? false,
      sourceId: a.sourceId,
      preferred: i === values.preferredAccount,
    })),
  );
}

/** Refuses a jurisdiction or source that does not exist, at its field; nothing is written. */
async function assertLinks(tx: Tx, values: FigureValues) {
  const errors: FieldErrors = {};
  if (values.jurisdictionCode) {
    const [found] = await tx
      .select({ code: jurisdictions.code })
      .from(jurisdictions)
      .where(eq(jurisdictions.code, values.jurisdictionCode))
      .for("share");
    if (!found) errors.jurisdictionCode = [`There is no jurisdiction ${values.jurisdictionCode}.`];
  }
  const sourceIds = [...new Set(values.accounts.map((a) => a.sourceId).filter((id): id is number => id !== null))];
  if (sourceIds.length) {
    const rows = await tx.select({ id: sources.id }).from(sources).where(inArray(sources.id, sourceIds)).for("share");
    const found = new Set(rows.map((r) => r.id));
    values.accounts.forEach((a, i) => {
      if (a.sourceId && !found.has(a.sourceId)) errors[`accounts.${i}.sourceId`] = ["That source no longer exists."];
    });
  }
  const lawIds = [...new Set(values.lawIds)];
  if (lawIds.length) {
    const rows = await tx.select({ id: laws.id }).from(laws).where(inArray(laws.id, lawIds)).for("share");
    if (rows.length !== lawIds.length) errors.lawIds = ["A law chosen no longer exists."];
  }
  if (Object.keys(errors).length) throw new ValidationError(errors);
}
