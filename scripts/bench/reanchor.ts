/**
 * Re-anchoring (issue 6): 1,000 annotations on a long law, carried to a new version of its text
 * with insertions, edits inside passages and repealed articles. A benchmark, not a test: it
 * prints the time and, since it makes the new text itself and knows where every passage went (or
 * that it is gone), how many were found where they should be, and how many were attached wrongly.
 *
 *   node --conditions=react-server --import tsx scripts/bench/reanchor.ts [--annotations 1000] [--articles 1500]
 */
import { parseArgs } from "node:util";
import { anchor, prepareText, type Anchoring } from "@/lib/anchoring/anchor";
import { describePassage, indexCodePoints, type TextTarget } from "@/lib/anchoring/selectors";

const { values } = parseArgs({
  options: { annotations: { type: "string", default: "1000" }, articles: { type: "string", default: "1500" } },
});
const annotationCount = Number(values.annotations);
const articleCount = Number(values.articles);

// A fixed-seed generator, so every run measures the same texts.
let seed = 20_241_120;
// mulberry32: 32-bit integer steps, exact in JavaScript numbers.
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
};
const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;

// 600 made-up words, Latin and Cyrillic, from 16 syllables: passages rarely repeat, but the law is
// full of look-alikes, as laws written in set phrases are.
const syllables = ["re", "ha", "bi", "li", "ta", "tion", "vic", "tim", "po", "ra", "ко", "ми", "сси", "я", "ре", "па"];
const words = Array.from({ length: 600 }, () =>
  Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(syllables)).join(""),
);
const sentence = () => Array.from({ length: 8 + Math.floor(random() * 12) }, () => pick(words)).join(" ") + ". ";
const articles = Array.from({ length: articleCount }, (_, i) => `Article ${i + 1}. ${sentence()}${sentence()}`);
const original = articles.join("\n");
const starts: number[] = [];
articles.reduce((at, a) => (starts.push(at), at + a.length + 1), 0);

// Annotations on passages of 3–12 words inside random articles (string indexes in the article).
type Annotated = { article: number; from: number; to: number; target: TextTarget };
const annotated: Annotated[] = [];
for (let i = 0; i < annotationCount; i++) {
  const article = Math.floor(random() * articleCount);
  const text = articles[article]!;
  const spaces = [...text.matchAll(/ /g)].map((m) => m.index);
  const from = pick(spaces.slice(2, -6)) + 1;
  const length = 3 + Math.floor(random() * 10);
  const to = spaces.find((s) => s > from + length * 4) ?? text.length - 1;
  annotated.push({
    article,
    from,
    to,
    target: describePassage(original, starts[article]! + from, starts[article]! + to),
  });
}

// The new version: every tenth article gets a new sentence before it; of every twenty, one gets a
// word added inside, one a word replaced, one three words added; every fiftieth is repealed.
type Edit = { at: number; remove: number; insert: string };
const wordStarts = (text: string) => [...text.matchAll(/ (?=\S)/g)].map((m) => m.index + 1).slice(2);
const editsOf = (i: number, text: string): Edit[] => {
  if (i % 20 === 19) return [{ at: pick(wordStarts(text)), remove: 0, insert: "amended " }];
  if (i % 20 === 9) {
    const at = pick(wordStarts(text));
    const word = text.slice(at, text.indexOf(" ", at));
    return [{ at, remove: word.length, insert: pick(words.filter((w) => w !== word)) }];
  }
  if (i % 20 === 4)
    return [{ at: pick(wordStarts(text)), remove: 0, insert: `${pick(words)} ${pick(words)} ${pick(words)} ` }];
  return [];
};
type NewArticle = { start: number; edits: Edit[] } | null;
const placed: NewArticle[] = [];
let edited = "";
articles.forEach((a, i) => {
  if (i % 50 === 49) return placed.push(null);
  const edits = editsOf(i, a);
  const text = edits.reduce((t, e) => t.slice(0, e.at) + e.insert + t.slice(e.at + e.remove), a);
  if (edited) edited += "\n";
  if (i % 10 === 9) edited += `Article ${i + 1}-1. ${sentence()}\n`;
  placed.push({ start: edited.length, edits });
  edited += text;
});

