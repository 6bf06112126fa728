/**
 * W3C Web Annotation selectors over a text's plain-text rendering. Positions count Unicode code
 * points, as the model asks (an emoji is one character, not two UTF-16 units); internally the
 * functions here work in JavaScript string indexes and convert at the edge.
 */
export type TextQuoteSelector = { type: "TextQuoteSelector"; exact: string; prefix: string; suffix: string };
export type TextPositionSelector = { type: "TextPositionSelector"; start: number; end: number };
export type TextTarget = { quote: TextQuoteSelector; position: TextPositionSelector };

// Enough context to tell apart repeats of a short quote ("Article 5") without storing paragraphs.
export const contextLength = 32;

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** The code point offset of a string index. */
export function toCodePoints(text: string, index: number): number {
  let offset = 0;
  for (let i = 0; i < index; i++) {
    const unit = text.charCodeAt(i);
    // The second half of a surrogate pair is not a character of its own.
    if (!(unit >= 0xdc00 && unit <= 0xdfff && i > 0 && isHighSurrogate(text.charCodeAt(i - 1)))) offset++;
  }
  return offset;
}

/** The string index of a code point offset. */
export function fromCodePoints(text: string, offset: number): number {
  let index = 0;
  for (let i = 0; i < offset && index < text.length; i++) index += isHighSurrogate(text.charCodeAt(index)) ? 2 : 1;
  return index;
}

const isHighSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLowSurrogate = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

export type CodePoints = { toCodePoints(index: number): number; fromCodePoints(offset: number): number };

/**
 * The two conversions above for one text, by binary search over its surrogate pairs: a long law
 * is anchored against many times, and walking it from the start each time was most of the cost.
 */
export function indexCodePoints(text: string): CodePoints {
  const walk: CodePoints = {
    toCodePoints: (i) => toCodePoints(text, i),
    fromCodePoints: (o) => fromCodePoints(text, o),
  };
  // String indexes of the second halves of pairs: code units that are no character of their own.
  const seconds: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // A lone half is counted differently by the two walks; such a text keeps their reading.
    if (isLowSurrogate(unit)) return walk;
    if (isHighSurrogate(unit)) {
      if (!isLowSurrogate(text.charCodeAt(i + 1))) return walk;
      seconds.push(++i);
    }
  }
  return {
    toCodePoints: (index) => index - countWhile(seconds, (s) => s < index),
    // The pair whose second half is seconds[j] starts at code point seconds[j] - 1 - j.
    fromCodePoints: (offset) => Math.min(text.length, offset + countWhile(seconds, (s, j) => s - 1 - j < offset)),
  };
}

/** How many leading items of a sorted list pass a test that, once failed, fails for the rest. */
function countWhile(list: number[], test: (item: number, index: number) => boolean): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (test(list[middle]!, middle)) low = middle + 1;
    else high = middle;
  }
  return low;
}

// Longer than any user-perceived character (an emoji family is about a dozen units).
const clusterReach = 32;

/**
 * Widens a range of string indexes to whole user-perceived characters, so that a selection never
 * splits a letter from its combining accent or an emoji from its modifier. Only the text around
 * each bound is segmented: a law is long.
 */
export function toGraphemeBounds(text: string, start: number, end: number): [number, number] {
  return [boundAtOrBefore(text, start), boundAtOrAfter(text, end)];
}

function clustersAround(text: string, at: number) {
  const from = Math.max(0, at - clusterReach);
  return [...graphemes.segment(text.slice(from, Math.min(text.length, at + clusterReach)))].map((g) => ({
    start: from + g.index,
    end: from + g.index + g.segment.length,
  }));
}

function boundAtOrBefore(text: string, at: number): number {
  const inside = clustersAround(text, at).find((c) => c.start < at && c.end > at);
  return inside ? inside.start : at;
}

function boundAtOrAfter(text: string, at: number): number {
  const inside = clustersAround(text, at).find((c) => c.start < at && c.end > at);
  return inside ? inside.end : at;
}

/** The selectors of a passage, given as string indexes into the text (as a browser selection gives them). */
export function describePassage(text: string, start: number, end: number): TextTarget {
  if (!(start >= 0 && end <= text.length && start < end))
    throw new RangeError("The passage is empty or outside the text.");
  const [from, to] = toGraphemeBounds(text, start, end);
  return {
    quote: {
      type: "TextQuoteSelector",
      exact: text.slice(from, to),
      prefix: [...text.slice(Math.max(0, from - 2 * contextLength), from)].slice(-contextLength).join(""),
      suffix: [...text.slice(to, to + 2 * contextLength)].slice(0, contextLength).join(""),
    },
    position: { type: "TextPositionSelector", start: toCodePoints(text, from), end: toCodePoints(text, to) },
  };
}
