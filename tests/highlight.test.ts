import { describe, expect, test } from "vitest";
import { highlightMarkdown, type PassageMark } from "@/lib/anchoring/highlight";
import { toCodePoints } from "@/lib/anchoring/selectors";
import { markdownText, markdownTree, renderMarkdown } from "@/lib/markdown";

/** A mark on the nth occurrence of `passage` in the text of `markdown`, in code points. */
function mark(markdown: string, passage: string, id: number, nth = 0): PassageMark {
  const text = markdownText(markdown);
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(passage, at + 1);
  if (at === -1) throw new Error(`"${passage}" is not in the text`);
  const start = toCodePoints(text, at);
  return { id, start, end: start + [...passage].length, kind: "context", label: `Context note ${id}`, ref: `${id}` };
}

/** A mark from the start of `first` to the end of `last`, wherever the text breaks between them. */
function span(markdown: string, first: string, last: string, id: number): PassageMark {
  const text = markdownText(markdown);
  const from = text.indexOf(first);
  return { ...mark(markdown, first, id), end: toCodePoints(text, text.indexOf(last, from) + last.length) };
}

const decode = (html: string) =>
  html
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");

/** The text of HTML written by hast-util-to-html, tags stripped. */
const textOf = (html: string) => decode(html.replace(/<[^>]*>/g, ""));

/** The text inside each annotation's <mark> pieces, joined, read off the HTML. */
function markedTexts(html: string): Map<string, string> {
  const texts = new Map<string, string>();
  const open: string[] = [];
  for (const [, tag, text] of html.matchAll(/(<[^>]*>)|([^<]+)/g)) {
    if (text !== undefined) for (const id of open) texts.set(id, (texts.get(id) ?? "") + decode(text));
    else if (tag!.startsWith("<mark")) open.push(/data-annotation="(\d+)"/.exec(tag!)![1]!);
    else if (tag === "</mark>") open.pop();
  }
  return texts;
}

/** The text the blocks should hold: the rendered text less the line breaks between top-level blocks. */
function blocksText(markdown: string): string {
  type Node = { type: string; value?: string; children?: Node[] };
  const text = (node: Node): string => node.value ?? (node.children ?? []).map(text).join("");
  return (markdownTree(markdown) as Node)
    .children!.filter((child) => !(child.type === "text" && child.value!.trim() === ""))
    .map(text)
    .join("");
}

const html = (blocks: { html: string }[]) => blocks.map((b) => b.html).join("");

