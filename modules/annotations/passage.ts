import { anchor, prepareText } from "@/lib/anchoring/anchor";
import { describePassage, fromCodePoints, type TextTarget } from "@/lib/anchoring/selectors";
import { ValidationError } from "@/lib/errors";
import type { PassageValues } from "./schemas";

/** A passage as stored: quote with context, and code point positions. */
export type Passage = { exact: string; prefix: string; suffix: string; start: number; end: number };

export function toTarget(p: Passage): TextTarget {
  return {
    quote: { type: "TextQuoteSelector", exact: p.exact, prefix: p.prefix, suffix: p.suffix },
    position: { type: "TextPositionSelector", start: p.start, end: p.end },
  };
}

export function fromTarget(t: TextTarget): Passage {
  const { exact, prefix, suffix } = t.quote;
  return { exact, prefix, suffix, start: t.position.start, end: t.position.end };
}

/**
 * Finds the passage the browser selected in the server's own text, and describes it from there:
 * the stored quote and context are the server's, so a browser that counted differently cannot
 * store a passage that is not in the text.
 */
export function locatePassage(text: string, selected: PassageValues): Passage {
  const found = anchor(toTarget(selected), prepareText(text));
  if (found.state !== "anchored")
    throw new ValidationError({ passage: ["The selected passage is not in this text. Select it again."] });
  return fromTarget(describePassage(text, fromCodePoints(text, found.start), fromCodePoints(text, found.end)));
}

/** The passage where `quote` first stands in `text`, as selecting it in the browser would give it. */
export function quotePassage(text: string, quote: string): Passage | null {
  const at = text.indexOf(quote);
  return at < 0 || !quote ? null : fromTarget(describePassage(text, at, at + quote.length));
}
