import { indexCodePoints, toGraphemeBounds, type CodePoints, type TextTarget } from "./selectors";

/**
 * Where an annotation's passage is in a new version of its text. `anchored`: where it was, or
 * moved as a whole (`moved`) when its quote stands with all its old context at one place only;
 * nobody needs to look. `drifted`: found with part of its context or by a close match, for an
 * editor to confirm. `orphaned`: not found; the annotation keeps its old quote and is never
 * dropped. Positions are code points, like the selectors.
 */
export type Anchoring =
  | { state: "anchored"; start: number; end: number; moved: boolean }
  | { state: "drifted"; start: number; end: number; method: "context" | "fuzzy"; similarity: number }
  | { state: "orphaned" };

/**
 * How close a changed passage must stay to its old quote to be offered (1 - edits / longer length).
 * It is offered only where its surroundings are still its own (below), so this can let a short
 * passage grow by a few words.
 */
export const fuzzyThreshold = 0.5;
/**
 * How close a changed passage and its surroundings, taken as one text, must stay to the old quote
 * and context: look-alike words elsewhere in the law have other words around them, and a passage
 * that changed much needs all of its context.
 */
export const matchThreshold = 0.75;
// How much of its context (1 - edits / length, over both sides) a quote found elsewhere must keep:
// one side whole, or both mostly.
const minContext = 0.5;
// How much of a quote's beginning and end locate the changed passage's bounds.
const endLength = 10;
// A short passage may still grow by a few words.
const minSlack = 40;
const gram = 3;
// Where a quote's words are very common, their positions say little: they cast no votes.
const maxGramPositions = 2000;
const candidatesTried = 5;
// How much of the context, next to the passage, locates it when it changed; shorter says too little.
const contextPiece = 16;
const minContextPiece = 6;

/** A text prepared for anchoring many passages in it: its trigram positions and code point index, built once. */
export type PreparedText = { text: string; grams: Map<string, number[]>; points: CodePoints };

export function prepareText(text: string): PreparedText {
  const grams = new Map<string, number[]>();
  for (let i = 0; i + gram <= text.length; i++) {
    const key = text.slice(i, i + gram);
    const list = grams.get(key);
    if (list) list.push(i);
    else grams.set(key, [i]);
  }
  return { text, grams, points: indexCodePoints(text) };
}

type Context = { prefix: string; suffix: string };
type Place = { start: number; end: number };

export function anchor(target: TextTarget, prepared: PreparedText): Anchoring {
  const { text, points } = prepared;
  const { exact, prefix, suffix } = target.quote;
  if (!exact) return { state: "orphaned" };
  const context = { prefix, suffix };
  const old = { start: points.fromCodePoints(target.position.start), end: points.fromCodePoints(target.position.end) };
  const standsThere = text.slice(old.start, old.end) === exact;
  const anchored = (place: Place): Anchoring => {
    const start = points.toCodePoints(place.start);
    return { state: "anchored", start, end: points.toCodePoints(place.end), moved: start !== target.position.start };
  };
  if (standsThere && keptContext(text, old, context) === 1) return anchored(old);
  const places = occurrences(text, exact).map((at) => {
    const place = { start: at, end: at + exact.length };
    return { ...place, kept: keptContext(text, place, context), distance: Math.abs(at - old.start) };
  });
  // Only the quote with every character of its context around it, at one place, has merely moved.
  const whole = places.filter((p) => p.kept === 1);
  if (whole.length === 1) return anchored(whole[0]!);
  if (standsThere) return anchored(old);
  const found = byQuote(text, places, context) ?? byLikeness(prepared, exact, context, old.start);
  if (!found) return { state: "orphaned" };
  return {
    state: "drifted",
    start: points.toCodePoints(found.start),
    end: points.toCodePoints(found.end),
    method: found.method,
    similarity: found.similarity,
  };
}

type Found = Place & { method: "context" | "fuzzy"; similarity: number };

function occurrences(text: string, exact: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) found.push(at);
  return found;
}

/**
 * Among the places the quote stands as it was, the one whose surroundings keep most of its
 * context (the nearest of equals), if they resemble it enough: the same words among other words
 * are a look-alike, however long.
 */
function byQuote(text: string, places: (Place & { kept: number; distance: number })[], context: Context): Found | null {
  const ranked = places.sort((a, b) => b.kept - a.kept || a.distance - b.distance).slice(0, candidatesTried);
  let best: Found | null = null;
  for (const place of ranked) {
    const similarity = resemblance(contextEdits(text, place, context));
    if (similarity >= minContext && (!best || similarity > best.similarity)) {
      best = { start: place.start, end: place.end, method: "context", similarity };
    }
  }
  return best;
}

/** How much of the context still surrounds a place, character for character from the passage: 1 when all of it. */
function keptContext(text: string, { start, end }: Place, { prefix, suffix }: Context): number {
  const parts = [
    prefix ? commonSuffix(text.slice(Math.max(0, start - prefix.length), start), prefix) / prefix.length : null,
    suffix ? commonPrefix(text.slice(end, end + suffix.length), suffix) / suffix.length : null,
  ].filter((p): p is number => p !== null);
  return parts.length ? parts.reduce((a, b) => a + b, 0) / parts.length : 1;
}

