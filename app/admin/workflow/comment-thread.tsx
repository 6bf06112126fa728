import type { ContentType } from "@/modules/workflow/labels";
import type { EditorialComment } from "@/modules/workflow/comments";
import { CommentForm, ResolveButton } from "./comment-forms";

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

const kindLabels: Record<string, string> = {
  comment: "Comment",
  changes_requested: "Changes requested",
  override: "Override",
};

/** The editorial thread on an item: visible only in the admin, never on a public page. */
export function CommentThread({ type, id, comments }: { type: ContentType; id: number; comments: EditorialComment[] }) {
  const open = comments.filter((c) => !c.resolvedAt).length;
  return (
    <section aria-labelledby="comments-heading" className="mt-6 border-t border-rule pt-4">
      <h3 id="comments-heading" className="text-sm font-semibold">
        Editorial comments{" "}
        <span className="font-normal text-muted">
          {open > 0 ? `(${open} open)` : comments.length ? "(all resolved)" : ""}
        </span>
      </h3>
      {comments.length === 0 ? (
        <p className="mt-2 text-sm text-muted">No comments yet.</p>
      ) : (
        <ol className="mt-2 space-y-3">
          {comments.map((c) => (
            <li
              key={c.id}
              className={`rounded border p-3 text-sm ${c.resolvedAt ? "border-rule text-muted" : "border-ink"}`}
            >
              <p className="text-xs">
                <span className="font-semibold">{kindLabels[c.kind] ?? c.kind}</span> · {c.authorName ?? "Command line"}{" "}
                · {when.format(c.createdAt)} UTC
                {c.resolvedAt && ` · resolved${c.resolvedBy ? ` by ${c.resolvedBy}` : ""}`}
              </p>
              <p className="mt-1 whitespace-pre-wrap">{c.body}</p>
              {!c.resolvedAt && <ResolveButton commentId={c.id} />}
            </li>
          ))}
        </ol>
      )}
      <CommentForm type={type} id={id} />
    </section>
  );
}
