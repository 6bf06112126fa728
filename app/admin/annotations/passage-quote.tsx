import { contextLength } from "@/lib/anchoring/selectors";
import type { Passage } from "@/modules/annotations/passage";

// Context shorter than what is stored on each side of a quote means the text ends there.
const cut = (s: string) => [...s].length >= contextLength;

/** A passage in its context: the quote in bold, what comes before and after it muted. */
export function PassageQuote({ passage, label }: { passage: Omit<Passage, "start" | "end">; label?: string }) {
  return (
    <blockquote
      aria-label={label}
      className="whitespace-pre-line break-words rounded border-l-4 border-rule bg-surface-muted px-3 py-2 font-serif text-base"
    >
      {passage.prefix && (
        <span className="text-muted">
          {cut(passage.prefix) && "…"}
          {passage.prefix}
        </span>
      )}
      <strong className="font-semibold text-ink">{passage.exact}</strong>
      {passage.suffix && (
        <span className="text-muted">
          {passage.suffix}
          {cut(passage.suffix) && "…"}
        </span>
      )}
    </blockquote>
  );
}

/** The passage a form sends: hidden fields the server finds again in the text it was selected in. */
export function PassageInputs({ passage, targetRevision }: { passage: Passage; targetRevision: number }) {
  return (
    <>
      <input type="hidden" name="passage.targetRevision" value={targetRevision} />
      <input type="hidden" name="passage.exact" value={passage.exact} />
      <input type="hidden" name="passage.prefix" value={passage.prefix} />
      <input type="hidden" name="passage.suffix" value={passage.suffix} />
      <input type="hidden" name="passage.start" value={passage.start} />
      <input type="hidden" name="passage.end" value={passage.end} />
    </>
  );
}
