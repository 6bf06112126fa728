import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db";
import { annotationLinks, annotations, annotationSources, editorialItems, sources } from "@/db/schema";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { authorize } from "@/modules/auth/authorize";
import type { Ctx } from "@/modules/auth/context";
import { baseRevisionOf, beginEdit, recordRevision, startItem } from "@/modules/workflow/revise";
import { linkedNames } from "./links";
import { locatePassage, type Passage } from "./passage";
import { getAnnotation, readAnnotation, type AnnotationDetail } from "./read";
import { annotationUpdateInput, newAnnotationInput, type AnnotationValues, type PassageValues } from "./schemas";
import { annotationSnapshot } from "./snapshot";
import { targetText, type TargetRef } from "./target";

/** Annotates a passage of a law text or an article: a new draft, in one transaction. */
export async function createAnnotation(ctx: Ctx, input: unknown): Promise<AnnotationDetail> {
  const actor = authorize(ctx, "content.write");
  const values = parseInput(newAnnotationInput, input);
  const target: TargetRef = {
    type: values.targetType,
    id: values.targetId,
    textId: values.targetType === "law" ? (values.textId ?? null) : null,
  };
  if (target.type === "law" && target.textId === null)
    throw new ValidationError({ textId: ["Choose the text version to annotate."] });
  const id = await ctx.db.transaction(async (tx) => {
    await assertTargetOpen(tx, target);
    const passage = await findPassage(tx, target, values.passage);
    await assertLinks(tx, values);
    const [row] = await tx
      .insert(annotations)
      .values({
        targetType: target.type,
        targetId: target.id,
        textId: target.textId,
        ...columns(values),
        ...passage,
        madeOnRevisionId: values.passage.targetRevision,
        createdById: actor.id,
      })
      .returning({ id: annotations.id });
    await writeLinks(tx, row!.id, values);
    await startItem(
      tx,
      { actor, ip: ctx.ip },
      { type: "annotation", id: row!.id },
      await annotationSnapshot(tx, row!.id),
      "annotation.create",
    );
    return row!.id;
  });
  return getAnnotation(ctx, id);
}

/** Saves an annotation's note, links and kind; a passage given re-attaches it there. */
export async function updateAnnotation(
  ctx: Ctx,
  id: number,
  input: unknown,
  more: { message?: string } = {},
): Promise<AnnotationDetail> {
  const actor = authorize(ctx, "content.write");
  const values = parseInput(annotationUpdateInput, input);
  const base = baseRevisionOf(input);
  const current = await getAnnotation(ctx, id);
  await ctx.db.transaction(async (tx) => {
    const row = await beginEdit(tx, { type: "annotation", id }, base);
    if (values.links.some((l) => l.type === "annotation" && l.id === id))
      throw new ValidationError({ links: ["An annotation cannot link to its own passage."] });
    await assertLinks(tx, values);
    const target = onText(current.target, values.textId);
    const passage = values.passage
      ? {
          ...(await findPassage(tx, target, values.passage)),
          textId: target.textId,
          madeOnRevisionId: values.passage.targetRevision,
        }
      : {};
    await tx
      .update(annotations)
      .set({ ...columns(values), ...passage, updatedAt: new Date() })
      .where(eq(annotations.id, id));
    await tx.delete(annotationLinks).where(eq(annotationLinks.annotationId, id));
    await tx.delete(annotationSources).where(eq(annotationSources.annotationId, id));
    await writeLinks(tx, id, values);
    await recordRevision(tx, { actor, ip: ctx.ip }, row, await annotationSnapshot(tx, id), {
      action: values.passage ? "annotation.reattach" : "annotation.update",
      message: more.message,
    });
  });
  return getAnnotation(ctx, id);
}

export { readAnnotation };

/** The target with another text version of the same law, when one is named; an article has one body. */
function onText(target: TargetRef, textId: number | undefined): TargetRef {
  if (textId === undefined || textId === target.textId) return target;
  if (target.type !== "law") throw new ValidationError({ textId: ["An article has one text."] });
  return { ...target, textId };
}

function columns(values: AnnotationValues) {
  return { kind: values.kind, audience: values.audience, body: values.body };
}

/** The target must exist and still be open to edits; an archived law takes no new notes. */
async function assertTargetOpen(tx: Tx, target: TargetRef) {
  const [row] = await tx
    .select({ visibility: editorialItems.visibility })
    .from(editorialItems)
    .where(and(eq(editorialItems.itemType, target.type), eq(editorialItems.itemId, target.id)))
    .for("share");
  if (!row) throw new NotFoundError(`No such ${target.type}.`);
  if (row.visibility === "archived")
    throw new ValidationError({ passage: [`This ${target.type} is archived and takes no new annotations.`] });
}

async function findPassage(tx: Tx, target: TargetRef, selected: PassageValues): Promise<Passage> {
  const text = await targetText(tx, target, selected.targetRevision);
  if (text === null)
    throw new ValidationError({
      passage: ["This text is not in the version you selected on. Reload the page and select the passage again."],
    });
  return locatePassage(text, selected);
}

/** Refuses links to records that do not exist, or were deleted while the form was open. */
async function assertLinks(tx: Tx, values: AnnotationValues) {
  const found = await linkedNames(tx, values.links, true);
  if (values.links.some((l) => !found.has(`${l.type}:${l.id}`)))
    throw new ValidationError({ links: ["A linked law, article, agent or passage no longer exists."] });
  if (values.sourceIds.length) {
    const rows = await tx
      .select({ id: sources.id })
      .from(sources)
      .where(inArray(sources.id, values.sourceIds))
      .for("share");
    if (rows.length !== values.sourceIds.length)
      throw new ValidationError({ sourceIds: ["A chosen source no longer exists."] });
  }
}

async function writeLinks(tx: Tx, annotationId: number, values: AnnotationValues) {
  if (values.links.length)
    await tx
      .insert(annotationLinks)
      .values(values.links.map((l, position) => ({ annotationId, itemType: l.type, itemId: l.id, position })));
  if (values.sourceIds.length)
    await tx.insert(annotationSources).values(values.sourceIds.map((sourceId) => ({ annotationId, sourceId })));
}
