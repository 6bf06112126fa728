import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, test } from "vitest";
import { AnnotatedText, type AnnotationNoteData } from "@/components/annotations/annotated-text";
import { firstWords } from "@/components/annotations/annotation-note";
import { toCodePoints } from "@/lib/anchoring/selectors";
import { markdownText, renderMarkdown } from "@/lib/markdown";

const md =
  "Article 1. Victims of **political repression** are rehabilitated.\n\nArticle 2. Their property is returned.";

function note(
  id: number,
  number: number,
  passage: string,
  extra: Partial<AnnotationNoteData> = {},
): AnnotationNoteData {
  const text = markdownText(md);
  const start = toCodePoints(text, text.indexOf(passage));
  return {
    id,
    number,
    kind: "context",
    start,
    end: start + [...passage].length,
    exact: passage,
    bodyMarkdown: "The **1993** law of Kazakhstan.",
    links: [],
    sources: [],
    permalink: `/laws/kg-2024#annotation-${id}`,
    ...extra,
  };
}

const render = (annotations: AnnotationNoteData[], lang?: string) =>
  renderToStaticMarkup(createElement(AnnotatedText, { markdown: md, lang, annotations }));

describe("AnnotatedText", () => {
  test("without annotations it is the plain Markdown, as an island named by a hash of its HTML", () => {
    const out = render([]);
    expect(out).toMatch(/^<div class="markdown-typography" data-island="[\w-]{22}">/);
    expect(out.replace(/^<div[^>]*>|<\/div>$/g, "")).toBe(renderMarkdown(md));
    expect(render([])).toBe(out);
    expect(
      renderToStaticMarkup(createElement(AnnotatedText, { markdown: `${md} More.`, annotations: [] })),
    ).not.toMatch(out.slice(0, 60));
  });

  test("each note follows the block where its passage ends, named by kind and number in words", () => {
    const out = render([
      note(11, 2, "property is returned", { kind: "fact_check" }),
      note(10, 1, "political repression are rehabilitated.\nArticle 2. Their"),
    ]);
    const [first, second] = out.split('<div class="annotated-block"').slice(1);
    expect(first).not.toContain("<aside");
    expect(second!.indexOf('id="note-10"')).toBeLessThan(second!.indexOf('id="note-11"'));
    expect(out).toContain('aria-label="Context note 1"');
    expect(out).toContain('<span id="note-11-label">Fact-check note 2</span>');
    expect(out).toMatch(
      /<aside id="note-10" role="note" aria-labelledby="note-10-label" data-annotation="10" data-kind="context"/,
    );
    expect(out).toContain("<strong>1993</strong>");
    expect(out).toMatch(/<a href="\/laws\/kg-2024#annotation-10"[^>]*>Link to this annotation<\/a>/);
    // The toolbar offers only the kinds present.
    expect(out).toMatch(/Context <span class="text-muted">\(1\)<\/span>/);
    expect(out).toMatch(/Fact-check <span class="text-muted">\(1\)<\/span>/);
    expect(out).not.toContain("Translation");
  });

  test('a plain note is called "Note 3", not "Note note 3"', () => {
    expect(render([note(1, 3, "Victims", { kind: "note" })])).toContain('<span id="note-1-label">Note 3</span>');
  });

  test("the text's language is on the blocks and the quoted words, not on the notes", () => {
    const out = render([note(1, 1, "Victims")], "ru");
    expect(out).toContain('<div lang="ru" class="annotated-block"');
    expect(out).toContain('<span lang="ru">Victims</span>');
    expect(out).not.toMatch(/<(aside|details)[^>]* lang=/);
  });

  test("a note whose passage is not in the text still reads, after the last block", () => {
    const out = render([{ ...note(5, 1, "Victims"), start: 500, end: 510 }]);
    expect(out).not.toContain("<mark");
    expect(out.indexOf('id="note-5"')).toBeGreaterThan(out.lastIndexOf('class="annotated-block"'));
  });

  test("links and sources with unsafe addresses lose their link and keep their title", () => {
    const out = render([
      note(1, 1, "Victims", {
        links: [{ title: "Kazakh law", href: "/laws/kz-1993" }],
        sources: [
          { title: "TRT", url: "https://trt.example/news" },
          { title: "Bad", url: "javascript:alert(1)" },
          { title: "Print only", url: null },
        ],
      }),
    ]);
    expect(out).toContain('See also: <a href="/laws/kz-1993">Kazakh law</a>');
    expect(out).toContain('<a href="https://trt.example/news" rel="noopener noreferrer">TRT</a>');
    expect(out).not.toContain("javascript:");
    expect(out).toContain("; Bad");
  });

  test("hostile text in a note, its passage, its links and sources is written out as text, never as markup", () => {
    const hostile = '<script>__xss(1)</script><img src=x onerror="__xss(2)">';
    const out = render([
      note(1, 1, "Victims", {
        exact: hostile,
        bodyMarkdown: `${hostile}\n\n[a](javascript:__xss(3)) ${hostile}`,
        links: [{ title: hostile, href: "/laws/kz-1993" }],
        sources: [{ title: hostile, url: 'https://x.example/"><script>__xss(4)</script>' }],
        permalink: '/laws/kg-2024#"><script>__xss(5)</script>',
      }),
    ]);
    expect(out).not.toMatch(/<script|<img|<[^>]*\sonerror=|javascript:/i);
    expect(out).toContain("&#x3C;script>__xss(1)&#x3C;/script>");
  });

  test("a summary quotes the passage's first words", () => {
    expect(firstWords("Victims of political repression between 1918 and 1953")).toBe(
      "Victims of political repression between…",
    );
    expect(firstWords("Short one")).toBe("Short one");
    expect(firstWords("across\n\ntwo  blocks")).toBe("across two blocks");
    expect(firstWords("Непропорционально-длинное-слово-без-пробелов-в-тексте закона")).toBe(
      "Непропорционально-длинное-слово-без-проб…",
    );
  });
});
