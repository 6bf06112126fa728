import { describe, expect, it } from "vitest";
import { oneByteHtml } from "@/lib/cache/one-byte-html.mjs";

// What a browser makes of the page: character references in markup, \u escapes in scripts.
const decoded = (html: string) =>
  html
    .replace(
      /(<script\b[^>]*>)([\s\S]*?)(<\/script>)/g,
      (_, open: string, body: string, close: string) =>
        open + body.replace(/\\u([0-9a-f]{4})/g, (__, hex: string) => String.fromCharCode(parseInt(hex, 16))) + close,
    )
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)));

const page = (text: string, filler = 2_000) =>
  `<!DOCTYPE html><html><head><title>${text}</title></head><body><p title="${text}">${text}</p>${"<p>Law text.</p>".repeat(filler)}` +
  `<script>self.__next_f.push([1,"${text}"])</script><script type="application/ld+json">{"name":"${text}"}</script></body></html>`;

describe("a stored page's HTML at one byte per character", () => {
  it("escapes the few characters above U+00FF so that the page reads the same", () => {
    const html = page("“Rehabilitation” — 1993 · Жертвы 🕊");
    const stored = oneByteHtml(html);
    expect(/[^\x00-\xff]/.test(stored)).toBe(false);
    expect(stored).toContain("&#8220;Rehabilitation&#8221;");
    expect(stored).toContain("&#128330;");
    expect(stored).toContain('push([1,"\\u201cRehabilitation\\u201d');
    expect(stored).toContain("·");
    expect(decoded(stored)).toBe(html);
  });

  it("leaves a page mostly in Cyrillic as it is, which escaping would make much longer", () => {
    const html = page("Закон о реабилитации жертв политических репрессий ".repeat(400), 10);
    expect(oneByteHtml(html)).toBe(html);
  });

  it("leaves a page without such characters byte for byte the same", () => {
    const html = page("Rehabilitation · 1993");
    expect(oneByteHtml(html)).toBe(html);
  });
});
