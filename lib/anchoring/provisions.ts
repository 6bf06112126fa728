import { markdownTree } from "@/lib/markdown";

type Node = { type: string; tagName?: string; value?: string; children?: Node[] };

/** A heading of a law text ("Article 5") and where its provision starts, in code points of markdownText. */
export type Provision = { title: string; start: number };

/**
 * The headings of a rendered text, in order, with their positions in the same plain text that
 * annotation positions count in: a passage belongs to the last heading at or before it.
 */
export function provisionsOf(markdown: string): Provision[] {
  const provisions: Provision[] = [];
  let offset = 0;
  const textOf = (node: Node): string =>
    node.type === "text" ? (node.value ?? "") : (node.children ?? []).map(textOf).join("");
  const visit = (node: Node) => {
    if (node.type === "element" && /^h[1-6]$/.test(node.tagName ?? "")) {
      const title = textOf(node);
      provisions.push({ title: title.trim(), start: offset });
      offset += [...title].length;
      return;
    }
    if (node.type === "text") offset += [...(node.value ?? "")].length;
    node.children?.forEach(visit);
  };
  visit(markdownTree(markdown) as Node);
  return provisions.filter((p) => p.title);
}

/** The provision a passage starting at `start` is in; null before the first heading. */
export function provisionAt(provisions: Provision[], start: number): Provision | null {
  let found: Provision | null = null;
  for (const p of provisions) {
    if (p.start > start) break;
    found = p;
  }
  return found;
}
