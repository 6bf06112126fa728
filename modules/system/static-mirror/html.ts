/**
 * The HTML of a public page, made static: Next's runtime goes (its scripts and their preloads; the
 * page is complete without them, every text is rendered on the server) and each address in an
 * attribute is given to `link`, which returns what to write instead (or null to keep it).
 * Structured data (`application/ld+json`) stays: it is data, not code.
 *
 * Regular expressions are enough here: React and rehype escape `<` in text (and React `"` in
 * attributes, rehype `"` in attributes only), so a `<` followed by a letter starts a real tag.
 */
const script = /<script\b([^>]*)>[\s\S]*?<\/script\s*>/gi;
const scriptPreload = /<link\b[^>]*\b(?:rel="modulepreload"|as="script")[^>]*>/gi;
// A tag's attributes, quoted values whole: rehype leaves `>` unescaped in a value.
const tag = /<([a-zA-Z][a-zA-Z0-9-]*)\b((?:[^<>"']|"[^"]*"|'[^']*')*)>/g;
const attribute = /(\s)(href|src|action|srcset|poster)="([^"]*)"/g;

export function staticHtml(html: string, link: (raw: string) => string | null): string {
  const stripped = html
    .replace(script, (whole, attrs: string) => (/type="application\/ld\+json"/i.test(attrs) ? whole : ""))
    .replace(scriptPreload, "");
  return stripped.replace(tag, (whole, name: string, attrs: string) => {
    if (!/\b(href|src|action|srcset|poster)="/.test(attrs)) return whole;
    const rewritten = attrs.replace(attribute, (match, space: string, attr: string, value: string) => {
      if (attr === "srcset") {
        const parts = value.split(",").map((part) => {
          const [url, ...descriptor] = part.trim().split(/\s+/);
          const next = url ? link(unescapeAttribute(url)) : null;
          return [next === null ? url : escapeAttribute(next), ...descriptor].join(" ");
        });
        return `${space}${attr}="${parts.join(", ")}"`;
      }
      const next = link(unescapeAttribute(value));
      return next === null ? match : `${space}${attr}="${escapeAttribute(next)}"`;
    });
    return `<${name}${rewritten}>`;
  });
}

function unescapeAttribute(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;");
}

/** Addresses in a stylesheet's url(…), as written (relative to the stylesheet). */
export function cssUrls(css: string): string[] {
  return [...css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)]
    .map((m) => m[2]!.trim())
    .filter((url) => !/^(data:|#)/.test(url));
}

/** The sitemap's addresses. */
export function sitemapLocations(xml: string): string[] {
  return [...xml.matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/g)].map((m) => unescapeAttribute(m[1]!));
}
