import { and, asc, eq, inArray, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "@/db";
import { lawRelations, laws } from "@/db/schema";
import { lawRelationKinds, type LawRelationKind, type LawStatus } from "@/db/schema/enums";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { isRecordId, parseInput, recordId, text } from "@/lib/validation";
import { authorize } from "@/modules/auth/authorize";
import type { Ctx } from "@/modules/auth/context";
import { baseRevisionOf } from "@/modules/workflow/revise";
import { closeLaw, openLaw } from "./revise";
import { lawRelationLabels, symmetricLawRelations } from "./labels";

export const lawRelationInput = z.object({
  toLawId: z.preprocess((v) => (v === "" || v === null ? undefined : v), recordId),
  kind: z.enum(lawRelationKinds, { message: "Choose how the laws are related." }),
  note: text().trim().max(2000, "Use at most 2,000 characters.").default(""),
});

export type LawRelationInput = z.input<typeof lawRelationInput>;

/** One relation as seen from one law: "Amends X" on one side is "Amended by Y" on the other. */
export type LawRelationView = {
  id: number;
  kind: LawRelationKind;
  direction: "outgoing" | "incoming";
  label: string;
  note: string;
  other: { id: number; title: string; jurisdictionCode: string; status: LawStatus };
};

export type LawRelationsOfLaw = { outgoing: LawRelationView[]; incoming: LawRelationView[] };

/** Both sides of a law's relations: what it does to other laws, and what other laws do to it. */
export async function listLawRelations(ctx: Ctx, lawId: number): Promise<LawRelationsOfLaw> {
  authorize(ctx, "admin.access");
  if (!isRecordId(lawId)) throw new NotFoundError("No such law.");
  const [law] = await ctx.db.select({ id: laws.id }).from(laws).where(eq(laws.id, lawId));
  if (!law) throw new NotFoundError("No such law.");
  const side = (direction: "outgoing" | "incoming") => {
    const [mine, theirs] =
      direction === "outgoing"
        ? [lawRelations.fromLawId, lawRelations.toLawId]
        : [lawRelations.toLawId, lawRelations.fromLawId];
    return ctx.db
      .select({
        id: lawRelations.id,
        kind: lawRelations.kind,
        note: lawRelations.note,
        otherId: laws.id,
        title: laws.title,
        jurisdictionCode: laws.jurisdictionCode,
        status: laws.status,
      })
      .from(lawRelations)
      .innerJoin(laws, eq(laws.id, theirs))
      .where(eq(mine, law.id))
      .orderBy(asc(lawRelations.kind), asc(laws.title), asc(lawRelations.id))
      .then((rows) =>
        rows.map((r): LawRelationView => ({
          id: r.id,
          kind: r.kind,
          direction,
          label: lawRelationLabels[r.kind][direction],
          note: r.note,
          other: { id: r.otherId, title: r.title, jurisdictionCode: r.jurisdictionCode, status: r.status },
        })),
      );
  };
  // One after another: ctx.db may be a transaction, whose connection runs one query at a time.
  const outgoing = await side("outgoing");
  const incoming = await side("incoming");
  return { outgoing, incoming };
}

/**
 * Records that one law amends, repeals, implements, succeeds, cites, is comparable or related to
 * another. "Comparable" and "related" read the same both ways, so B related to A is refused when
 * A related to B exists.
 */
export async function addLawRelation(ctx: Ctx, fromLawId: number, input: unknown) {
  const actor = authorize(ctx, "content.write");
  const { toLawId, kind, note } = parseInput(lawRelationInput, input);
  const base = baseRevisionOf(input);
  if (toLawId === fromLawId) throw new ValidationError({ toLawId: ["A law cannot be related to itself."] });
  return ctx.db.transaction(async (tx) => {
    // Both rows locked (in id order, so two editors cannot deadlock): a concurrent add of the same
    // or the mirrored relation waits here and then sees this one.
    const found = await lockLaws(tx, [fromLawId, toLawId]);
    const from = found.find((l) => l.id === fromLawId);
    const to = found.find((l) => l.id === toLawId);
    if (!from) throw new NotFoundError("No such law.");
    if (!to) throw new ValidationError({ toLawId: ["The chosen law no longer exists."] });
    const editing = await openLaw(tx, fromLawId, base);
    const same = and(eq(lawRelations.fromLawId, fromLawId), eq(lawRelations.toLawId, toLawId));
    const mirrored = and(eq(lawRelations.fromLawId, toLawId), eq(lawRelations.toLawId, fromLawId));
    const [existing] = await tx
      .select({ id: lawRelations.id })
      .from(lawRelations)
      .where(and(eq(lawRelations.kind, kind), symmetricLawRelations.has(kind) ? or(same, mirrored) : same))
      .limit(1);
    if (existing) {
      const message =
        kind === "comparable"
          ? `These laws are already recorded as comparable.`
          : kind === "related"
            ? `These laws are already recorded as related acts.`
            : `This law already ${lawRelationLabels[kind].outgoing.toLowerCase()} “${to.title}”.`;
      throw new ValidationError({ toLawId: [message] });
    }
    const [row] = await tx.insert(lawRelations).values({ fromLawId, toLawId, kind, note }).returning();
    await touchLaws(tx, [fromLawId, toLawId]);
    await closeLaw(tx, ctx, actor, editing, "law.relation.add");
    return row!;
  });
}

/**
 * Removes a relation; it disappears from both laws. It is part of the law it starts from, so it is
 * removed from that law's page, on that law's working revision.
 */
export async function removeLawRelation(ctx: Ctx, id: number, baseRevision: unknown) {
  const actor = authorize(ctx, "content.write");
  const base = baseRevisionOf({ baseRevision });
  if (!isRecordId(id)) throw new NotFoundError("No such relation.");
  return ctx.db.transaction(async (tx) => {
    const [relation] = await tx.select().from(lawRelations).where(eq(lawRelations.id, id));
    if (!relation) throw new NotFoundError("No such relation.");
    await lockLaws(tx, [relation.fromLawId, relation.toLawId]);
    const editing = await openLaw(tx, relation.fromLawId, base);
    const deleted = await tx.delete(lawRelations).where(eq(lawRelations.id, relation.id)).returning();
    if (deleted.length === 0) throw new NotFoundError("No such relation.");
    await touchLaws(tx, [relation.fromLawId, relation.toLawId]);
    await closeLaw(tx, ctx, actor, editing, "law.relation.remove");
    return relation;
  });
}

async function lockLaws(tx: Tx, ids: number[]) {
  return tx
    .select({ id: laws.id, title: laws.title })
    .from(laws)
    .where(inArray(laws.id, ids.filter(isRecordId)))
    .orderBy(asc(laws.id))
    .for("update");
}

// A relation shows on both laws' pages, so both have changed.
async function touchLaws(tx: Tx, ids: number[]) {
  await tx
    .update(laws)
    .set({ updatedAt: sql`now()` })
    .where(inArray(laws.id, ids));
}
