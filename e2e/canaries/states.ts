import type { ContentType } from "@/db/schema/vocabulary";
import type { Ctx } from "@/modules/auth/context";
import { editorialStatus } from "@/modules/workflow/status";
import { moveItem } from "@/modules/workflow/transitions";
import type { CanaryBook } from "./book";

/**
 * Every state in which an item is not public. "working": published without canaries, then edited
 * with them, so only its unpublished working revision holds them. Withdrawn and archived items were
 * public once, canaries and all.
 */
export const hiddenStates = [
  "draft",
  "in_review",
  "changes_requested",
  "approved",
  "scheduled",
  "withdrawn",
  "archived",
  "working",
] as const;
export type HiddenState = (typeof hiddenStates)[number];

const farFuture = new Date("2099-01-01T00:00:00Z");

const paths: Record<Exclude<HiddenState, "working">, string[]> = {
  draft: [],
  in_review: ["submit"],
  changes_requested: ["submit", "request_changes"],
  approved: ["submit", "approve"],
  scheduled: ["submit", "approve", "schedule"],
  withdrawn: ["submit", "approve", "publish", "withdraw"],
  archived: ["submit", "approve", "publish", "archive"],
};

export async function workingRevision(ctx: Ctx, type: ContentType, id: number): Promise<number> {
  return (await editorialStatus(ctx, type, id)).workingRevisionId;
}

/**
 * Moves a new item through the workflow to `state`; the comments on the way carry canaries too,
 * named after `label` (the state the item is headed for, when "live" is only a stop on the way).
 */
export async function bringTo(
  ctx: Ctx,
  book: CanaryBook,
  type: ContentType,
  id: number,
  state: HiddenState | "live",
  label: string = state,
) {
  const actions = state === "live" || state === "working" ? ["submit", "approve", "publish"] : paths[state];
  for (const action of actions) {
    await moveItem(ctx, {
      type,
      id,
      action,
      baseRevision: await workingRevision(ctx, type, id),
      comment: action === "submit" || action === "publish" ? "" : book.mark(type, label, `${action}-comment`),
      publishAt: action === "schedule" ? farFuture : undefined,
    });
  }
}
