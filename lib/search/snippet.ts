import { stemOf } from "./terms";

export type SnippetPart = { text: string; match: boolean };

type Word = { index: number; start: number; end: number; stem: string | undefined };

const wordPattern = /[\p{L}\p{N}\p{M}]+/gu;
// Enough to find the best window in a long law without weighing every repeat of a common word.
const maxHits = 400;
// Words of context shown before the first match, when they fit.
const leadWords = 6;

/**
 * The passage of a text that best shows why it matched: of the windows of about `length`
 * characters that begin a few words before a match, the one holding the most distinct matching
 * words, cut at word boundaries, with the matches marked. Returned as parts, not HTML, so the
 * page escapes everything it prints. A text without matches gives its opening.
 */
export function snippet(text: string, stems: string[], length = 240): SnippetPart[] {
  const flat = text.replace(/\s+/g, " ").trim();
  const words = wordsOf(flat, stems);
  const hits = words.filter((w) => w.stem !== undefined).slice(0, maxHits);
  const windowFrom = (hit: Word) => {
    const lead = words[Math.max(0, hit.index - leadWords)]!;
    return hit.start - lead.start < length / 3 ? lead.start : hit.start;
  };
  let best: { start: number; first: Word | undefined; score: number } = { start: 0, first: undefined, score: 0 };
  for (const hit of hits) {
    const start = windowFrom(hit);
    const score = new Set(hits.filter((h) => h.start >= start && h.start < start + length).map((h) => h.stem)).size;
    if (score > best.score) best = { start, first: hit, score };
  }
  // A window from the first word starts at the very beginning, and one reaching the end ends there.
  const start = best.start <= (words[0]?.start ?? 0) ? 0 : best.start;
  const last = words.filter((w) => w.end <= start + length).at(-1);
  const end =
    start + length >= flat.length
      ? flat.length
      : Math.max(last?.end ?? start + length, best.first?.end ?? 0, Math.min(flat.length, start + 1));
  const parts = mark(flat, hits, start, end);
  if (start > 0) parts.unshift({ text: "… ", match: false });
  if (end < flat.length) parts.push({ text: " …", match: false });
  return parts;
}

/** Marks the matching words of a short text, such as a title, without cutting it. */
export function highlight(text: string, stems: string[]): SnippetPart[] {
  return mark(
    text,
    wordsOf(text, stems).filter((w) => w.stem !== undefined),
    0,
    text.length,
  );
}

function wordsOf(text: string, stems: string[]): Word[] {
  return [...text.matchAll(wordPattern)].map((m, index) => ({
    index,
    start: m.index,
    end: m.index + m[0].length,
    stem: stemOf(m[0], stems),
  }));
}

function mark(text: string, hits: Word[], start: number, end: number): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let at = start;
  for (const hit of hits) {
    if (hit.start < start || hit.end > end) continue;
    if (hit.start > at) parts.push({ text: text.slice(at, hit.start), match: false });
    parts.push({ text: text.slice(hit.start, hit.end), match: true });
    at = hit.end;
  }
  if (at < end) parts.push({ text: text.slice(at, end), match: false });
  return parts;
}