describe("highlighting passages", () => {
  test("a single passage is one <mark> with the permalink id, its data and a labelled marker after it", () => {
    const md = "Article 1. This Law establishes the rehabilitation of victims of political repression.";
    const blocks = highlightMarkdown(md, [mark(md, "rehabilitation of victims", 7)]);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]!.html).toBe(
      "<p>Article 1. This Law establishes the " +
        '<mark class="annotation" data-annotation="7" data-kind="context" id="annotation-7" tabindex="-1" aria-describedby="note-7">rehabilitation of victims</mark>' +
        '<a href="#note-7" class="annotation-ref" aria-label="Context note 7" data-annotation="7" data-kind="context" data-ref="7"></a>' +
        " of political repression.</p>",
    );
    expect(blocks[0]!.endingIds).toEqual([7]);
  });

  test("a passage across <strong> and a link gets one piece per text node, its marker outside the link", () => {
    const md = "Victims **repressed [for political](https://example.org/law) reasons** are rehabilitated.";
    const passage = "repressed for political";
    const out = html(highlightMarkdown(md, [mark(md, passage, 1)]));
    expect(out.match(/<mark /g)).toHaveLength(2);
    expect(out.match(/id="annotation-1"/g)).toHaveLength(1);
    expect(out).toContain('<strong><mark class="annotation" data-annotation="1"');
    expect(out).toMatch(
      /<a href="https:\/\/example.org\/law" rel="noopener noreferrer"><mark [^>]*>for political<\/mark><\/a>/,
    );
    // No link inside a link, which the HTML parser would split: the marker follows the </a>.
    expect(out).toContain('</a><a href="#note-1" class="annotation-ref"');
    expect(markedTexts(out).get("1")).toBe(passage);
  });

  test("a passage over two paragraphs is marked in each, with one id, and ends in the second", () => {
    const md = "Article 2. Victims are persons repressed.\n\nArticle 3. They are entitled to compensation.";
    const blocks = highlightMarkdown(md, [span(md, "persons repressed.", "Article 3. They", 4)]);
    expect(blocks.map((b) => b.endingIds)).toEqual([[], [4]]);
    expect(blocks[0]!.html).toContain('id="annotation-4"');
    expect(blocks[0]!.html).not.toContain("annotation-ref");
    expect(blocks[1]!.html).not.toContain("id=");
    expect(blocks[1]!.html).toMatch(/^<p><mark [^>]*>Article 3\. They<\/mark><a href="#note-4"/);
    // The line break between the paragraphs is not a text anyone sees; it is not wrapped.
    expect(markedTexts(html(blocks)).get("4")).toBe("persons repressed.Article 3. They");
  });

  test("overlapping passages nest in the piece they share; a passage inside another nests in it", () => {
    const md = "one two three four five";
    const a = mark(md, "two three", 1);
    const b = { ...mark(md, "three four", 2), kind: "fact_check" as const };
    const c = mark(md, "four", 3);
    const out = html(highlightMarkdown(md, [c, b, a]));
    expect(out.match(/id="annotation-\d"/g)).toEqual(['id="annotation-1"', 'id="annotation-2"', 'id="annotation-3"']);
    expect(out).toMatch(
      /<mark [^>]*data-annotation="1"[^>]*><mark [^>]*data-annotation="2" data-kind="fact_check"[^>]*>three<\/mark>/,
    );
    expect(out).toMatch(/<mark [^>]*data-annotation="2"[^>]*><mark [^>]*data-annotation="3"[^>]*>four<\/mark>/);
    expect(Object.fromEntries(markedTexts(out))).toEqual({ "1": "two three", "2": "three four", "3": "four" });
    expect(textOf(out)).toBe(md);
  });

  test("Cyrillic text", () => {
    const md = "Закон о **реабилитации** жертв политических репрессий.";
    const passage = "реабилитации жертв";
    const out = html(highlightMarkdown(md, [mark(md, passage, 9)]));
    expect(markedTexts(out).get("9")).toBe(passage);
    expect(textOf(out)).toBe(blocksText(md));
  });

  test("emoji and combining accents before a passage are one code point each, not two UTF-16 units", () => {
    const md = "👍🏽 Le de\u0301cret 👨‍👩‍👧 est **publie\u0301** : la re\u0301habilitation 🇰🇬 des victimes.";
    const text = markdownText(md);
    const passage = "habilitation 🇰🇬 des";
    const at = text.indexOf(passage);
    const start = [...text.slice(0, at)].length;
    expect(start).toBeLessThan(at);
    const marks = [{ ...mark(md, passage, 1), start, end: start + [...passage].length }];
    const out = html(highlightMarkdown(md, marks));
    expect(markedTexts(out).get("1")).toBe(passage);
    expect(textOf(out)).toBe(blocksText(md));
  });

  test("marks outside the text, empty, reversed or repeated are ignored without throwing", () => {
    const md = "Short text.\n\nSecond.";
    const length = [...markdownText(md)].length;
    const bad: PassageMark[] = [
      { ...mark(md, "Short", 1), start: -1 },
      { ...mark(md, "Short", 2), end: length + 1 },
      { ...mark(md, "Short", 3), start: 3, end: 3 },
      { ...mark(md, "Short", 4), start: 5, end: 2 },
      { ...mark(md, "Short", 5), start: Number.NaN },
      { ...mark(md, "Short", 6), start: 1.5 },
    ];
    const blocks = highlightMarkdown(md, bad);
    expect(blocks.map((b) => b.html).join("\n")).toBe(renderMarkdown(md));
    expect(blocks.flatMap((b) => b.endingIds)).toEqual([]);
    const twice = highlightMarkdown(md, [mark(md, "Short", 1), { ...mark(md, "Second", 1) }]);
    expect(html(twice).match(/<mark /g)).toHaveLength(1);
    expect(highlightMarkdown("", [mark(md, "Short", 1)])).toEqual([]);
  });

  test("endingIds name, per block, the passages whose last character is in it", () => {
    const md = "# Title\n\nFirst paragraph.\n\n- item one\n- item two\n\nLast paragraph.";
    const blocks = highlightMarkdown(md, [
      mark(md, "Title\nFirst", 1),
      mark(md, "paragraph", 2),
      mark(md, "one", 3),
      span(md, "First paragraph.", "Last", 4),
      mark(md, "Last paragraph.", 5),
    ]);
    expect(blocks.map((b) => b.endingIds)).toEqual([[], [1, 2], [3], [4, 5]]);
  });

  test("no user HTML gets through: script and handlers stay dropped, text stays escaped", () => {
    const md = 'Text <script>alert(1)</script> and <img src=x onerror=alert(1)> and a < b & "c".';
    const out = html(highlightMarkdown(md, [mark(md, "alert(1)", 1), mark(md, "a < b", 2)]));
    expect(out).not.toMatch(/<script|<img|onerror/i);
    expect(out).toContain("a &#x3C; b</mark>");
    expect(out).toContain(" &#x26; ");
    expect(markedTexts(out).get("2")).toBe("a < b");
  });

  test("with no marks the blocks are exactly renderMarkdown's HTML", () => {
    const md =
      "# A law\n\nText with **bold**, [a link](https://example.org) and `code`.\n\n> quoted\n\n| a | b |\n|---|---|\n| c | d |";
    const blocks = highlightMarkdown(md, []);
    expect(blocks.map((b) => b.html).join("\n")).toBe(renderMarkdown(md));
  });

  test("whitespace between table rows and list items is never wrapped (the parser would move it)", () => {
    const md = "| a | b |\n|---|---|\n| c | d |\n\n- one\n- two";
    const text = markdownText(md);
    const out = html(highlightMarkdown(md, [{ ...mark(md, "a", 1), start: 0, end: [...text].length }]));
    expect(out).not.toMatch(/<(table|thead|tbody|tr|ul)>\s*<mark/);
    expect(out).not.toMatch(/<\/(th|td|tr|li)>\s*<mark/);
  });
});

