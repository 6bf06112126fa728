import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { revisions } from "@/db/schema";
import { markdownText } from "@/lib/markdown";
import type { ArticleSnapshot } from "@/modules/articles/snapshot";
import type { LawSnapshot } from "@/modules/laws/snapshot";
import type { Snapshot } from "@/modules/workflow/revise";
import type { AnnotatableType } from "./schemas";

export type TargetRef = { type: AnnotatableType; id: number; textId: number | null };

/** The Markdown an annotation's passage is in, in one revision of its target; null once it is gone. */
export function targetMarkdown(target: TargetRef, snapshot: Snapshot): string | null {
  if (target.type === "article") return (snapshot as ArticleSnapshot).body ?? null;
  return (snapshot as LawSnapshot).texts?.find((t) => t.id === target.textId)?.body ?? null;
}

/** The plain text positions count in, of a target revision (see markdownText); null if the text is gone. */
export async function targetText(db: Db | Tx, target: TargetRef, revisionId: number): Promise<string | null> {
  const [revision] = await db
    .select({ snapshot: revisions.snapshot })
    .from(revisions)
    .where(and(eq(revisions.id, revisionId), eq(revisions.itemType, target.type), eq(revisions.itemId, target.id)));
  if (!revision) return null;
  const markdown = targetMarkdown(target, revision.snapshot);
  return markdown === null ? null : markdownText(markdown);
}
