import { inArray } from "drizzle-orm";
import { z } from "zod";
import { articles, laws } from "@/db/schema";
import { loggable } from "@/lib/describe-error";
import { DomainError, ValidationError } from "@/lib/errors";
import { parseInput, recordId } from "@/lib/validation";
import { authorize } from "@/modules/auth/authorize";
import type { Ctx } from "@/modules/auth/context";
import { moveItem } from "./transitions";

/** The moves a list offers for many items at once: none needs a comment, a date or a target. */
export const bulkActions = ["submit", "publish", "withdraw"] as const;
export type BulkAction = (typeof bulkActions)[number];

const bulkMoveInput = z.object({
  type: z.enum(["law", "article"]),
  action: z.enum(bulkActions),
  items: z
    .array(z.object({ id: recordId, baseRevision: recordId }))
    .min(1, "Choose at least one item.")
    .max(100, "Choose at most 100 items at once."),
});

export type BulkOutcome =
  { id: number; title: string; ok: true } | { id: number; title: string; ok: false; reason: string };
/** What a list's bulk bar did: a workflow move, or assigning the items to a reviewer (./assign.ts). */
export type BulkVerb = BulkAction | "assign" | "unassign";
export type BulkResult = { action: BulkVerb; outcomes: BulkOutcome[]; summary: string };

/**
 * Moves each chosen item through moveItem, the one the item's own page uses, so that its
 * authorization, two-person rule and conflict check hold per item. Each item is its own
 * transaction: one refused item leaves the others done, and the result says which was which.
 */
export async function bulkMove(ctx: Ctx, input: unknown): Promise<BulkResult> {
  authorize(ctx, "admin.access");
  const { type, action, items } = parseInput(bulkMoveInput, input);
  // Refused at once when the role can do this to no item, as moveItem would refuse each.
  authorize(ctx, action === "submit" ? "content.write" : "workflow.review");
  // The base is the working revision the list showed, not one read now: the editor acts on
  // what they saw, and an item saved by someone since is refused as changed, as on its page.
  const outcomes = await eachItem(
    ctx,
    type,
    items.map((item) => item.id),
    (id, i) => moveItem(ctx, { type, id, action, baseRevision: items[i]!.baseRevision }),
  );
  return { action, outcomes, summary: bulkSummary(action, outcomes) };
}

/**
 * Does one item's verb for each id in turn, each in its own transaction, and reports each: done,
 * or refused with the item's title and the reason the item's own page would give.
 */
export async function eachItem(
  ctx: Ctx,
  type: "law" | "article",
  ids: number[],
  act: (id: number, index: number) => Promise<unknown>,
): Promise<BulkOutcome[]> {
  const titles = await titlesOf(ctx, type, ids);
  const outcomes: BulkOutcome[] = [];
  for (const [index, id] of ids.entries()) {
    const title = titles.get(id) ?? `#${id}`;
    try {
      await act(id, index);
      outcomes.push({ id, title, ok: true });
    } catch (error) {
      if (!(error instanceof DomainError)) console.error("Unexpected error in a bulk action:", loggable(error));
      const reason =
        error instanceof DomainError ? refusal(error) : "Something went wrong on our side. Please try again.";
      outcomes.push({ id, title, ok: false, reason });
    }
  }
  return outcomes;
}

/** A validation error's field messages are its reason; its own message is only "check the form". */
function refusal(error: DomainError): string {
  const fields = error instanceof ValidationError ? Object.values(error.fieldErrors).flat() : [];
  return fields.length > 0 ? fields.join(" ") : error.message;
}

const done: Record<BulkVerb, string> = {
  submit: "submitted",
  publish: "published",
  withdraw: "withdrawn",
  assign: "assigned",
  unassign: "unassigned",
};

/** "3 submitted; 1 refused: Title — reason", the line the list shows after a bulk move. */
export function bulkSummary(action: BulkVerb, outcomes: BulkOutcome[], to = ""): string {
  const moved = outcomes.filter((o) => o.ok).length;
  const refused = outcomes.flatMap((o) => (o.ok ? [] : [`${o.title} — ${o.reason}`]));
  const parts = [`${moved} ${done[action]}${to && ` to ${to}`}`];
  if (refused.length > 0) parts.push(`${refused.length} refused: ${refused.join("; ")}`);
  return parts.join("; ");
}

async function titlesOf(ctx: Ctx, type: "law" | "article", ids: number[]): Promise<Map<number, string>> {
  const table = type === "law" ? laws : articles;
  const rows = await ctx.db.select({ id: table.id, title: table.title }).from(table).where(inArray(table.id, ids));
  return new Map(rows.map((row) => [row.id, row.title]));
}
