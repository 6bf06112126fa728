import { markdownText } from "@/lib/markdown";
import { toCyrillic, type Random } from "./random";

/**
 * Markdown made of headings, paragraphs (with some bold) and numbered lists, together with the
 * text a reader sees of it once rendered (lib/markdown.ts markdownText): annotation selectors
 * count positions in that text. Rendering hundreds of megabytes through unified takes minutes,
 * so the text is built beside the Markdown from these few block shapes, and `checkRendering`
 * holds the two to markdownText on samples.
 */
export type Document = { markdown: string; text: string };

type Script = "latin" | "cyrillic";

const latinClauses = [
  "shall be examined within thirty days of the application",
  "is kept by the authorised body and open to the public",
  "applies to decisions taken before the day this law enters into force",
  "may be appealed to a court under the general procedure",
  "is paid from the republican budget",
  "is published in the official gazette",
  "takes effect ten days after its official publication",
  "is set by the government within three months",
];
const cyrillicClauses = [
  "рассматривается в течение тридцати дней со дня подачи заявления",
  "ведётся уполномоченным органом и открыт для всех",
  "применяется к решениям, принятым до вступления настоящего закона в силу",
  "может быть обжаловано в суде в общем порядке",
  "выплачивается из республиканского бюджета",
  "публикуется в официальном издании",
];

function words(rng: Random, script: Script, min: number, max: number): string {
  const w = rng.words(min, max);
  return script === "latin" ? w : toCyrillic(w);
}

function sentence(rng: Random, script: Script): { md: string; text: string } {
  const subject = words(rng, script, 2, 4);
  const clause = rng.pick(script === "latin" ? latinClauses : cyrillicClauses);
  const bold = rng.chance(0.15);
  const head = rng.capital(subject);
  return {
    md: `${bold ? `**${head}**` : head} ${clause}.`,
    text: `${head} ${clause}.`,
  };
}

function paragraph(rng: Random, script: Script, sentences: number) {
  const parts = Array.from({ length: sentences }, () => sentence(rng, script));
  return { md: parts.map((p) => p.md).join(" "), text: parts.map((p) => p.text).join(" ") };
}

/** Blocks until the text reaches about `chars` characters. */
function build(rng: Random, script: Script, chars: number, headed: (n: number) => string | null): Document {
  const md: string[] = [];
  const text: string[] = [];
  let length = 0;
  for (let n = 1; length < chars; n++) {
    const heading = headed(n);
    if (heading) {
      md.push(`## ${heading}`);
      text.push(heading);
    }
    for (let p = rng.int(1, 3); p > 0; p--) {
      const para = paragraph(rng, script, rng.int(2, 5));
      md.push(para.md);
      text.push(para.text);
      length += para.text.length;
    }
    if (rng.chance(0.2)) {
      const items = Array.from({ length: rng.int(2, 4) }, () => sentence(rng, script));
      md.push(items.map((item, i) => `${i + 1}. ${item.md}`).join("\n"));
      // A list renders as its items on lines of their own, between line breaks.
      text.push(`\n${items.map((item) => item.text).join("\n")}\n`);
    }
  }
  return { markdown: md.join("\n\n"), text: text.join("\n") };
}

/** A law's text: numbered articles, each under its heading. */
export function lawDocument(rng: Random, cyrillic: boolean, chars: number): Document {
  const script: Script = cyrillic ? "cyrillic" : "latin";
  return build(rng, script, chars, (n) =>
    cyrillic
      ? `Статья ${n}. ${rng.capital(words(rng, script, 1, 3))}`
      : `Article ${n}. ${rng.capital(rng.words(1, 3))}`,
  );
}

/** A news report or commentary: paragraphs, with a subheading every few in longer pieces. */
export function articleDocument(rng: Random, chars: number): Document {
  return build(rng, "latin", chars, (n) => (n > 1 && n % 3 === 0 ? rng.capital(rng.words(2, 4)) : null));
}

/** Throws when the text built beside a Markdown document is not what the product renders of it. */
export function checkRendering(doc: Document, what: string): void {
  if (markdownText(doc.markdown) !== doc.text)
    throw new Error(
      `The synthetic ${what} renders differently from the text built beside it (lib/markdown.ts changed?).`,
    );
}
