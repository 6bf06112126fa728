import { and, count, eq, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { editorialComments, editorialItems, revisions, users } from "@/db/schema";
import type { ContentType } from "@/db/schema/vocabulary";
import { NotFoundError } from "@/lib/errors";
import { authorize } from "@/modules/auth/authorize";
import type { Ctx } from "@/modules/auth/context";

const working = alias(revisions, "working");
const live = alias(revisions, "live");
const workingAuthor = alias(users, "working_author");
const submitter = alias(users, "submitter");
const approver = alias(users, "approver");
const assignee = alias(users, "assignee");

/** Where an item stands in the workflow, for its edit page: revisions, who did what, open comments. */
export async function editorialStatus(ctx: Ctx, type: ContentType, id: number) {
  authorize(ctx, "admin.access");
  const [row] = await ctx.db
    .select({
      item: editorialItems,
      workingNumber: working.number,
      workingAt: working.createdAt,
      workingAuthor: workingAuthor.name,
      liveNumber: live.number,
      submittedBy: submitter.name,
      approvedBy: approver.name,
      assignedTo: assignee.name,
    })
    .from(editorialItems)
    .leftJoin(working, eq(working.id, editorialItems.workingRevisionId))
    .leftJoin(workingAuthor, eq(workingAuthor.id, working.authorId))
    .leftJoin(live, eq(live.id, editorialItems.liveRevisionId))
    .leftJoin(submitter, eq(submitter.id, editorialItems.submittedById))
    .leftJoin(approver, eq(approver.id, editorialItems.approvedById))
    .leftJoin(assignee, eq(assignee.id, editorialItems.assignedToId))
    .where(and(eq(editorialItems.itemType, type), eq(editorialItems.itemId, id)));
  if (!row) throw new NotFoundError(`No such ${type}.`);
  const [open] = await ctx.db
    .select({ n: count() })
    .from(editorialComments)
    .where(
      and(eq(editorialComments.itemType, type), eq(editorialComments.itemId, id), isNull(editorialComments.resolvedAt)),
    );
  return {
    ...row.item,
    workingRevisionId: row.item.workingRevisionId!,
    workingNumber: row.workingNumber ?? 0,
    workingAt: row.workingAt,
    workingAuthor: row.workingAuthor ?? "Command line",
    liveNumber: row.liveNumber,
    submittedBy: row.submittedBy,
    approvedBy: row.approvedBy,
    assignedTo: row.assignedTo,
    openComments: open?.n ?? 0,
  };
}

export type EditorialStatus = Awaited<ReturnType<typeof editorialStatus>>;
