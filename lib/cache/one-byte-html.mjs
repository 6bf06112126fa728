// Plain JavaScript: lib/cache/page-cache.mjs loads it outside the compiled bundles.

/**
 * The same page, as a string V8 keeps at one byte per character, when that makes it at most a
 * quarter longer; otherwise the page unchanged.
 *
 * Why: one character above U+00FF (a typographic quote, a dash, Cyrillic) makes V8 store the
 * whole page at two bytes per character. Node then prepends the response headers to it and
 * flattens the pair on every request; a page of 65,000 characters becomes a 130 KB string, above
 * V8's 128 KB limit for ordinary objects, so each request maps and unmaps fresh memory for it.
 * Measured on the demo law page (91 such characters): 1,000–1,100 requests/s as it was, 1,500–1,600
 * with the characters escaped. A page mostly in Cyrillic would grow by half or more: it stays as it is.
 *
 * Characters above U+00FF become character references in markup (`&#8220;`) and `\u201c` escapes
 * inside inline scripts (the RSC payload and JSON-LD, where they only occur in string literals).
 * Browsers decode both to the same text, so the page, its hydration and its hashes agree.
 */
export function oneByteHtml(html) {
  const wide = html.match(/[^\x00-\xff]/g)?.length ?? 0;
  if (wide * 7 > html.length / 4) return html;
  const escaped =
    wide === 0
      ? html
      : html.replace(/(<script\b[^>]*>)([\s\S]*?)(<\/script>)|[^\x00-\xff]/gu, (match, open, body, close) =>
          open === undefined ? `&#${match.codePointAt(0)};` : open + escapeInScript(body) + close,
        );
  // Rebuilt from bytes: a string made by replace() on a two-byte string may stay two-byte.
  return Buffer.from(escaped, "latin1").toString("latin1");
}

const escapeInScript = (script) =>
  script.replace(/[^\x00-\xff]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, "0")}`);
