import { asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "@/db";
import { laws, lawTextVersions, sources } from "@/db/schema";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { fromColumns, partialDateField, type DatePrecision, type PartialDate } from "@/lib/partial-date";
import { isRecordId, maxRecordId, parseInput, text } from "@/lib/validation";
import { authorize } from "@/modules/auth/authorize";
import type { Ctx } from "@/modules/auth/context";
import { assertCanDelete } from "@/modules/content/ownership";
import { baseRevisionOf } from "@/modules/workflow/revise";
import { closeLaw, openLaw, touchLaw } from "./revise";
import { langCode } from "@/lib/validation";

export const maxBodyLength = 2_000_000;

export const lawTextInput = z.object({
  lang: langCode,
  // A checkbox sends "on" when ticked and nothing otherwise.
  official: z.preprocess((v) => v === true || v === "on" || v === "true" || v === "1", z.boolean()),
  effectiveDate: z.preprocess((v) => v ?? "", partialDateField),
  sourceId: z.preprocess(
    (v) => (v === "" || v === undefined ? null : v),
    z.coerce
      .number({ message: "Choose a source." })
      .int("Choose a source.")
      .positive("Choose a source.")
      .max(maxRecordId, "The chosen source no longer exists.")
      .nullable(),
  ),
  // Line endings are normalized once, so that positions in the text (annotations) mean the same everywhere.
  body: z.preprocess(
    (v) => (typeof v === "string" ? v.replace(/\r\n?/g, "\n") : v),
    text({ message: "Enter the text." })
      .trim()
      .min(1, "Enter the text.")
      .max(maxBodyLength, "Use at most 2,000,000 characters."),
  ),
});

export type LawTextInput = z.input<typeof lawTextInput>;

/** A version as the law's page lists it: the start of its body, not all of it. */
export type LawTextSummary = {
  id: number;
  lawId: number;
  lang: string;
  official: boolean;
  effectiveDate: PartialDate | null;
  sourceId: number | null;
  sourceTitle: string | null;
  excerpt: string;
  length: number;
  createdById: number | null;
  updatedAt: Date;
};

export type LawTextVersion = Omit<LawTextSummary, "excerpt" | "length"> & { body: string };

const excerptLength = 400;

const common = {
  id: lawTextVersions.id,
  lawId: lawTextVersions.lawId,
  lang: lawTextVersions.lang,
  official: lawTextVersions.official,
  effectiveDate: lawTextVersions.effectiveDate,
  effectivePrecision: lawTextVersions.effectivePrecision,
  effectiveApproximate: lawTextVersions.effectiveApproximate,
  sourceId: lawTextVersions.sourceId,
  sourceTitle: sources.title,
  createdById: lawTextVersions.createdById,
  updatedAt: lawTextVersions.updatedAt,
};

type DateColumns = {
  effectiveDate: string | null;
  effectivePrecision: DatePrecision | null;
  effectiveApproximate: boolean;
};

function withDate<T extends DateColumns>(row: T): Omit<T, keyof DateColumns> & { effectiveDate: PartialDate | null } {
  const { effectiveDate, effectivePrecision, effectiveApproximate, ...rest } = row;
  return { ...rest, effectiveDate: fromColumns(effectiveDate, effectivePrecision, effectiveApproximate) };
}

/** A law's text versions: by language, then by effective date, newest first (unknown dates last). */
export async function listLawTextVersions(ctx: Ctx, lawId: number): Promise<LawTextSummary[]> {
  authorize(ctx, "admin.access");
  await assertLawExists(ctx, lawId);
  const rows = await ctx.db
    .select({
      ...common,
      excerpt: sql<string>`left(${lawTextVersions.body}, ${excerptLength})`,
      length: sql<number>`char_length(${lawTextVersions.body})`.mapWith(Number),
    })
    .from(lawTextVersions)
    .leftJoin(sources, eq(sources.id, lawTextVersions.sourceId))
    .where(eq(lawTextVersions.lawId, lawId))
    .orderBy(
      asc(lawTextVersions.lang),
      sql`${lawTextVersions.effectiveDate} desc nulls last`,
      sql`${lawTextVersions.id} desc`,
    );
  return rows.map(withDate);
}

/** One version with its whole body, for its edit form. */
export async function getLawTextVersion(ctx: Ctx, id: number): Promise<LawTextVersion> {
  authorize(ctx, "admin.access");
  if (!isRecordId(id)) throw new NotFoundError("No such text version.");
  const [row] = await ctx.db
    .select({ ...common, body: lawTextVersions.body })
    .from(lawTextVersions)
    .leftJoin(sources, eq(sources.id, lawTextVersions.sourceId))
    .where(eq(lawTextVersions.id, id));
  if (!row) throw new NotFoundError("No such text version.");
  return withDate(row);
}

export async function addLawTextVersion(
  ctx: Ctx,
  lawId: number,
  input: unknown,
): Promise<{ id: number; lawId: number }> {
  const actor = authorize(ctx, "content.write");
  const values = toColumns(parseInput(lawTextInput, input));
  const base = baseRevisionOf(input);
  return ctx.db.transaction(async (tx) => {
    await touchLaw(tx, lawId);
    const law = await openLaw(tx, lawId, base);
    await assertSourceExists(tx, values.sourceId);
    const [row] = await tx
      .insert(lawTextVersions)
      .values({ ...values, lawId, createdById: actor.id })
      .returning({ id: lawTextVersions.id, lawId: lawTextVersions.lawId });
    await closeLaw(tx, ctx, actor, law, "law.text.add");
    return row!;
  });
}

/** Anyone who drafts may correct a text version, as they may the law itself. */
export async function updateLawTextVersion(
  ctx: Ctx,
  id: number,
  input: unknown,
): Promise<{ id: number; lawId: number }> {
  const actor = authorize(ctx, "content.write");
  const values = toColumns(parseInput(lawTextInput, input));
  const base = baseRevisionOf(input);
  return ctx.db.transaction(async (tx) => {
    const version = await lockVersion(tx, id);
    await touchLaw(tx, version.lawId);
    const law = await openLaw(tx, version.lawId, base);
    await assertSourceExists(tx, values.sourceId);
    await tx
      .update(lawTextVersions)
      .set({ ...values, updatedAt: sql`now()` })
      .where(eq(lawTextVersions.id, version.id));
    await closeLaw(tx, ctx, actor, law, "law.text.update");
    return { id: version.id, lawId: version.lawId };
  });
}

/** Removes a version: its creator may, and editors may remove anyone's. */
export async function removeLawTextVersion(
  ctx: Ctx,
  id: number,
  baseRevision: unknown,
): Promise<{ id: number; lawId: number }> {
  const actor = authorize(ctx, "content.write");
  const base = baseRevisionOf({ baseRevision });
  return ctx.db.transaction(async (tx) => {
    const version = await lockVersion(tx, id);
    assertCanDelete(ctx, { createdById: version.createdById });
    await touchLaw(tx, version.lawId);
    const law = await openLaw(tx, version.lawId, base);
    await tx.delete(lawTextVersions).where(eq(lawTextVersions.id, version.id));
    await closeLaw(tx, ctx, actor, law, "law.text.remove");
    return { id: version.id, lawId: version.lawId };
  });
}

function toColumns(values: z.output<typeof lawTextInput>) {
  const { effectiveDate, ...rest } = values;
  return {
    ...rest,
    effectiveDate: effectiveDate?.date ?? null,
    effectivePrecision: effectiveDate?.precision ?? null,
    effectiveApproximate: effectiveDate?.approximate ?? false,
  };
}

async function assertLawExists(ctx: Ctx, lawId: number) {
  // A number out of range would reach the database as an error, not as "not found".
  if (!isRecordId(lawId)) throw new NotFoundError("No such law.");
  const [law] = await ctx.db.select({ id: laws.id }).from(laws).where(eq(laws.id, lawId));
  if (!law) throw new NotFoundError("No such law.");
}

async function lockVersion(tx: Tx, id: number) {
  if (!isRecordId(id)) throw new NotFoundError("No such text version.");
  const [version] = await tx
    .select({ id: lawTextVersions.id, lawId: lawTextVersions.lawId, createdById: lawTextVersions.createdById })
    .from(lawTextVersions)
    .where(eq(lawTextVersions.id, id))
    .for("update");
  if (!version) throw new NotFoundError("No such text version.");
  return version;
}

async function assertSourceExists(tx: Tx, sourceId: number | null) {
  if (sourceId === null) return;
  const [source] = await tx.select({ id: sources.id }).from(sources).where(eq(sources.id, sourceId));
  if (!source) throw new ValidationError({ sourceId: ["The chosen source no longer exists."] });
}
