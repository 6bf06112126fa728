/**
 * How long re-anchoring takes (issue 6): 1,000 annotations on a long law, carried to a new version
 * of its text with insertions, edits inside passages and deleted passages. A benchmark, not a
 * test: it prints the time and how many annotations ended anchored, drifted or orphaned.
 *
 *   node --import tsx scripts/bench/reanchor.ts [--annotations 1000] [--articles 1500]
 */
import { parseArgs } from "node:util";
import { anchor, prepareText, type Anchoring } from "@/lib/anchoring/anchor";
import { describePassage, type TextTarget } from "@/lib/anchoring/selectors";

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

// A vocabulary of 600 made-up words, Latin and Cyrillic, so that passages rarely repeat by chance.
const syllables = ["re", "ha", "bi", "li", "ta", "tion", "vic", "tim", "po", "ra", "ко", "ми", "сси", "я", "ре", "па"];
const words = Array.from({ length: 600 }, () =>
  Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(syllables)).join(""),
);
const sentence = () => Array.from({ length: 8 + Math.floor(random() * 12) }, () => pick(words)).join(" ") + ". ";
const articles = Array.from({ length: articleCount }, (_, i) => `Article ${i + 1}. ${sentence()}${sentence()}`);
const original = articles.join("\n");

// Annotations on passages of 3–12 words inside random articles.
type Annotated = { article: number; target: TextTarget };
const annotated: Annotated[] = [];
let offset = 0;
const starts = articles.map((a) => {
  const at = offset;
  offset += a.length + 1;
  return at;
});
for (let i = 0; i < annotationCount; i++) {
  const article = Math.floor(random() * articleCount);
  const text = articles[article]!;
  const spaces = [...text.matchAll(/ /g)].map((m) => m.index);
  const from = pick(spaces.slice(2, -6)) + 1;
  const length = 3 + Math.floor(random() * 10);
  const to = spaces.find((s) => s > from + length * 4) ?? text.length - 1;
  annotated.push({ article, target: describePassage(original, starts[article]! + from, starts[article]! + to) });
}

// The new version: every tenth article gets a new sentence before it, every twentieth a word changed
// inside, every fiftieth is repealed (removed).
const edited = articles
  .map((a, i) => {
    if (i % 50 === 49) return null;
    let text = a;
    if (i % 20 === 19) text = text.replace(/ (\S+) (\S+) (\S+)\./, " $1 amended $2 $3.");
    if (i % 10 === 9) text = `Article ${i + 1}-1. ${sentence()}\n${text}`;
    return text;
  })
  .filter((a): a is string => a !== null)
  .join("\n");

const started = performance.now();
const prepared = prepareText(edited);
const prepareMs = performance.now() - started;
const results: Anchoring[] = annotated.map((a) => anchor(a.target, prepared));
const totalMs = performance.now() - started;

const count = (state: string, method?: string) =>
  results.filter((r) => r.state === state && (!method || (r.state === "drifted" && r.method === method))).length;
const repealed = annotated.filter((a) => a.article % 50 === 49).length;
console.log(
  `Law: ${articleCount} articles, ${original.length.toLocaleString("en")} characters; new version ${edited.length.toLocaleString("en")}.`,
);
console.log(
  `${annotationCount} annotations re-anchored in ${totalMs.toFixed(0)} ms (${prepareMs.toFixed(0)} ms preparing the text).`,
);
console.log(
  `anchored ${count("anchored")}, drifted ${count("drifted")} (by context ${count("drifted", "context")}, fuzzy ${count("drifted", "fuzzy")}), orphaned ${count("orphaned")}; passages in repealed articles: ${repealed}.`,
);
