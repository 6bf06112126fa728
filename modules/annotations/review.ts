import { and, eq, inArray } from "drizzle-orm";
import { editorialItems, revisions } from "@/db/schema";
import type { AnnotationAudience, AnnotationKind, ReviewState, Visibility } from "@/db/schema/vocabulary";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { markdownText } from "@/lib/markdown";
import { parseInput, recordId } from "@/lib/validation";
import { authorize } from "@/modules/auth/authorize";
import type { Ctx } from "@/modules/auth/context";
import { z } from "zod";
import type { Passage } from "./passage";
import { placeAnnotation, type Placement, type TextCache } from "./placement";
import { annotationIdsOn, getAnnotation, type AnnotationDetail } from "./read";
import { updateAnnotation } from "./save";
import { parseAnnotationSnapshot } from "./snapshot-schema";
import { targetMarkdown, targetSnapshot, type TargetRef } from "./target";

export type AnnotationOnText = {
  id: number;
  kind: AnnotationKind;
  audience: AnnotationAudience;
  body: string;
  title: string;
  review: ReviewState;
  visibility: Visibility;
  revisionId: number;
  /** The passage as it was selected, on the revision it was made on. */
  made: Passage;
  /** Where it stands on the text as editors now see it. */
  placement: Placement;
};

export type TextUnderReview = { targetRevisionId: number; text: string; annotations: AnnotationOnText[] };

/**
 * Every annotation on a law text or an article, placed on the target's working revision: what an
 * editor sees while annotating, and which notes drifted or lost their passage. Archived (retired)
 * annotations are left out. Placing only looks; publishing stores what readers get.
 */
export async function annotationsOnText(ctx: Ctx, target: TargetRef): Promise<TextUnderReview> {
  authorize(ctx, "admin.access");
  const db = ctx.db;
  const [item] = await db
    .select({ working: editorialItems.workingRevisionId })
    .from(editorialItems)
    .where(and(eq(editorialItems.itemType, target.type), eq(editorialItems.itemId, target.id)));
  if (!item?.working) throw new NotFoundError(`No such ${target.type}.`);
  const working = await targetSnapshot(db, target, item.working);
  const markdown = working && targetMarkdown(target, working);
  if (markdown == null) throw new NotFoundError("No such text.");
  const text = markdownText(markdown);
  const textIds = new Set((working && "texts" in working ? working.texts : []).map((t) => t.id));
  // Every note on the law, since one made on an older version of this text may be carried here.
  const ids = await annotationIdsOn(db, { ...target, textId: null });
  const rows = ids.length
    ? await db
        .select({
          id: editorialItems.itemId,
          review: editorialItems.review,
          visibility: editorialItems.visibility,
          revisionId: revisions.id,
          snapshot: revisions.snapshot,
        })
        .from(editorialItems)
        .innerJoin(revisions, eq(revisions.id, editorialItems.workingRevisionId))
        .where(and(eq(editorialItems.itemType, "annotation"), inArray(editorialItems.itemId, ids)))
    : [];
  const texts: TextCache = new Map();
  const annotations: AnnotationOnText[] = [];
  for (const row of rows.sort((a, b) => a.id - b.id)) {
    if (row.visibility === "archived") continue;
    const snapshot = parseAnnotationSnapshot(row.snapshot);
    const placement = await placeAnnotation(db, { id: row.id, revisionId: row.revisionId, snapshot }, item.working, {
      store: false,
      texts,
    });
    const here =
      target.type === "article" ||
      placement.textId === target.textId ||
      (placement.textId === null && snapshot.target.textId === target.textId) ||
      // An orphan whose own text version was removed is shown on every text of its law.
      (placement.state === "orphaned" && !textIds.has(snapshot.target.textId ?? 0));
    if (!here) continue;
    const { revisionId: _made, ...made } = snapshot.passage;
    annotations.push({
      id: row.id,
      kind: snapshot.kind,
      audience: snapshot.audience,
      body: snapshot.body,
      title: snapshot.title,
      review: row.review,
      visibility: row.visibility,
      revisionId: row.revisionId,
      made,
      placement,
    });
  }
  return { targetRevisionId: item.working, text, annotations };
}

