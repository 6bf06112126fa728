import Link from "next/link";
import type { ContentType } from "@/modules/workflow/labels";
import { workflowLabel } from "@/modules/workflow/labels";
import type { QueueEntry } from "@/modules/workflow/queue";
import type { ChangeSize } from "@/modules/workflow/queue-details";
import { MoveDialog } from "../workflow/workflow-buttons";

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const typeLabels: Record<ContentType, string> = {
  law: "Law",
  article: "Article",
  agent: "Agent",
  annotation: "Annotation",
};
const adminPath: Record<ContentType, string> = {
  law: "/admin/laws",
  article: "/admin/articles",
  agent: "/admin/agents",
  annotation: "/admin/annotations",
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** "New", or e.g. "+120 −35 words · 3 fields changed" against the published version. */
function sizeText(size: ChangeSize): string {
  if (size.kind === "new") return "New: never published";
  if (size.fields === 0) return "Same as the published version";
  const fields = `${plural(size.fields, "field")} changed`;
  if (size.wordsAdded === 0 && size.wordsRemoved === 0) return fields;
  return `+${size.wordsAdded} −${size.wordsRemoved} words · ${fields}`;
}

/**
 * One item of the review queue: what it is, who submitted it with which note, how big the change
 * is, a link to its diff and, where `withMoves`, the review moves this user may make from here.
 */
export function QueueItem({ item, withMoves }: { item: QueueEntry; withMoves: boolean }) {
  const details = item.details;
  const jurisdictions = details?.jurisdictions.map((j) => `${j.name} (${j.code})`).join(", ");
  const history = `/admin/history/${item.type}/${item.id}`;
  const diff =
    details?.liveNumber != null && details.liveNumber !== details.workingNumber
      ? `${history}?from=${details.liveNumber}&to=${details.workingNumber}`
      : null;
  const moves = withMoves && details ? details.reviewMoves : [];
  return (
    <li className="px-4 py-3" data-testid="queue-item">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <Link href={`${adminPath[item.type]}/${item.id}`} className="font-serif text-lg break-words">
          {item.title}
        </Link>
        {details && (
          <span className="text-sm font-semibold" data-testid="change-size">
            {sizeText(details.size)}
          </span>
        )}
      </div>
      <p className="mt-0.5 text-sm text-muted">
        {item.assignedToMe && (
          <strong className="text-ink" data-testid="assigned-to-you">
            Assigned to you ·{" "}
          </strong>
        )}
        {typeLabels[item.type]} · {workflowLabel(item.review, item.visibility)}
        {jurisdictions && <span data-testid="jurisdictions"> · {jurisdictions}</span>} · changed{" "}
        {when.format(item.changedAt)} UTC
        {item.publishAt && ` · to be published ${when.format(item.publishAt)} UTC`}
      </p>
      {details?.submittedBy && details.submittedAt && item.review !== "draft" && (
        <p className="mt-1 text-sm" data-testid="submitted">
          Submitted by <strong>{details.submittedBy}</strong>, {when.format(details.submittedAt)} UTC
        </p>
      )}
      {details?.note && (
        <figure className="mt-2 border-l-2 border-rule pl-3 text-sm">
          <figcaption className="sr-only">Note for the reviewer</figcaption>
          <blockquote className="whitespace-pre-wrap break-words" data-testid="submit-note">
            {details.note}
          </blockquote>
        </figure>
      )}
      <div className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
        <Link href={diff ?? history}>
          {diff ? "Open the diff" : "Open the history"}
          <span className="sr-only"> of {item.title}</span>
        </Link>
        {moves.length > 0 && details && (
          <div role="group" aria-label={`Review ${item.title}`} className="flex flex-wrap gap-2">
            {moves.map((option) => (
              <MoveDialog
                key={option.action}
                type={item.type}
                id={item.id}
                baseRevision={details.workingRevisionId}
                option={option}
              />
            ))}
          </div>
        )}
      </div>
    </li>
  );
}
