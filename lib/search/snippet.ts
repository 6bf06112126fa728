import { matchesStem } from "./terms";

export type SnippetPart = { text: string; match: boolean };

type Word = { start: number; end: number; stem: string | undefined };

const wordPattern = /[\p{L}\p{N}\p{M}]+/gu;
// Enough to find the best window in a long law without weighing every repeat of a common word.
const maxHits = 400;

/**
 * The passage of a text that best shows why it matched: the window of about `length` characters
 * holding the most distinct matching words, begun a few words before the first of them and cut
 * at word boundaries, with the matches marked. Returned as parts, not HTML, so the page escapes
 * everything it prints. A text without matches gives its opening.
 */
export function snippet(text: string, stems: string[], length = 240): SnippetPart[] {
  const flat = text.replace(/\s+/g, " ").trim();
  const words = wordsOf(flat, stems);
  const hits = words.filter((w) => w.stem !== undefined).slice(0, maxHits);
  let from = 0;
  let best = 0;
  for (const hit of hits) {
    const stemsInWindow = new Set(
      hits.filter((h) => h.start >= hit.start && h.end <= hit.start + length).map((h) => h.stem),
    );
    if (stemsInWindow.size > best) {
      best = stemsInWindow.size;
      from = hit.start;
    }
  }
  const lead = words.filter((w) => w.end <= from).slice(-6)[0];
  const begin = lead && from - lead.start < length / 3 ? lead.start : from;
  // A window from the first word starts at the very beginning, and one reaching the end ends there.
  const start = begin <= (words[0]?.start ?? 0) ? 0 : begin;
  const last = words.filter((w) => w.end <= start + length).at(-1);
  const end = start + length >= flat.length ? flat.length : last ? last.end : start + length;
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
  return [...text.matchAll(wordPattern)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    stem: stems.find((s) => matchesStem(m[0], [s])),
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