const foundPassageInput = z.object({
  annotationId: recordId,
  annotationRevision: recordId,
  targetRevision: recordId,
});

/**
 * Moves a drifted annotation onto the passage it was found at in one revision of its target, as a
 * new draft of the annotation (like re-attaching it by hand). What readers see changes only when
 * that draft is reviewed and published, by someone other than the one who proposed it, as for
 * any change (docs/adr/0004-annotation-anchoring.md).
 */
export async function proposeFoundPassage(ctx: Ctx, input: unknown): Promise<AnnotationDetail> {
  authorize(ctx, "content.write");
  const values = parseInput(foundPassageInput, input);
  const [row] = await ctx.db
    .select({ working: editorialItems.workingRevisionId, snapshot: revisions.snapshot })
    .from(editorialItems)
    .innerJoin(revisions, eq(revisions.id, editorialItems.workingRevisionId))
    .where(and(eq(editorialItems.itemType, "annotation"), eq(editorialItems.itemId, values.annotationId)));
  if (!row) throw new NotFoundError("No such annotation.");
  if (row.working !== values.annotationRevision)
    throw new ConflictError("This annotation changed since you opened it. Reload to see where it stands now.");
  const snapshot = parseAnnotationSnapshot(row.snapshot);
  const annotation = { id: values.annotationId, revisionId: row.working, snapshot };
  const placement = await placeAnnotation(ctx.db, annotation, values.targetRevision, { store: false });
  if (placement.state !== "drifted" || !placement.passage)
    throw new ConflictError(
      placement.state === "anchored"
        ? "This annotation is already anchored."
        : "This annotation's passage was not found: select a new passage to re-attach it.",
    );
  const current = await getAnnotation(ctx, values.annotationId);
  const { exact, prefix, suffix, start, end } = placement.passage;
  return updateAnnotation(
    ctx,
    values.annotationId,
    {
      kind: current.kind,
      audience: current.audience,
      body: current.body,
      links: current.links.map((l) => `${l.type}:${l.id}`),
      sourceIds: current.sources.map((s) => s.id),
      baseRevision: values.annotationRevision,
      // Found on a newer text version it was carried to: it moves there.
      textId: placement.textId ?? undefined,
      passage: { targetRevision: values.targetRevision, exact, prefix, suffix, start, end },
    },
    { message: "Moved to the passage it was found at" },
  );
}

/**
 * Where one annotation's working revision stands on its target's working text, and on which text
 * (a newer version of a law's text, once carried there): what its own page shows and links to.
 */
export async function currentPlacement(
  ctx: Ctx,
  id: number,
): Promise<{ target: TargetRef; placement: Placement } | null> {
  authorize(ctx, "admin.access");
  const [row] = await ctx.db
    .select({ revisionId: revisions.id, snapshot: revisions.snapshot })
    .from(editorialItems)
    .innerJoin(revisions, eq(revisions.id, editorialItems.workingRevisionId))
    .where(and(eq(editorialItems.itemType, "annotation"), eq(editorialItems.itemId, id)));
  if (!row) return null;
  const snapshot = parseAnnotationSnapshot(row.snapshot);
  const [target] = await ctx.db
    .select({ working: editorialItems.workingRevisionId })
    .from(editorialItems)
    .where(and(eq(editorialItems.itemType, snapshot.target.type), eq(editorialItems.itemId, snapshot.target.id)));
  if (!target?.working) return null;
  const placement = await placeAnnotation(ctx.db, { id, revisionId: row.revisionId, snapshot }, target.working, {
    store: false,
  });
  return { target: { ...snapshot.target, textId: placement.textId ?? snapshot.target.textId }, placement };
}
