import { eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db";
import { lawPeriodAccounts, lawPeriods, sources } from "@/db/schema";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { authorize } from "@/modules/auth/authorize";
import type { Ctx } from "@/modules/auth/context";
import { baseRevisionOf } from "@/modules/workflow/revise";
import { readPeriods, type CoveredPeriod } from "./covered-periods";
import { periodInput, type PeriodValues } from "./period-input";
import { closeLaw, openLaw, touchLaw } from "./revise";
import { recordId } from "./schemas";

export type { CoveredPeriod, PeriodAccount } from "./covered-periods";

/** A law's covered periods with every account, for signed-in users. */
export async function listPeriods(ctx: Ctx, lawId: number): Promise<(CoveredPeriod & { id: number })[]> {
  authorize(ctx, "admin.access");
  return readPeriods(ctx.db, lawId);
}

export async function addPeriod(ctx: Ctx, lawId: number, input: unknown): Promise<number> {
  const actor = authorize(ctx, "content.write");
  const values = parseInput(periodInput, input);
  const base = baseRevisionOf(input);
  await assertSources(ctx, values);
  return ctx.db.transaction(async (tx) => {
    await touchLaw(tx, lawId);
    const row = await openLaw(tx, lawId, base);
    const [period] = await tx.insert(lawPeriods).values({ lawId, note: values.note }).returning({ id: lawPeriods.id });
    await writeAccounts(tx, period!.id, values);
    await closeLaw(tx, ctx, actor, row, "law.period.add");
    return period!.id;
  });
}

export async function updatePeriod(ctx: Ctx, periodId: number, input: unknown): Promise<void> {
  const actor = authorize(ctx, "content.write");
  const values = parseInput(periodInput, input);
  const base = baseRevisionOf(input);
  await assertSources(ctx, values);
  await ctx.db.transaction(async (tx) => {
    const { lawId } = await findPeriod(tx, periodId);
    await touchLaw(tx, lawId);
    const row = await openLaw(tx, lawId, base);
    await tx.update(lawPeriods).set({ note: values.note }).where(eq(lawPeriods.id, periodId));
    await tx.delete(lawPeriodAccounts).where(eq(lawPeriodAccounts.periodId, periodId));
    await writeAccounts(tx, periodId, values);
    await closeLaw(tx, ctx, actor, row, "law.period.update");
  });
}

export async function removePeriod(ctx: Ctx, periodId: number, baseRevision: unknown): Promise<void> {
  const actor = authorize(ctx, "content.write");
  const base = baseRevisionOf({ baseRevision });
  await ctx.db.transaction(async (tx) => {
    const { lawId } = await findPeriod(tx, periodId);
    await touchLaw(tx, lawId);
    const row = await openLaw(tx, lawId, base);
    await tx.delete(lawPeriods).where(eq(lawPeriods.id, periodId));
    await closeLaw(tx, ctx, actor, row, "law.period.remove");
  });
}

/** Writes a period's accounts; restoring an old revision writes them the same way. */
export async function writeAccounts(
  tx: Tx,
  periodId: number,
  values: Pick<PeriodValues, "accounts" | "preferredAccount">,
) {
  await tx.insert(lawPeriodAccounts).values(
    values.accounts.map((a, i) => ({
      periodId,
      startDate: a.start.date,
      startPrecision: a.start.precision,
      startApproximate: a.start.approximate,
      endDate: a.end.date,
      endPrecision: a.end.precision,
      endApproximate: a.end.approximate,
      sourceId: a.sourceId,
      note: a.note,
      preferred: i === values.preferredAccount,
    })),
  );
}

async function findPeriod(tx: Tx, periodId: number) {
  if (!recordId.safeParse(periodId).success) throw new NotFoundError("No such period.");
  const [period] = await tx.select({ lawId: lawPeriods.lawId }).from(lawPeriods).where(eq(lawPeriods.id, periodId));
  if (!period) throw new NotFoundError("No such period.");
  return period;
}

/** Refuses sources deleted while the form was open, at the row that names them. */
async function assertSources(ctx: Ctx, values: PeriodValues) {
  const ids = values.accounts.map((a) => a.sourceId).filter((id): id is number => id !== null);
  if (ids.length === 0) return;
  const found = new Set(
    (await ctx.db.select({ id: sources.id }).from(sources).where(inArray(sources.id, ids))).map((s) => s.id),
  );
  const errors: Record<string, string[]> = {};
  values.accounts.forEach((a, i) => {
    if (a.sourceId && !found.has(a.sourceId)) errors[`accounts.${i}.sourceId`] = ["That source no longer exists."];
  });
  if (Object.keys(errors).length) throw new ValidationError(errors);
}
