import type { ReviewState, Role, Visibility } from "@/db/schema/vocabulary";
import { roleHas } from "@/modules/auth/permissions";

/** The moves an item can make (DESIGN.md, "Editorial workflow"); saving is not one: it always makes a draft. */
export const workflowActions = [
  "submit",
  "request_changes",
  "approve",
  "publish",
  "schedule",
  "unschedule",
  "withdraw",
  "archive",
] as const;
export type WorkflowAction = (typeof workflowActions)[number];

/** `scheduled`: an approved item has a publication time set. */
export type ItemState = { review: ReviewState; visibility: Visibility; scheduled?: boolean };

export type Verdict = { ok: true; override: boolean } | { ok: false; reason: string };

type Who = {
  role: Role;
  /** Wrote or submitted a revision of the change under review. */
  isAuthor: boolean;
  /** A written reason for bypassing the two-person rule or unresolved comments. */
  overrideReason?: string;
  unresolvedComments?: number;
};

const from: Record<WorkflowAction, (s: ItemState) => boolean> = {
  // A withdrawn item that was not edited since goes back through review as it is.
  submit: (s) =>
    s.review === "draft" ||
    s.review === "changes_requested" ||
    (s.review === "published" && s.visibility === "withdrawn"),
  request_changes: (s) => s.review === "in_review",
  approve: (s) => s.review === "in_review",
  publish: (s) => s.review === "approved",
  schedule: (s) => s.review === "approved",
  unschedule: (s) => s.review === "approved" && s.scheduled === true,
  withdraw: (s) => s.visibility === "live",
  archive: (s) => s.visibility !== "archived",
};

const stateNames: Record<ReviewState, string> = {
  draft: "a draft",
  in_review: "in review",
  changes_requested: "waiting for changes",
  approved: "approved",
  published: "published",
};

/** Whether `who` may take `action` on an item in `state`, and why not. Pure: the tests walk every case. */
export function decide(action: WorkflowAction, state: ItemState, who: Who): Verdict {
  if (state.visibility === "archived") return { ok: false, reason: "This item is archived." };
  if (!from[action](state)) {
    if (action === "withdraw") return { ok: false, reason: "Only a published item can be withdrawn." };
    return { ok: false, reason: `This item is ${stateNames[state.review]}, so it cannot be ${pastTense[action]} now.` };
  }
  if (action === "submit") return { ok: true, override: false };
  if (action === "archive") {
    return roleHas(who.role, "workflow.override")
      ? { ok: true, override: false }
      : { ok: false, reason: "Only an admin can archive." };
  }
  if (!roleHas(who.role, "workflow.review")) return { ok: false, reason: "Only an editor can do this." };
  const reason = who.overrideReason?.trim() ?? "";
  const twoPerson = action === "approve" || action === "publish" || action === "schedule";
  if (twoPerson && who.isAuthor) {
    if (!roleHas(who.role, "workflow.override"))
      return { ok: false, reason: "Someone other than its authors must approve and publish a change." };
    if (!reason) return { ok: false, reason: "Give a reason for approving or publishing your own change." };
    return { ok: true, override: true };
  }
  if (action === "approve" && (who.unresolvedComments ?? 0) > 0) {
    if (!reason) return { ok: false, reason: "Resolve the open comments first, or give a reason to approve anyway." };
    return { ok: true, override: true };
  }
  return { ok: true, override: false };
}

const pastTense: Record<WorkflowAction, string> = {
  submit: "submitted",
  request_changes: "sent back for changes",
  approve: "approved",
  publish: "published",
  schedule: "scheduled",
  unschedule: "unscheduled",
  withdraw: "withdrawn",
  archive: "archived",
};

/** The state an allowed action leads to. */
export function next(action: WorkflowAction, state: ItemState): ItemState {
  switch (action) {
    case "submit":
      return { ...state, review: "in_review" };
    case "request_changes":
      return { ...state, review: "changes_requested" };
    case "approve":
      return { ...state, review: "approved" };
    case "schedule":
      return { ...state, review: "approved", scheduled: true };
    case "unschedule":
      return { ...state, scheduled: false };
    case "publish":
      return { review: "published", visibility: "live", scheduled: false };
    case "withdraw":
      return { ...state, visibility: "withdrawn", scheduled: false };
    case "archive":
      return { ...state, visibility: "archived", scheduled: false };
  }
}
