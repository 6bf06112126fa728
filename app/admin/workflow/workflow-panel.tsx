import Link from "next/link";
import type { ContentType } from "@/modules/workflow/labels";
import { requestContext } from "@/modules/auth/session";
import { listComments } from "@/modules/workflow/comments";
import { workflowLabel } from "@/modules/workflow/labels";
import { workflowOptions } from "@/modules/workflow/options";
import { markSeen } from "@/modules/workflow/queue";
import { unpublishedLinks } from "@/modules/workflow/unpublished-links";
import { CommentThread } from "./comment-thread";
import { UnpublishedLinks } from "./unpublished-links";
import { WorkflowButtons } from "./workflow-buttons";

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/**
 * An item's place in the editorial workflow: its working and live revisions, what the signed-in
 * user may do next, and the editorial comments. Shown at the top of every editable item's page.
 */
export async function WorkflowPanel({
  type,
  id,
  previewHref,
  publicHref,
}: {
  type: ContentType;
  id: number;
  previewHref?: string;
  publicHref?: string;
}) {
  const ctx = await requestContext();
  const { status, options } = await workflowOptions(ctx, type, id);
  const comments = await listComments(ctx, type, id);
  const pending = await unpublishedLinks(ctx, type, id);
  await markSeen(ctx, type, id);
  return (
    <section
      aria-labelledby="workflow-heading"
      className="rounded border border-rule bg-surface p-4"
      data-testid="workflow"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="workflow-heading" className="text-xs font-bold uppercase tracking-widest">
          Status: <span data-testid="workflow-state">{workflowLabel(status.review, status.visibility)}</span>
        </h2>
        <p className="flex flex-wrap gap-x-4 text-sm">
          <Link href={`/admin/history/${type}/${id}`}>History</Link>
          {previewHref && (
            <a href={previewHref} target="_blank" rel="noreferrer">
              Preview (opens in a new tab)
            </a>
          )}
          {publicHref && status.visibility === "live" && <Link href={publicHref}>Public page</Link>}
        </p>
      </div>
      <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="text-muted">Working version</dt>
        <dd>
          revision {status.workingNumber} by {status.workingAuthor}
          {status.workingAt && `, ${when.format(status.workingAt)} UTC`}
        </dd>
        <dt className="text-muted">Public version</dt>
        <dd>
          {status.liveNumber === null
            ? "never published"
            : `revision ${status.liveNumber}${status.visibility === "live" ? "" : " (no longer public)"}`}
        </dd>
        {status.submittedBy && status.review !== "draft" && status.review !== "published" && (
          <>
            <dt className="text-muted">Submitted by</dt>
            <dd>{status.submittedBy}</dd>
          </>
        )}
        {status.approvedBy && status.review === "approved" && (
          <>
            <dt className="text-muted">Approved by</dt>
            <dd>{status.approvedBy}</dd>
          </>
        )}
        {status.publishAt && (
          <>
            <dt className="text-muted">Scheduled</dt>
            <dd data-testid="scheduled-at">to be published {when.format(status.publishAt)} UTC</dd>
          </>
        )}
      </dl>
      <UnpublishedLinks links={pending} />
      <WorkflowButtons type={type} id={id} baseRevision={status.workingRevisionId} options={options} />
      <CommentThread type={type} id={id} comments={comments} />
    </section>
  );
}
