import "server-only";
import type { Element, Nodes, Root } from "hast";
import { toText } from "hast-util-to-text";
import rehypeParse from "rehype-parse";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import { unified } from "unified";

export type SnapshotFacts = { finalUrl: string; status: number; fetchedAt: Date; bodySha256: string };

/**
 * A page as it was captured, made safe to open from the archive: its text, headings, lists,
 * tables and links (made absolute), without scripts, styles, frames, forms or anything that would
 * load from elsewhere (images become their description), under a header saying where and when it
 * was fetched and the hash of the body as received, which is kept beside it.
 */
export function snapshotHtml(body: Uint8Array, contentType: string | null, facts: SnapshotFacts): string {
  const tree = unified().use(rehypeParse).parse(decodeHtml(body, contentType));
  const title = titleOf(tree) || facts.finalUrl;
  const content = findBody(tree) ?? tree;
  absolutize(content, facts.finalUrl);
  const safe = unified()
    // Stripped whole, not unwrapped: their contents are code, not the page's text.
    .use(rehypeSanitize, { ...defaultSchema, clobberPrefix: "", strip: ["script", "style", "noscript", "template"] })
    .runSync({ type: "root", children: "children" in content ? content.children : [] } as Root);
  const main = unified()
    .use(rehypeStringify)
    .stringify(safe as Root);
  const when = facts.fetchedAt.toISOString().replace(".000Z", "Z");
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>${escape(title)} (captured ${when.slice(0, 10)})</title>
<style>body{font:16px/1.6 Georgia,serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1c1b19}header{border:1px solid #dcd8cf;background:#fbfaf7;padding:.75rem 1rem;font:14px/1.5 system-ui,sans-serif;margin-bottom:2rem}code{word-break:break-all}</style>
</head><body>
<header><p><strong>Captured copy.</strong> Fetched from <a href="${escape(facts.finalUrl)}">${escape(facts.finalUrl)}</a> at ${when} (HTTP ${facts.status}) and kept by the archive; scripts, styles and images were left out.</p>
<p>The page as received has SHA-256 <code>${facts.bodySha256}</code>.</p></header>
<main>
${main}
</main></body></html>
`;
}

/** The page's text decoded as its Content-Type or its own meta tag says (UTF-8 otherwise). */
function decodeHtml(body: Uint8Array, contentType: string | null): string {
  const declared =
    /charset=["']?([\w-]+)/i.exec(contentType ?? "")?.[1] ??
    /<meta[^>]+charset=["']?([\w-]+)/i.exec(new TextDecoder("latin1").decode(body.subarray(0, 4096)))?.[1];
  try {
    return new TextDecoder(declared ?? "utf-8").decode(body);
  } catch {
    return new TextDecoder().decode(body);
  }
}

function titleOf(tree: Root): string {
  const title = findElement(tree, "title");
  return title ? toText(title).trim().slice(0, 300) : "";
}

function findBody(tree: Root): Element | null {
  return findElement(tree, "body");
}

function findElement(node: Nodes, tagName: string): Element | null {
  if (node.type === "element" && node.tagName === tagName) return node;
  if ("children" in node) {
    for (const child of node.children) {
      const found = findElement(child, tagName);
      if (found) return found;
    }
  }
  return null;
}

/** Links point at the page's own site, not the archive; an image is replaced by what it shows. */
function absolutize(node: Nodes, base: string) {
  if (!("children" in node)) return;
  node.children = node.children.map((child) => {
    if (child.type !== "element") return child;
    if (child.tagName === "img") {
      const alt = String(child.properties.alt ?? "").trim();
      return { type: "text", value: alt ? `[image: ${alt}]` : "" };
    }
    if (child.tagName === "a" && typeof child.properties.href === "string") {
      try {
        child.properties.href = new URL(child.properties.href, base).href;
      } catch {
        delete child.properties.href;
      }
    }
    absolutize(child, base);
    return child;
  });
}

function escape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
