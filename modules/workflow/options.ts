import type { ContentType } from "@/db/schema/vocabulary";
import type { Ctx } from "@/modules/auth/context";
import { authorize } from "@/modules/auth/authorize";
import { decide, workflowActions, type WorkflowAction } from "./machine";
import { editorialStatus } from "./status";
import { changeAuthors } from "./change-authors";
import { stateOf } from "./transitions";

export type ActionOption = { action: WorkflowAction; allowed: boolean; needsReason: boolean; reason?: string };

/**
 * What the signed-in user may do with an item now, for its workflow panel: the same decision the
 * domain takes when the action arrives, so buttons are shown only when they would work.
 */
export async function workflowOptions(ctx: Ctx, type: ContentType, id: number) {
  const actor = authorize(ctx, "admin.access");
  const status = await editorialStatus(ctx, type, id);
  const authors = await changeAuthors(ctx.db, { type, id });
  const isAuthor = actor.id !== null && (authors.includes(actor.id) || status.submittedById === actor.id);
  const options: ActionOption[] = workflowActions.map((action) => {
    const plain = decide(action, stateOf(status), {
      role: actor.role,
      isAuthor,
      unresolvedComments: status.openComments,
    });
    if (plain.ok) return { action, allowed: true, needsReason: false };
    const withReason = decide(action, stateOf(status), {
      role: actor.role,
      isAuthor,
      unresolvedComments: status.openComments,
      overrideReason: "reason",
    });
    return { action, allowed: withReason.ok, needsReason: withReason.ok, reason: plain.reason };
  });
  return { status, isAuthor, options };
}
