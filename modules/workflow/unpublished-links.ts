import { and, eq, or } from "drizzle-orm";
import { editorialItems, revisions } from "@/db/schema";
import type { ContentType, ReviewState, Visibility } from "@/db/schema/vocabulary";
import { NotFoundError } from "@/lib/errors";
import { linkedNames } from "@/modules/annotations/links";
import { parseAnnotationSnapshot } from "@/modules/annotations/snapshot-schema";
import { parseArticleSnapshot } from "@/modules/articles/snapshot-schema";
import { authorize } from "@/modules/auth/authorize";
import type { Ctx } from "@/modules/auth/context";
import { parseLawSnapshot } from "@/modules/laws/snapshot-schema";
import { agentIdsOf } from "@/modules/public/live-agents";
import { workflowLabel } from "./labels";
import type { Snapshot } from "./revise";

type Ref = { type: ContentType; id: number };

/**
 * A record an item's working revision links to that readers do not see as it is: not public at
 * all (a draft, withdrawn, archived; readers see nothing of it), or public with changes not yet
 * published (readers see its published version).
 */
export type UnpublishedLink = Ref & { name: string; state: string; readersSee: "nothing" | "published version" };

/**
 * The linked records of an item's working revision that are not published as they stand, for its
 * review: the reviewer publishes them too, or knowingly leaves them out of what readers see.
 */
export async function unpublishedLinks(ctx: Ctx, type: ContentType, id: number): Promise<UnpublishedLink[]> {
  authorize(ctx, "admin.access");
  const [item] = await ctx.db
    .select({ snapshot: revisions.snapshot })
    .from(editorialItems)
    .innerJoin(revisions, eq(revisions.id, editorialItems.workingRevisionId))
    .where(and(eq(editorialItems.itemType, type), eq(editorialItems.itemId, id)));
  if (!item) throw new NotFoundError(`No such ${type}.`);
  const refs = distinct(linksOf(type, item.snapshot));
  if (refs.length === 0) return [];
  const states = await ctx.db
    .select({
      type: editorialItems.itemType,
      id: editorialItems.itemId,
      review: editorialItems.review,
      visibility: editorialItems.visibility,
    })
    .from(editorialItems)
    .where(or(...refs.map((r) => and(eq(editorialItems.itemType, r.type), eq(editorialItems.itemId, r.id)))));
  const names = await linkedNames(ctx.db, refs);
  // In the order the item links them; a record deleted since has no state and no name, and is left out.
  return refs.flatMap((ref) => {
    const state = states.find((s) => s.type === ref.type && s.id === ref.id);
    const name = names.get(`${ref.type}:${ref.id}`);
    if (!state || name === undefined || isPublishedAsItStands(state)) return [];
    return [
      {
        ...ref,
        name,
        state: workflowLabel(state.review, state.visibility),
        readersSee: state.visibility === "live" ? "published version" : "nothing",
      },
    ];
  });
}

function isPublishedAsItStands(state: { review: ReviewState; visibility: Visibility }): boolean {
  return state.visibility === "live" && state.review === "published";
}

/** The records with a workflow of their own that a revision links to (vocabularies and sources have none). */
export function linksOf(type: ContentType, snapshot: Snapshot): Ref[] {
  if (type === "law") {
    const law = parseLawSnapshot(snapshot);
    return [
      ...law.events.flatMap((e) => (e.agentId === null ? [] : [{ type: "agent" as const, id: e.agentId }])),
      ...law.relations.map((r) => ({ type: "law" as const, id: r.toLawId })),
    ];
  }
  if (type === "article") {
    const article = parseArticleSnapshot(snapshot);
    return [
      ...agentIdsOf(article).map((agentId) => ({ type: "agent" as const, id: agentId })),
      ...article.laws.map((l) => ({ type: "law" as const, id: l.id })),
    ];
  }
  if (type === "annotation") {
    const note = parseAnnotationSnapshot(snapshot);
    return [{ type: note.target.type, id: note.target.id }, ...note.links.map((l) => ({ type: l.type, id: l.id }))];
  }
  return [];
}

function distinct(refs: Ref[]): Ref[] {
  const seen = new Set<string>();
  return refs.filter((r) => !seen.has(`${r.type}:${r.id}`) && seen.add(`${r.type}:${r.id}`));
}