describe("nothing lost, nothing duplicated", () => {
  const md = [
    "# Law No. 12 «On rehabilitation»",
    "Article 1. Persons **repressed *for political* reasons** between 1918 and 1953 — see [the decree](https://example.org/d) and `Article 58`.",
    "> Quoted: «Жертвы политических репрессий» 👍🏽 re\u0301habilite\u0301s.",
    "1. first item\n2. second *item* with a [link **inside**](/laws/x)\n   - nested",
    "| Year | Count |\n|---|---|\n| 1937 | 856 |",
    "A footnote[^1] and the end.\n\n[^1]: The note's text.",
  ].join("\n\n");

  // A small deterministic generator, so a failure can be replayed.
  function random(seed: number) {
    return () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  }

  test("for many random, overlapping passages, the text is unchanged and every passage is marked whole", () => {
    const text = markdownText(md);
    const points = [...text];
    const next = random(42);
    for (let round = 0; round < 30; round++) {
      const marks: PassageMark[] = Array.from({ length: 1 + Math.floor(next() * 8) }, (_, i) => {
        const start = Math.floor(next() * points.length);
        const end = Math.min(points.length, start + 1 + Math.floor(next() * 60));
        return { id: i + 1, start, end, kind: "note", label: `Note ${i + 1}` };
      });
      const blocks = highlightMarkdown(md, marks);
      const out = html(blocks);
      expect(textOf(out)).toBe(blocksText(md));
      const marked = markedTexts(out);
      for (const m of marks) {
        const passage = points.slice(m.start, m.end).join("");
        if (passage.trim() === "") continue;
        expect(out.match(new RegExp(`id="annotation-${m.id}"`, "g"))).toHaveLength(1);
        expect(out.match(new RegExp(`href="#note-${m.id}"`, "g"))).toHaveLength(1);
        // Only the line breaks between blocks, lists and table rows are left unwrapped.
        expect(marked.get(`${m.id}`)!.replace(/\n/g, "")).toBe(passage.replace(/\n/g, ""));
        expect(blocks.filter((b) => b.endingIds.includes(m.id))).toHaveLength(1);
      }
    }
  });
});
