/**
 * The one check for a redirect target taken from a request (?next=, ?to=, a form field): a path
 * on this site, returned in the form the browser will read it, or the fallback.
 *
 * Browsers read "\" as "/" and drop tabs and newlines anywhere in a URL, so "/\evil.example" and
 * "/\t/evil.example" both lead to another origin. Rather than list such tricks, the value is parsed
 * as the browser parses it and kept only if it stays on our origin; backslashes and control
 * characters are refused before that, since no address of ours has them. Dot segments can leave
 * "//" at the start once resolved ("/..//evil.example"), so the result is checked again.
 */
export function safeLocalPath(value: unknown, fallback: string): string {
  if (typeof value !== "string" || !value.startsWith("/") || /[\\\x00-\x1f\x7f]/.test(value)) return fallback;
  const base = "http://marginalia.invalid";
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return fallback;
  }
  // Serialized by the URL parser: ASCII only, so it is safe in a Location header as it is.
  const path = url.pathname + url.search + url.hash;
  return url.origin === base && !path.startsWith("//") ? path : fallback;
}
