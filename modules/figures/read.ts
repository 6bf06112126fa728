import { asc, eq, inArray } from "drizzle-orm";
import { figureAccounts, figures, jurisdictions, sources } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { fromColumns, type PartialDate } from "@/lib/partial-date";
import { isRecordId } from "@/lib/validation";
import { authorize } from "@/modules/auth/authorize";
import type { Ctx } from "@/modules/auth/context";

export type FigureAccount = {
  id: number;
  value: string;
  asOf: PartialDate | null;
  sourceId: number | null;
  sourceTitle: string | null;
  preferred: boolean;
};

export type Figure = {
  id: number;
  label: string;
  jurisdictionCode: string | null;
  jurisdictionName: string | null;
  unit: string;
  note: string;
  createdById: number | null;
  createdAt: Date;
  updatedAt: Date;
  /** Every source's account, the preferred one first. */
  accounts: FigureAccount[];
  /** True when the sources give different values or dates: readers see each, not a silent pick. */
  disputed: boolean;
};

export const figureColumns = {
  id: figures.id,
  label: figures.label,
  jurisdictionCode: figures.jurisdictionCode,
  jurisdictionName: jurisdictions.name,
  unit: figures.unit,
  note: figures.note,
  createdById: figures.createdById,
  createdAt: figures.createdAt,
  updatedAt: figures.updatedAt,
};

type FigureRow = Omit<Figure, "accounts" | "disputed">;

export async function getFigure(ctx: Ctx, id: number): Promise<Figure> {
  authorize(ctx, "admin.access");
  if (!isRecordId(id)) throw new NotFoundError("No such figure.");
  const [row] = await ctx.db
    .select(figureColumns)
    .from(figures)
    .leftJoin(jurisdictions, eq(jurisdictions.code, figures.jurisdictionCode))
    .where(eq(figures.id, id));
  if (!row) throw new NotFoundError("No such figure.");
  const [figure] = await withAccounts(ctx, [row]);
  return figure!;
}

/** Attaches each figure's accounts (preferred first, then as entered) and its disputed flag. */
export async function withAccounts(ctx: Ctx, rows: FigureRow[]): Promise<Figure[]> {
  authorize(ctx, "admin.access");
  if (rows.length === 0) return [];
  const accounts = await ctx.db
    .select({ account: figureAccounts, sourceTitle: sources.title })
    .from(figureAccounts)
    .leftJoin(sources, eq(sources.id, figureAccounts.sourceId))
    .where(
      inArray(
        figureAccounts.figureId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(figureAccounts.id));
  return rows.map((row) => {
    const own: FigureAccount[] = accounts
      .filter(({ account }) => account.figureId === row.id)
      .map(({ account: a, sourceTitle }) => ({
        id: a.id,
        value: a.value,
        asOf: fromColumns(a.asOfDate, a.asOfPrecision, a.asOfApproximate),
        sourceId: a.sourceId,
        sourceTitle,
        preferred: a.preferred,
      }))
      // A stable sort: the preferred account first, the others in the order they were entered.
      .sort((a, b) => Number(b.preferred) - Number(a.preferred));
    return { ...row, accounts: own, disputed: disagree(own) };
  });
}

/** Whether accounts differ in value (856 and 856.0 agree) or in date (a month is not a year). */
export function disagree(accounts: { value: string; asOf: PartialDate | null }[]): boolean {
  const values = new Set(accounts.map((a) => canonicalNumber(a.value)));
  const dates = new Set(accounts.map((a) => (a.asOf ? `${a.asOf.date}/${a.asOf.precision}` : "unknown")));
  return values.size > 1 || dates.size > 1;
}

function canonicalNumber(text: string): string {
  const [whole = "", fraction = ""] = text.split(".");
  const integer = whole.replace(/^0+(?=\d)/, "");
  const decimals = fraction.replace(/0+$/, "");
  return decimals ? `${integer}.${decimals}` : integer;
}
