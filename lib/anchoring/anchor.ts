import { fromCodePoints, toCodePoints, toGraphemeBounds, type TextTarget } from "./selectors";

/**
 * Where an annotation's passage is in a new version of its text. `anchored`: exactly where it
 * was. `drifted`: found elsewhere, by its quote and context or by a close match, for an editor to
 * confirm. `orphaned`: not found; the annotation keeps its old quote and is never dropped.
 * Positions are code points, like the selectors.
 */
export type Anchoring =
  | { state: "anchored"; start: number; end: number }
  | { state: "drifted"; start: number; end: number; method: "context" | "fuzzy"; similarity: number }
  | { state: "orphaned" };

/** How close a changed passage must stay to its old quote to be offered (1 - edits / longer length). */
export const fuzzyThreshold = 0.6;
// How much of a quote's beginning and end locate the changed passage's bounds.
const endLength = 10;
// A short passage may still grow by a few words.
const minSlack = 40;
const gram = 3;
// Where a quote's words are very common, their positions say little: they cast no votes.
const maxGramPositions = 2000;
const candidatesTried = 5;
// How much of its context a moved quote must keep (0 to 1), unless it is this long and unique.
const minContext = 0.5;
const uniqueQuoteLength = 24;

/** A text prepared for anchoring many passages in it: its trigram positions, built once. */
export type PreparedText = { text: string; grams: Map<string, number[]> };

export function prepareText(text: string): PreparedText {
  const grams = new Map<string, number[]>();
  for (let i = 0; i + gram <= text.length; i++) {
    const key = text.slice(i, i + gram);
    const list = grams.get(key);
    if (list) list.push(i);
    else grams.set(key, [i]);
  }
  return { text, grams };
}

export function anchor(target: TextTarget, prepared: PreparedText): Anchoring {
  const { text } = prepared;
  const { exact, prefix, suffix } = target.quote;
  if (!exact) return { state: "orphaned" };
  const oldStart = fromCodePoints(text, target.position.start);
  const oldEnd = fromCodePoints(text, target.position.end);
  if (text.slice(oldStart, oldEnd) === exact) {
    return { state: "anchored", start: target.position.start, end: target.position.end };
  }
  const found = byQuote(text, exact, prefix, suffix, oldStart) ?? byLikeness(prepared, exact, prefix, suffix, oldStart);
  if (!found) return { state: "orphaned" };
  return {
    state: "drifted",
    start: toCodePoints(text, found.start),
    end: toCodePoints(text, found.end),
    method: found.method,
    similarity: found.similarity,
  };
}

type Found = { start: number; end: number; method: "context" | "fuzzy"; similarity: number };

/** Every place the quote stands as it was, the one whose surroundings match its context best. */
function byQuote(text: string, exact: string, prefix: string, suffix: string, near: number): Found | null {
  let best: (Found & { distance: number }) | null = null;
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) {
    const end = at + exact.length;
    const similarity = contextLikeness(text, at, end, prefix, suffix);
    const distance = Math.abs(at - near);
    if (!best || similarity > best.similarity || (similarity === best.similarity && distance < best.distance)) {
      best = { start: at, end, method: "context", similarity, distance };
    }
  }
  if (!best) return null;
  // A quote found among other words than its own is a look-alike, unless it is long and unique.
  const unique = text.indexOf(exact) === text.lastIndexOf(exact);
  if (best.similarity < minContext && !(unique && exact.length >= uniqueQuoteLength)) return null;
  return { start: best.start, end: best.end, method: best.method, similarity: best.similarity };
}

