import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { revisions } from "@/db/schema";
import { markdownText } from "@/lib/markdown";
import { parseArticleSnapshot, type ArticleSnapshot } from "@/modules/articles/snapshot-schema";
import { parseLawSnapshot, type LawSnapshot } from "@/modules/laws/snapshot-schema";
import type { AnnotatableType } from "./schemas";

export type TargetRef = { type: AnnotatableType; id: number; textId: number | null };

/** One revision of what an annotation is on: a law (its texts) or an article (its body). */
export type TargetSnapshot = LawSnapshot | ArticleSnapshot;

/** The Markdown an annotation's passage is in, in one revision of its target; null once it is gone. */
export function targetMarkdown(target: TargetRef, snapshot: TargetSnapshot): string | null {
  if (!("texts" in snapshot)) return snapshot.body;
  return snapshot.texts.find((t) => t.id === target.textId)?.body ?? null;
}

export async function targetSnapshot(
  db: Db | Tx,
  target: TargetRef,
  revisionId: number,
): Promise<TargetSnapshot | null> {
  const [revision] = await db
    .select({ snapshot: revisions.snapshot })
    .from(revisions)
    .where(and(eq(revisions.id, revisionId), eq(revisions.itemType, target.type), eq(revisions.itemId, target.id)));
  if (!revision) return null;
  return target.type === "law" ? parseLawSnapshot(revision.snapshot) : parseArticleSnapshot(revision.snapshot);
}

/** The plain text positions count in, of a target revision (see markdownText); null if the text is gone. */
export async function targetText(db: Db | Tx, target: TargetRef, revisionId: number): Promise<string | null> {
  const snapshot = await targetSnapshot(db, target, revisionId);
  const markdown = snapshot && targetMarkdown(target, snapshot);
  return markdown == null ? null : markdownText(markdown);
}

/** A text a passage may be in: a law's text version (by id), or an article's body (id null). */
export type CandidateText = { textId: number | null; markdown: string };

type LawText = LawSnapshot["texts"][number];
const later = (a: LawText, b: LawText) =>
  (a.effectiveDate?.date ?? "").localeCompare(b.effectiveDate?.date ?? "") || a.id - b.id;

/**
 * Where to look for a passage in one revision of its target. An article has its body. A law's
 * annotation is carried forward to the newest text in its language when a newer version was
 * added (an amended text), and otherwise stays on its own version: the newer one first, then its own.
 * `lang` is the language of its own text, which the caller reads from the revision it was made on
 * when that text is gone from this one.
 */
export function candidateTexts(target: TargetRef, snapshot: TargetSnapshot, lang: string | null): CandidateText[] {
  if (!("texts" in snapshot)) return [{ textId: null, markdown: snapshot.body }];
  const texts = snapshot.texts;
  const own = texts.find((t) => t.id === target.textId);
  const language = own?.lang ?? lang;
  const newest = texts
    .filter((t) => t.lang === language)
    .sort(later)
    .at(-1);
  const candidates: CandidateText[] = [];
  if (newest && newest.id !== own?.id && (!own || later(newest, own) > 0))
    candidates.push({ textId: newest.id, markdown: newest.body });
  if (own) candidates.push({ textId: own.id, markdown: own.body });
  return candidates;
}

/** The language of a law text as it stood in a revision (an annotation's own text, gone since). */
export async function textLanguage(db: Db | Tx, target: TargetRef, revisionId: number): Promise<string | null> {
  if (target.type !== "law") return null;
  const snapshot = await targetSnapshot(db, target, revisionId);
  if (!snapshot || !("texts" in snapshot)) return null;
  return snapshot.texts.find((t) => t.id === target.textId)?.lang ?? null;
}
