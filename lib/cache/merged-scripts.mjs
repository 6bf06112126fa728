// Plain JavaScript: lib/cache/page-cache.mjs loads it outside the compiled bundles.

/**
 * The page with each run of adjacent inline scripts (plain `<script>`, no attributes) made into
 * one, in the same order.
 *
 * Why: a stored page's policy names each inline script by its hash, and Next writes the page's RSC
 * payload as one inline script per chunk it flushed. A law with a few hundred notes had a policy
 * of 24 KB, over what nginx (4–8 KB) and Node's own client (16 KB) accept in a response's headers,
 * so the page failed behind a proxy. The scripts of a run are parsed and run one after another
 * anyway; each body is closed off with a line break and a semicolon, so that neither a trailing
 * comment nor a missing semicolon can join two of them.
 */
export function mergeAdjacentScripts(html) {
  return html.replace(/(?:<script>(?:(?!<\/script>)[\s\S])*<\/script>){2,}/g, (run) => {
    const bodies = [...run.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(([, body]) => body);
    return `<script>${bodies.join("\n;")}</script>`;
  });
}
