import { asc, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { figureAccounts, figureLaws, figures, jurisdictions, laws, sources, users } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { fromColumns, type PartialDate } from "@/lib/partial-date";
import { isRecordId } from "@/lib/validation";
import { authorize } from "@/modules/auth/authorize";
import type { Ctx } from "@/modules/auth/context";
import { disagree } from "@/modules/public/figures";

export type FigureAccount = {
  id: number;
  /** A plain decimal ("2400000"). */
  value: string;
  /** As the source prints it ("2.4 million"). */
  wording: string;
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
  /** Who saved it last; when it was approved for readers, and by whom (null: readers do not see it). */
  editedById: number | null;
  approvedAt: Date | null;
  approvedByName: string | null;
  /** The laws it concerns, by their working title (editors see drafts too). */
  laws: { id: number; title: string }[];
};

export const approver = alias(users, "approver");

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
  editedById: figures.editedById,
  approvedAt: figures.approvedAt,
  approvedByName: approver.name,
};

type FigureRow = Omit<Figure, "accounts" | "disputed" | "laws">;

export async function getFigure(ctx: Ctx, id: number): Promise<Figure> {
  authorize(ctx, "admin.access");
  if (!isRecordId(id)) throw new NotFoundError("No such figure.");
  const [row] = await ctx.db
    .select(figureColumns)
    .from(figures)
    .leftJoin(jurisdictions, eq(jurisdictions.code, figures.jurisdictionCode))
    .leftJoin(approver, eq(approver.id, figures.approvedById))
    .where(eq(figures.id, id));
  if (!row) throw new NotFoundError("No such figure.");
  const [figure] = await withAccounts(ctx, [row]);
  return figure!;
}

/** Attaches each figure's accounts (preferred first, then as entered), its disputed flag and its laws. */
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
  const links = await ctx.db
    .select({ figureId: figureLaws.figureId, id: laws.id, title: laws.title })
    .from(figureLaws)
    .innerJoin(laws, eq(laws.id, figureLaws.lawId))
    .where(
      inArray(
        figureLaws.figureId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(laws.title));
  return rows.map((row) => {
    const own: FigureAccount[] = accounts
      .filter(({ account }) => account.figureId === row.id)
      .map(({ account: a, sourceTitle }) => ({
        id: a.id,
        value: a.value,
        wording: a.wording || a.value,
        asOf: fromColumns(a.asOfDate, a.asOfPrecision, a.asOfApproximate),
        sourceId: a.sourceId,
        sourceTitle,
        preferred: a.preferred,
      }))
      // A stable sort: the preferred account first, the others in the order they were entered.
      .sort((a, b) => Number(b.preferred) - Number(a.preferred));
    const itsLaws = links.filter((l) => l.figureId === row.id).map(({ id, title }) => ({ id, title }));
    return { ...row, accounts: own, disputed: disagree(own), laws: itsLaws };
  });
}