/** How much of the context still surrounds a place: 1 when all of it does, 0 when none. */
function contextLikeness(text: string, start: number, end: number, prefix: string, suffix: string): number {
  const parts = [
    prefix ? commonSuffix(text.slice(Math.max(0, start - prefix.length), start), prefix) / prefix.length : null,
    suffix ? commonPrefix(text.slice(end, end + suffix.length), suffix) / suffix.length : null,
  ].filter((p): p is number => p !== null);
  return parts.length ? parts.reduce((a, b) => a + b, 0) / parts.length : 1;
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

/**
 * The closest approximate match of a changed quote: the quote's trigrams vote for where it would
 * start, and the best few places are searched with an edit distance that lets the match start
 * and end anywhere (Sellers). Accepted only above the threshold, and then marked for review.
 */
function byLikeness(prepared: PreparedText, exact: string, prefix: string, suffix: string, near: number): Found | null {
  const { text, grams } = prepared;
  if (exact.length < gram) return null;
  const votes = new Map<number, number>();
  for (let i = 0; i + gram <= exact.length; i++) {
    const positions = grams.get(exact.slice(i, i + gram));
    if (!positions || positions.length > maxGramPositions) continue;
    for (const p of positions) votes.set(p - i, (votes.get(p - i) ?? 0) + 1);
  }
  const offsets = [...votes.entries()]
    .sort((a, b) => b[1] - a[1] || Math.abs(a[0] - near) - Math.abs(b[0] - near))
    .map(([offset]) => offset);
  const tried: number[] = [];
  let best: (Found & { context: number }) | null = null;
  for (const offset of offsets) {
    if (tried.length >= candidatesTried) break;
    // Nearby offsets search the same window.
    if (tried.some((t) => Math.abs(t - offset) < exact.length / 2)) continue;
    tried.push(offset);
    // The window allows for the passage growing by half (or a few words); its head and tail are matched
    // apart, since one edit distance over the whole would rather cut the passage short.
    const slack = Math.max(Math.ceil(exact.length / 2), minSlack);
    const from = Math.max(0, offset - slack);
    const to = Math.min(text.length, offset + exact.length + slack);
    const ends = Math.min(exact.length, endLength);
    const head = closestSubstring(text, from, to, exact.slice(0, ends));
    const tail = closestSubstring(text, head.start, to, exact.slice(-ends));
    if (tail.end <= head.start) continue;
    const match = { start: head.start, end: tail.end };
    const similarity =
      1 - editDistance(exact, text.slice(match.start, match.end)) / Math.max(exact.length, match.end - match.start);
    if (similarity < fuzzyThreshold) continue;
    const [start, end] = toGraphemeBounds(text, match.start, match.end);
    const context = contextLikeness(text, start, end, prefix, suffix);
    if (!best || similarity > best.similarity || (similarity === best.similarity && context > best.context)) {
      best = { start, end, method: "fuzzy", similarity, context };
    }
  }
  return best && { start: best.start, end: best.end, method: best.method, similarity: best.similarity };
}

/** The substring of text[from, to) with the fewest edits from the pattern, and that number. */
function closestSubstring(text: string, from: number, to: number, pattern: string) {
  const m = pattern.length;
  // Column j: edits to match pattern[0, i) ending at text index j, and where that match starts.
  let cost = new Array<number>(to - from + 1).fill(0);
  let start = Array.from({ length: to - from + 1 }, (_, j) => from + j);
  for (let i = 1; i <= m; i++) {
    const nextCost = new Array<number>(to - from + 1);
    const nextStart = new Array<number>(to - from + 1);
    nextCost[0] = i;
    nextStart[0] = from;
    for (let j = 1; j <= to - from; j++) {
      const substitute = cost[j - 1]! + (pattern[i - 1] === text[from + j - 1] ? 0 : 1);
      const remove = cost[j]! + 1;
      const insert = nextCost[j - 1]! + 1;
      if (substitute <= remove && substitute <= insert) {
        nextCost[j] = substitute;
        nextStart[j] = start[j - 1]!;
      } else if (remove <= insert) {
        nextCost[j] = remove;
        nextStart[j] = start[j]!;
      } else {
        nextCost[j] = insert;
        nextStart[j] = nextStart[j - 1]!;
      }
    }
    cost = nextCost;
    start = nextStart;
  }
  let bestJ = 0;
  for (let j = 1; j <= to - from; j++) if (cost[j]! < cost[bestJ]!) bestJ = j;
  return { start: start[bestJ]!, end: from + bestJ, distance: cost[bestJ]! };
}

/** Levenshtein distance, in two rows. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