const started = performance.now();
const prepared = prepareText(edited);
const prepareMs = performance.now() - started;
const results: Anchoring[] = annotated.map((a) => anchor(a.target, prepared));
const totalMs = performance.now() - started;

// Where each passage really is now, and what the anchoring should say of it.
type Category = "context kept" | "context changed" | "edited" | "edited, context changed" | "deleted";
const expected: Record<Category, string> = {
  "context kept": "anchored",
  "context changed": "anchored or drifted by context",
  edited: "drifted fuzzy",
  "edited, context changed": "drifted fuzzy",
  deleted: "orphaned",
};
const truth = annotated.map(({ article, from, to, target }) => {
  const now = placed[article];
  if (!now) return { category: "deleted" as Category };
  // Edits at or before a point (and none overlaps it) shift it.
  const shift = (x: number) =>
    now.start + x + now.edits.reduce((s, e) => s + (e.at + e.remove <= x ? e.insert.length - e.remove : 0), 0);
  const range = { start: shift(from), end: shift(to) };
  const changed = now.edits.some((e) => (e.remove ? e.at < to && e.at + e.remove > from : e.at > from && e.at < to));
  const { quote } = describePassage(edited, range.start, range.end);
  const kept = quote.prefix === target.quote.prefix && quote.suffix === target.quote.suffix;
  const category: Category = changed
    ? kept
      ? "edited"
      : "edited, context changed"
    : kept
      ? "context kept"
      : "context changed";
  return { category, range };
});

const points = indexCodePoints(edited);
// Shared length over combined length: 1 for the same range.
const overlap = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start)) /
  (Math.max(a.end, b.end) - Math.min(a.start, b.start));
const rows = new Map<
  Category,
  { passages: number; asExpected: number; otherState: number; orphaned: number; wrong: number }
>();
for (const category of Object.keys(expected) as Category[])
  rows.set(category, { passages: 0, asExpected: 0, otherState: 0, orphaned: 0, wrong: 0 });
results.forEach((result, i) => {
  const { category, range } = truth[i]!;
  const row = rows.get(category)!;
  row.passages++;
  if (result.state === "orphaned") {
    if (category === "deleted") row.asExpected++;
    else row.orphaned++;
    return;
  }
  const found = { start: points.fromCodePoints(result.start), end: points.fromCodePoints(result.end) };
  // Unchanged quotes must be found exactly; an edited one must overlap its new range substantially.
  const right = range && (category.startsWith("edited") ? overlap(found, range) >= 0.8 : overlap(found, range) === 1);
  if (!right) row.wrong++;
  else if (
    (category === "context kept" && result.state === "anchored") ||
    (category === "context changed" && (result.state === "anchored" || result.method === "context")) ||
    (category.startsWith("edited") && result.state === "drifted" && result.method === "fuzzy")
  )
    row.asExpected++;
  else row.otherState++;
});

const count = (state: string, method?: string) =>
  results.filter((r) => r.state === state && (!method || (r.state === "drifted" && r.method === method))).length;
const moved = results.filter((r) => r.state === "anchored" && r.moved).length;
console.log(
  `Law: ${articleCount} articles, ${original.length.toLocaleString("en")} characters; new version ${edited.length.toLocaleString("en")}.`,
);
console.log(
  `${annotationCount} annotations re-anchored in ${totalMs.toFixed(0)} ms (${prepareMs.toFixed(0)} ms preparing the text).`,
);
console.log(
  `anchored ${count("anchored")} (moved ${moved}), drifted ${count("drifted")} (by context ${count("drifted", "context")}, fuzzy ${count("drifted", "fuzzy")}), orphaned ${count("orphaned")}.\n`,
);
const table = [["passages", "count", "expected", "as expected", "right place, other state", "orphaned", "wrong"]];
for (const [category, row] of rows) {
  table.push(
    [category, row.passages, expected[category], row.asExpected, row.otherState, row.orphaned, row.wrong].map(String),
  );
}
const widths = table[0]!.map((_, c) => Math.max(...table.map((r) => r[c]!.length)));
for (const r of table)
  console.log(
    r.map((cell, c) => (c === 0 || c === 2 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join("  "),
  );
const wrong = [...rows.values()].reduce((s, r) => s + r.wrong, 0);
console.log(`\nWrong attachments (in deleted text or at the wrong place): ${wrong}.`);
