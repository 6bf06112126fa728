// Plain JavaScript: the page cache handler (lib/cache/page-cache.mjs) is loaded by `next start`
// itself, outside the compiled bundles, and needs the same policy the proxy sends.
import { createHash } from "node:crypto";

/**
 * The Content-Security-Policy of a page. `scripts` are the sources its inline scripts are allowed
 * by: a per-request nonce for pages rendered per request (proxy.ts), or the SHA-256 of each inline
 * script for pages served whole from the cache (docs/adr/0006-content-security-policy.md).
 *
 * @param {{ nonce?: string; hashes?: string[]; development: boolean; https: boolean }} options
 * @returns {string}
 */
export function contentSecurityPolicy({ nonce, hashes = [], development, https }) {
  const allowed = [
    ...(nonce ? [`'nonce-${nonce}'`] : []),
    ...hashes.map((hash) => `'sha256-${hash}'`),
    shellScriptHash,
  ];
  return [
    "default-src 'self'",
    // Next's own scripts load from this origin; every inline script must carry the nonce or match a
    // hash. No 'strict-dynamic': a prerendered page's script tags were written before any request
    // and carry no nonce; 'self' lets them load. React's development build needs eval.
    `script-src 'self' ${[...new Set(allowed)].join(" ")}${development ? " 'unsafe-eval'" : ""}`,
    // React writes style attributes (the annotation margin's positions, next/font's fallbacks):
    // an attribute cannot carry a nonce, and styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    // Nobody may frame the sign-in form or the admin (clickjacking a Publish button).
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/**
 * The policy of a response that is not a page: a feed, the sitemap, `robots.txt`, the read API
 * (lib/http/cached-response.ts). It loads and runs nothing, so it may do nothing, and nothing may
 * frame it: a browser made to render one (an annotation's text in the API) runs nothing from it.
 */
export const nonPagePolicy = "default-src 'none'; frame-ancestors 'none'";

const sha256 = (text) => createHash("sha256").update(text).digest("base64");

// React's timer for revealing streamed parts, the one inline script of a prerendered shell: it is
// written at build time, before any nonce exists. A React upgrade that changes it shows up as a
// blocked script in e2e/security-headers.spec.ts.
const shellScriptHash = `'sha256-${sha256("requestAnimationFrame(function(){$RT=performance.now()});")}'`;

// Data blocks (JSON-LD) are never run, so the policy need not allow them.
const inlineScript = /<script(?![^>]*\bsrc=)(?![^>]*\btype="application\/(?:ld\+)?json")[^>]*>([\s\S]*?)<\/script>/gi;

/**
 * The SHA-256 of every inline script of a page's HTML, as a policy names them. The HTML is what
 * Next itself wrote and stored, so the pattern only has to match its own script tags.
 *
 * @param {string} html
 * @returns {string[]}
 */
export function inlineScriptHashes(html) {
  const hashes = new Set();
  for (const [, body] of html.matchAll(inlineScript)) hashes.add(sha256(body ?? ""));
  return [...hashes];
}
