"use server";

import { revalidatePath } from "next/cache";
import { toActionResult, type ActionResult } from "@/lib/action-result";
import { formValues, many, one } from "@/lib/form-data";
import { requestId, searchText } from "@/lib/validation";
import { requestContext } from "@/modules/auth/session";
import { pageCacheCaughtUp } from "@/modules/system/page-cache-sync";
import { assignItem, bulkAssign } from "@/modules/workflow/assign";
import { bulkMove, type BulkResult } from "@/modules/workflow/bulk-move";
import { addComment, resolveComment } from "@/modules/workflow/comments";
import { searchMergeTargets } from "@/modules/workflow/merge-targets";
import { moveItem } from "@/modules/workflow/transitions";
import { contentTypes, type ContentType } from "@/modules/workflow/labels";

export type WorkflowFormState = ActionResult | null;

const adminPaths: Record<ContentType, string> = {
  law: "/admin/laws",
  article: "/admin/articles",
  agent: "/admin/agents",
  annotation: "/admin/annotations",
};

function refreshItem(type: ContentType, id: number) {
  revalidatePath(`${adminPaths[type]}/${id}`);
  revalidatePath(adminPaths[type]);
  revalidatePath("/admin");
  revalidatePath("/admin/review");
}

export async function moveItemAction(_previous: WorkflowFormState, form: FormData): Promise<WorkflowFormState> {
  const values = formValues(form);
  const input = {
    type: one(values, "type"),
    id: one(values, "id"),
    action: one(values, "action"),
    baseRevision: one(values, "baseRevision"),
    comment: one(values, "comment"),
    overrideReason: one(values, "overrideReason"),
    publishAt: one(values, "publishAt") || undefined,
    mergedIntoId: one(values, "mergedIntoId") || undefined,
  };
  const ctx = await requestContext();
  const result = await toActionResult(async () => {
    const row = await moveItem(ctx, input);
    await pageCacheCaughtUp();
    refreshItem(row.itemType, row.itemId);
  }, "Done.");
  return result;
}

export async function addCommentAction(_previous: WorkflowFormState, form: FormData): Promise<WorkflowFormState> {
  const values = formValues(form);
  const ctx = await requestContext();
  return toActionResult(async () => {
    const added = await addComment(ctx, {
      type: one(values, "type"),
      id: one(values, "id"),
      body: one(values, "body"),
    });
    refreshItem(added.type, added.id);
  }, "Comment added.");
}

export async function resolveCommentAction(_previous: WorkflowFormState, form: FormData): Promise<WorkflowFormState> {
  const ctx = await requestContext();
  return toActionResult(async () => {
    const item = await resolveComment(ctx, requestId(form.get("commentId")));
    refreshItem(item.type, item.id);
  });
}

/** For the withdraw dialog's "send readers to" picker; empty when refused or of no known type. */
export async function searchMergeTargetsAction(type: string, query: string, exceptId: number) {
  const ctx = await requestContext();
  const itemType = contentTypes.find((known) => known === type);
  if (!itemType) return [];
  const result = await toActionResult(() => searchMergeTargets(ctx, itemType, searchText(query), requestId(exceptId)));
  return result.ok ? result.data : [];
}

export type BulkMoveState = ActionResult<BulkResult> | null;

/** Moves the rows ticked on a list; each checkbox's value is "id:baseRevision" (see modules/workflow/bulk-move.ts). */
export async function bulkMoveAction(_previous: BulkMoveState, form: FormData): Promise<BulkMoveState> {
  const values = formValues(form);
  const items = many(values, "item").map((value) => {
    const [id, baseRevision] = value.split(":");
    return { id, baseRevision };
  });
  const ctx = await requestContext();
  return toActionResult(async () => {
    const result = await bulkMove(ctx, { type: one(values, "type"), action: one(values, "action"), items });
    if (result.outcomes.some((o) => o.ok)) {
      await pageCacheCaughtUp();
      const type = one(values, "type");
      if (type === "law" || type === "article") revalidatePath(adminPaths[type]);
      revalidatePath("/admin");
      revalidatePath("/admin/review");
    }
    return result;
  });
}

/** Assigns the item to the reviewer chosen in its sidebar, or to nobody; readers see no change. */
export async function assignItemAction(_previous: WorkflowFormState, form: FormData): Promise<WorkflowFormState> {
  const values = formValues(form);
  const ctx = await requestContext();
  return toActionResult(
    async () => {
      const row = await assignItem(ctx, one(values, "type"), one(values, "id"), one(values, "assigneeId") ?? "");
      refreshItem(row.itemType, row.itemId);
    },
    one(values, "assigneeId") ? "Assigned." : "Unassigned.",
  );
}

/** Assigns the rows ticked on a list to one reviewer; the checkboxes are the bulk moves' ("id:baseRevision"). */
export async function bulkAssignAction(_previous: BulkMoveState, form: FormData): Promise<BulkMoveState> {
  const values = formValues(form);
  const items = many(values, "item").map((value) => ({ id: value.split(":")[0] }));
  const ctx = await requestContext();
  return toActionResult(async () => {
    const type = one(values, "type");
    const result = await bulkAssign(ctx, { type, assigneeId: one(values, "assigneeId") ?? "", items });
    if (result.outcomes.some((o) => o.ok)) {
      if (type === "law" || type === "article") revalidatePath(adminPaths[type]);
      revalidatePath("/admin/review");
    }
    return result;
  });
}
