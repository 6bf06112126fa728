import { EMPTY, type FieldChange, type WordSegment } from "@/lib/diff/snapshot";

// Colour, a line and words for screen readers each say what changed, so none is needed alone.
const removedText = "rounded-sm bg-danger/15 text-danger line-through decoration-1";
const addedText = "rounded-sm bg-success/15 text-success underline decoration-1 underline-offset-2";
const text = "whitespace-pre-wrap break-words text-sm text-ink";

function Deleted({ children }: { children: string }) {
  return (
    <del className={removedText}>
      <span className="sr-only">[deleted: </span>
      {children}
      <span className="sr-only">]</span>
    </del>
  );
}

function Inserted({ children }: { children: string }) {
  return (
    <ins className={addedText}>
      <span className="sr-only">[inserted: </span>
      {children}
      <span className="sr-only">]</span>
    </ins>
  );
}

function Words({ segments }: { segments: WordSegment[] }) {
  return (
    <p className={text}>
      {segments.map((segment, i) =>
        segment.op === "delete" ? (
          <Deleted key={i}>{segment.text}</Deleted>
        ) : segment.op === "insert" ? (
          <Inserted key={i}>{segment.text}</Inserted>
        ) : (
          <span key={i}>{segment.text}</span>
        ),
      )}
    </p>
  );
}

/** An old and a new value side by side; an empty side shows a muted dash, not a struck one. */
function BeforeAfter({ before, after }: { before: string; after: string }) {
  const side = (value: string, Mark: typeof Deleted) =>
    value === EMPTY ? <span className="text-muted">{EMPTY}</span> : <Mark>{value}</Mark>;
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
      <dt className="text-xs font-semibold uppercase tracking-wide text-muted">Before</dt>
      <dd className={text}>{side(before, Deleted)}</dd>
      <dt className="text-xs font-semibold uppercase tracking-wide text-muted">After</dt>
      <dd className={text}>{side(after, Inserted)}</dd>
    </dl>
  );
}

const marks = {
  added: { label: "Added", badge: "border-success text-success", value: "bg-success/10" },
  removed: { label: "Removed", badge: "border-danger text-danger", value: "bg-danger/10" },
};

/** The changes between two revisions of an item, one labelled block per field. */
export function RevisionDiff({ changes }: { changes: FieldChange[] }) {
  if (changes.length === 0) {
    return (
      <p className="rounded border border-dashed border-rule p-6 text-center text-muted">
        These two revisions are identical.
      </p>
    );
  }
  return (
    <ol className="space-y-3">
      {changes.map((change, i) => (
        <li key={`${change.kind}:${change.path.join("/")}:${i}`} className="rounded border border-rule bg-surface p-4">
          <p className="mb-2 flex flex-wrap items-center gap-2 text-sm font-semibold text-ink">
            {change.label}
            {change.kind !== "changed" && (
              <span
                className={`rounded border px-1.5 py-px text-xs font-semibold uppercase tracking-wide ${marks[change.kind].badge}`}
              >
                {marks[change.kind].label}
              </span>
            )}
          </p>
          {change.kind === "changed" ? (
            change.words ? (
              <Words segments={change.words} />
            ) : (
              <BeforeAfter before={change.before} after={change.after} />
            )
          ) : (
            <p className={`${text} rounded px-2 py-1 ${marks[change.kind].value}`}>{change.value}</p>
          )}
        </li>
      ))}
    </ol>
  );
}