/**
 * How far the surroundings of a place are from the context, edits allowed (a bound a character
 * off, a word changed nearby): edits on both sides, and the context's length.
 */
function contextEdits(text: string, { start, end }: Place, { prefix, suffix }: Context) {
  const before = prefix ? editDistance(prefix, text.slice(Math.max(0, start - prefix.length), start)) : 0;
  const after = suffix ? editDistance(suffix, text.slice(end, end + suffix.length)) : 0;
  return { edits: before + after, length: prefix.length + suffix.length };
}

const resemblance = ({ edits, length }: { edits: number; length: number }) => (length ? 1 - edits / length : 1);

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
 * The closest approximate match of a changed quote. Candidate places: where the end of its prefix
 * or the start of its suffix still stands, then where the quote's trigrams vote for it to start.
 * Each is searched with an edit distance that lets a match start and end anywhere (Sellers), and
 * offered only when both the passage and its surroundings stay close to the old ones; then marked
 * for review.
 */
function byLikeness(prepared: PreparedText, exact: string, context: Context, near: number): Found | null {
  const { text } = prepared;
  if (exact.length < gram) return null;
  const offsets = [...contextOffsets(text, exact, context, near), ...votedOffsets(prepared, exact, near)];
  const tried: number[] = [];
  let best: (Found & { score: number }) | null = null;
  for (const offset of offsets) {
    if (tried.length >= candidatesTried) break;
    // Nearby offsets search the same window.
    if (tried.some((t) => Math.abs(t - offset) < exact.length / 2)) continue;
    tried.push(offset);
    for (const match of boundsNear(text, offset, exact, context)) {
      const [start, end] = toGraphemeBounds(text, match.start, match.end);
      const longer = Math.max(exact.length, end - start);
      const edits = editDistance(exact, text.slice(start, end));
      const similarity = 1 - edits / longer;
      if (similarity < fuzzyThreshold) continue;
      const around = contextEdits(text, { start, end }, context);
      // Both count: a look-alike quote may read closer than the real, edited one.
      const score = 1 - (edits + around.edits) / (longer + around.length);
      if (resemblance(around) < minContext || score < matchThreshold) continue;
      if (!best || score > best.score) best = { start, end, method: "fuzzy", similarity, score };
    }
  }
  return best && { start: best.start, end: best.end, method: best.method, similarity: best.similarity };
}

/** Where the passage would start if its context stands unchanged on one side: the nearest two. */
function contextOffsets(text: string, exact: string, { prefix, suffix }: Context, near: number): number[] {
  const offsets: number[] = [];
  const before = prefix.slice(-contextPiece);
  const after = suffix.slice(0, contextPiece);
  if (before.length >= minContextPiece) for (const at of occurrences(text, before)) offsets.push(at + before.length);
  if (after.length >= minContextPiece) for (const at of occurrences(text, after)) offsets.push(at - exact.length);
  return offsets.sort((a, b) => Math.abs(a - near) - Math.abs(b - near)).slice(0, 2);
}

/** Where the quote's trigrams say it starts, most votes first. */
function votedOffsets({ grams }: PreparedText, exact: string, near: number): number[] {
  const votes = new Map<number, number>();
  for (let i = 0; i + gram <= exact.length; i++) {
    const positions = grams.get(exact.slice(i, i + gram));
    if (!positions || positions.length > maxGramPositions) continue;
    for (const p of positions) votes.set(p - i, (votes.get(p - i) ?? 0) + 1);
  }
  return [...votes.entries()]
    .sort((a, b) => b[1] - a[1] || Math.abs(a[0] - near) - Math.abs(b[0] - near))
    .map(([offset]) => offset);
}

/**
 * The changed passage's bounds around an offset, two ways: by the quote's head and tail, matched
 * apart (one edit distance over the whole would rather cut the passage short), and by where the
 * prefix ends and the suffix begins, which holds better when the edit is near an end.
 */
function boundsNear(text: string, offset: number, exact: string, { prefix, suffix }: Context): Place[] {
  // The window allows for the passage growing by half (or a few words).
  const slack = Math.max(Math.ceil(exact.length / 2), minSlack);
  const from = Math.max(0, offset - slack);
  const to = Math.min(text.length, offset + exact.length + slack);
  const ends = Math.min(exact.length, endLength);
  const head = closestSubstring(text, from, to, exact.slice(0, ends));
  const tail = closestSubstring(text, head.start, to, exact.slice(-ends));
  const byQuoteEnds = { start: head.start, end: tail.end };
  // Longer than the quote's ends: a few words of the passage may recur right after it.
  const before = prefix.slice(-contextPiece);
  const after = suffix.slice(0, contextPiece);
  const lead =
    before.length >= minContextPiece ? closestSubstring(text, Math.max(0, from - before.length), to, before) : null;
  const start = lead && lead.distance <= before.length / 5 ? lead.end : head.start;
  const trail =
    after.length >= minContextPiece
      ? closestSubstring(text, start, Math.min(text.length, to + after.length), after)
      : null;
  const byContext = { start, end: trail && trail.distance <= after.length / 5 ? trail.start : tail.end };
  return [byQuoteEnds, byContext].filter((p) => p.end > p.start);
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
