import Link from "next/link";
import type { ContentType } from "@/modules/workflow/labels";
import type { WorkflowAction } from "@/modules/workflow/machine";
import { roleHas } from "@/modules/auth/permissions";
import { requestContext } from "@/modules/auth/session";
import { listReviewers } from "@/modules/workflow/assign";
import { listComments } from "@/modules/workflow/comments";
import { workflowLabel } from "@/modules/workflow/labels";
import { workflowOptions } from "@/modules/workflow/options";
import { markSeen } from "@/modules/workflow/queue";
import { unpublishedLinks } from "@/modules/workflow/unpublished-links";
import { AssignForm } from "./assign-form";
import { CommentThread } from "./comment-thread";
import { UnpublishedLinks } from "./unpublished-links";
import { WorkflowButtons } from "./workflow-buttons";

/** The moves that take an item off the public site: kept apart from the moves forward. */
const removalMoves: ReadonlySet<WorkflowAction> = new Set(["withdraw", "archive"]);

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/**
 * An item's place in the editorial workflow, for its edit page's sidebar: its state, when it was
 * last saved and by whom, its revisions, what the signed-in user may do next, and the editorial
 * comments. The moves that take it off the public site (and deleting it) come last, apart.
 */
export async function WorkflowPanel({
  type,
  id,
  previewHref,
  publicHref,
  removal,
}: {
  type: ContentType;
  id: number;
  previewHref?: string;
  publicHref?: string;
  /** A further destructive control shown with withdraw and archive (deleting a never-published item). */
  removal?: React.ReactNode;
}) {
  const ctx = await requestContext();
  const { status, options } = await workflowOptions(ctx, type, id);
  const comments = await listComments(ctx, type, id);
  const pending = await unpublishedLinks(ctx, type, id);
  await markSeen(ctx, type, id);
  const reviewers = ctx.actor && roleHas(ctx.actor.role, "workflow.review") ? await listReviewers(ctx) : null;
  const forward = options.filter((o) => !removalMoves.has(o.action));
  const away = options.filter((o) => removalMoves.has(o.action) && o.allowed);
  return (
    <section
      aria-labelledby="workflow-heading"
      className="rounded border border-rule bg-surface p-4"
      data-testid="workflow"
    >
      <h2 id="workflow-heading" className="text-xs font-bold uppercase tracking-widest">
        Status: <span data-testid="workflow-state">{workflowLabel(status.review, status.visibility)}</span>
      </h2>
      <dl className="mt-3 space-y-2 text-sm">
        <Fact term="Last saved">
          {status.workingAt && `${when.format(status.workingAt)} UTC, `}by {status.workingAuthor}
        </Fact>
        <Fact term="Revision">
          {status.workingNumber}
          {status.liveNumber === null
            ? " (never published)"
            : status.liveNumber === status.workingNumber
              ? status.visibility === "live"
                ? " (the public one)"
                : " (no longer public)"
              : `; readers ${status.visibility === "live" ? "see" : "saw"} revision ${status.liveNumber}${status.visibility === "live" ? "" : " (no longer public)"}`}
        </Fact>
        {status.submittedBy && status.review !== "draft" && status.review !== "published" && (
          <Fact term="Submitted by">{status.submittedBy}</Fact>
        )}
        {status.approvedBy && status.review === "approved" && <Fact term="Approved by">{status.approvedBy}</Fact>}
        <Fact term="Assigned to">
          <span data-testid="assigned-to">{status.assignedTo ?? "Nobody"}</span>
        </Fact>
        {status.publishAt && (
          <Fact term="Scheduled">
            <span data-testid="scheduled-at">to be published {when.format(status.publishAt)} UTC</span>
          </Fact>
        )}
      </dl>
      <p className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <Link href={`/admin/history/${type}/${id}`}>History</Link>
        {previewHref && (
          <a href={previewHref} target="_blank" rel="noreferrer">
            Preview (opens in a new tab)
          </a>
        )}
        {publicHref && status.visibility === "live" && <Link href={publicHref}>Public page</Link>}
      </p>
      {reviewers && <AssignForm type={type} id={id} assigneeId={status.assignedToId} reviewers={reviewers} />}
      <UnpublishedLinks links={pending} />
      <WorkflowButtons type={type} id={id} baseRevision={status.workingRevisionId} options={forward} />
      <CommentThread type={type} id={id} comments={comments} />
      {(away.length > 0 || removal) && (
        <div className="mt-6 border-t border-rule pt-4" data-testid="removal-moves">
          <h3 className="text-sm font-semibold">Remove</h3>
          <div className="mt-2 flex flex-wrap gap-2">
            <WorkflowButtons type={type} id={id} baseRevision={status.workingRevisionId} options={away} className="" />
            {removal}
          </div>
        </div>
      )}
    </section>
  );
}

function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-muted">{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}
