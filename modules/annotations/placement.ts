import { and, desc, eq, lte } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { annotationAnchors } from "@/db/schema";
import type { AnchorState } from "@/db/schema/vocabulary";
import { anchor, prepareText, type PreparedText } from "@/lib/anchoring/anchor";
import { describePassage, fromCodePoints } from "@/lib/anchoring/selectors";
import { markdownText } from "@/lib/markdown";
import { fromTarget, toTarget, type Passage } from "./passage";
import type { AnnotationSnapshot } from "./snapshot";
import { candidateTexts, targetMarkdown, targetSnapshot, textLanguage, type TargetSnapshot } from "./target";

/** Where one revision of an annotation stands on one revision of its target's text. */
export type Placement = {
  state: AnchorState;
  /** position, moved, context, fuzzy, confirmed or none. */
  method: string;
  /** The law text version it is on (a newer one than it was made on, once carried forward); null for an article or an orphan. */
  textId: number | null;
  passage: Passage | null;
  similarity: number | null;
  confirmedAt: Date | null;
};

/** Texts already read and prepared for anchoring, by target revision and text: a law's many notes share one. */
export type TextCache = Map<string, { snapshot: TargetSnapshot | null; prepared: Map<number | null, PreparedText> }>;

type Row = typeof annotationAnchors.$inferSelect;

function fromRow(row: Row): Placement {
  const passage =
    row.start !== null && row.end !== null
      ? { exact: row.exact ?? "", prefix: row.prefix ?? "", suffix: row.suffix ?? "", start: row.start, end: row.end }
      : null;
  return {
    state: row.state,
    method: row.method,
    textId: row.textId,
    passage,
    similarity: row.similarity,
    confirmedAt: row.confirmedAt,
  };
}

/**
 * Places an annotation revision on a target revision: the placement stored for that pair if there
 * is one, else its passage carried forward from its latest anchored placement before (or from
 * where it was made) and re-anchored in that text. `store` keeps the result, which publishing does
 * so that what readers see does not change under them; an editor's view only looks.
 */
export async function placeAnnotation(
  db: Db | Tx,
  annotation: { id: number; revisionId: number; snapshot: AnnotationSnapshot },
  targetRevisionId: number,
  options: { store: boolean; texts?: TextCache },
): Promise<Placement> {
  const key = and(
    eq(annotationAnchors.annotationRevisionId, annotation.revisionId),
    eq(annotationAnchors.targetRevisionId, targetRevisionId),
  );
  const [stored] = await db.select().from(annotationAnchors).where(key);
  if (stored) return fromRow(stored);
  const { passage: made, target } = annotation.snapshot;
  let placement: Placement;
  if (made.revisionId === targetRevisionId) {
    placement = {
      state: "anchored",
      method: "position",
      textId: target.textId,
      passage: made,
      similarity: null,
      confirmedAt: null,
    };
  } else {
    const [latest] = await db
      .select()
      .from(annotationAnchors)
      .where(
        and(
          eq(annotationAnchors.annotationRevisionId, annotation.revisionId),
          eq(annotationAnchors.state, "anchored"),
          lte(annotationAnchors.targetRevisionId, targetRevisionId),
        ),
      )
      .orderBy(desc(annotationAnchors.targetRevisionId))
      .limit(1);
    const base = latest && latest.targetRevisionId > made.revisionId ? (fromRow(latest).passage ?? made) : made;
    const texts = options.texts ?? new Map();
    const key = `${target.type}:${target.id}:${targetRevisionId}`;
    if (!texts.has(key))
      texts.set(key, { snapshot: await targetSnapshot(db, target, targetRevisionId), prepared: new Map() });
    const cached = texts.get(key)!;
    // Only a law text removed since needs its language looked up where it was made.
    const ownGone = cached.snapshot !== null && targetMarkdown(target, cached.snapshot) === null;
    const lang = ownGone ? await textLanguage(db, target, made.revisionId) : null;
    const candidates = cached.snapshot ? candidateTexts(target, cached.snapshot, lang) : [];
    const tried = candidates.map((candidate) => {
      if (!cached.prepared.has(candidate.textId))
        cached.prepared.set(candidate.textId, prepareText(markdownText(candidate.markdown)));
      return { ...reanchor(base, cached.prepared.get(candidate.textId)!), textId: candidate.textId };
    });
    // A newer text takes the note only where it anchors there; a close match on it does not pull
    // the note off a passage that still stands in its own version.
    placement = tried.find((p) => p.state === "anchored") ??
      tried.find((p) => p.state === "drifted") ?? { ...orphan, textId: null };
  }
  if (options.store) {
    await db
      .insert(annotationAnchors)
      .values({
        annotationRevisionId: annotation.revisionId,
        targetRevisionId,
        annotationId: annotation.id,
        state: placement.state,
        method: placement.method,
        textId: placement.textId,
        start: placement.passage?.start ?? null,
        end: placement.passage?.end ?? null,
        exact: placement.passage?.exact ?? null,
        prefix: placement.passage?.prefix ?? null,
        suffix: placement.passage?.suffix ?? null,
        similarity: placement.similarity,
      })
      .onConflictDoNothing();
  }
  return placement;
}

const orphan = { state: "orphaned", method: "none", passage: null, similarity: null, confirmedAt: null } as const;

function reanchor(base: Passage, prepared: PreparedText): Omit<Placement, "textId"> {
  const found = anchor(toTarget(base), prepared);
  if (found.state === "orphaned") return orphan;
  const { text } = prepared;
  const passage = fromTarget(describePassage(text, fromCodePoints(text, found.start), fromCodePoints(text, found.end)));
  if (found.state === "anchored")
    return {
      state: "anchored",
      method: found.moved ? "moved" : "position",
      passage,
      similarity: null,
      confirmedAt: null,
    };
  return { state: "drifted", method: found.method, passage, similarity: found.similarity, confirmedAt: null };
}
