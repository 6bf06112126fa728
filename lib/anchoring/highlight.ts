import type { Element, ElementContent, Root, RootContent, Text } from "hast";
import rehypeStringify from "rehype-stringify";
import { unified } from "unified";
import type { AnnotationKind } from "@/db/schema/vocabulary";
import { markdownTree } from "@/lib/markdown";
import { fromCodePoints } from "@/lib/anchoring/selectors";

/**
 * A passage to highlight, in code points of `markdownText`. `label` names it for screen readers
 * ("Context note 3"); `ref` is the short marker shown after it (the note's number), drawn by CSS
 * so that it adds no text to the page (copying the law, or counting offsets in it, stays exact).
 */
export type PassageMark = { id: number; start: number; end: number; kind: AnnotationKind; label: string; ref?: string };

/** One top-level element of the rendered text, and the annotations whose passage ends in it. */
export type HighlightedBlock = { html: string; endingIds: number[] };

// `link`: the outermost link around the text node, if any.
type Located = { node: Text; parent: Element | Root; start: number; end: number; block: number; link?: Element };
type Segment = { from: number; to: number; marks: PassageMark[] };

// Whitespace between elements of these is not text a reader sees, and a <mark> there would be
// moved out of a table by the HTML parser.
const flowContainers = new Set(["ul", "ol", "table", "thead", "tbody", "tfoot", "tr", "blockquote", "section"]);

const stringifier = unified().use(rehypeStringify).freeze();

/**
 * The sanitized HTML of `markdown`, split into its top-level blocks, with every passage wrapped in
 * <mark> elements (one per text node it covers, nested where passages overlap). Only elements and
 * attributes of our own are added to the sanitized tree; nothing is parsed again.
 */
export function highlightMarkdown(markdown: string, marks: PassageMark[]): HighlightedBlock[] {
  const root = markdownTree(markdown) as Root;
  const blocks = root.children.filter((child) => !(child.type === "text" && child.value.trim() === ""));
  const texts = locateTexts(root, blocks);
  const length = texts.at(-1)?.end ?? 0;
  const valid = uniqueById(marks)
    .filter((m) => Number.isInteger(m.start) && Number.isInteger(m.end) && m.start >= 0 && m.start < m.end)
    .filter((m) => m.end <= length)
    .sort((a, b) => a.start - b.start || b.end - a.end || a.id - b.id);

  const segments = texts.map((t) => (wrappable(t) ? segmentsOf(t, valid) : []));
  const first = new Map<number, [number, number]>();
  const last = new Map<number, [number, number]>();
  segments.forEach((list, i) =>
    list.forEach((segment, j) =>
      segment.marks.forEach((m) => {
        if (!first.has(m.id)) first.set(m.id, [i, j]);
        last.set(m.id, [i, j]);
      }),
    ),
  );

  const replacements = new Map<Text, ElementContent[]>();
  const refsAfterLink = new Map<Element, Element[]>();
  texts.forEach((t, i) => {
    const list = segments[i]!;
    if (!list.some((s) => s.marks.length > 0)) return;
    const isAt = (at: Map<number, [number, number]>, m: PassageMark, j: number) =>
      at.get(m.id)?.[0] === i && at.get(m.id)?.[1] === j;
    replacements.set(
      t.node,
      list.flatMap((segment, j) => {
        const value = t.node.value.slice(segment.from, segment.to);
        let content: ElementContent[] = [{ type: "text", value }];
        // Innermost first: the passage that starts last (or ends first) is the innermost mark.
        for (const m of [...segment.marks].reverse()) {
          content = [markElement(m, content, isAt(first, m, j))];
          if (!isAt(last, m, j)) continue;
          // A link inside a link would be split apart by the HTML parser: put it after the outer one.
          if (t.link) refsAfterLink.set(t.link, [...(refsAfterLink.get(t.link) ?? []), refElement(m)]);
          else content.push(refElement(m));
        }
        return content;
      }),
    );
  });
  rebuild(root, replacements, refsAfterLink);

  const ending = new Map<number, number[]>();
  for (const [id, [i]] of last) ending.set(texts[i]!.block, [...(ending.get(texts[i]!.block) ?? []), id]);
  const order = new Map(valid.map((m, i) => [m.id, i]));
  return blocks.map((child, b) => ({
    html: stringifier.stringify({ type: "root", children: [child] }),
    endingIds: (ending.get(b) ?? []).sort((x, y) => order.get(x)! - order.get(y)!),
  }));
}

function uniqueById(marks: PassageMark[]): PassageMark[] {
  const seen = new Set<number>();
  return marks.filter((m) => !seen.has(m.id) && seen.add(m.id));
}

/** Every text node in document order, with its code point range and the block it belongs to. */
function locateTexts(root: Root, blocks: RootContent[]): Located[] {
  const found: Located[] = [];
  const blockIndex = new Map(blocks.map((child, b) => [child, b]));
  let offset = 0;
  const visit = (node: Root | Element, block: number, link: Element | undefined) => {
    node.children.forEach((child) => {
      const b = node === root ? (blockIndex.get(child as RootContent) ?? -1) : block;
      if (child.type === "text") {
        const length = [...child.value].length;
        found.push({ node: child, parent: node, start: offset, end: offset + length, block: b, link });
        offset += length;
      } else if (child.type === "element") {
        visit(child, b, link ?? (child.tagName === "a" ? child : undefined));
      }
    });
  };
  visit(root, -1, undefined);
  return found;
}

function wrappable(t: Located): boolean {
  if (t.node.value.trim() !== "") return true;
  return t.parent.type === "element" && !flowContainers.has(t.parent.tagName);
}

/** The text node cut at every passage boundary inside it; each piece lists the marks covering it. */
function segmentsOf(t: Located, marks: PassageMark[]): Segment[] {
  const inside = marks.filter((m) => m.start < t.end && m.end > t.start);
  if (inside.length === 0) return [{ from: 0, to: t.node.value.length, marks: [] }];
  const cuts = new Set([t.start, t.end]);
  for (const m of inside) {
    if (m.start > t.start) cuts.add(m.start);
    if (m.end < t.end) cuts.add(m.end);
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  return sorted.slice(0, -1).map((from, k) => {
    const to = sorted[k + 1]!;
    return {
      from: fromCodePoints(t.node.value, from - t.start),
      to: fromCodePoints(t.node.value, to - t.start),
      marks: inside.filter((m) => m.start <= from && m.end >= to),
    };
  });
}

function markElement(m: PassageMark, children: ElementContent[], isFirst: boolean): Element {
  const properties: Element["properties"] = {
    className: ["annotation"],
    dataAnnotation: String(m.id),
    dataKind: m.kind,
  };
  // The first piece is where the permalink lands; focusable from script, so the page can move
  // the focus to it. The keyboard reaches the passage by the note marker after it.
  if (isFirst) Object.assign(properties, { id: `annotation-${m.id}`, tabIndex: -1, ariaDescribedBy: [`note-${m.id}`] });
  return { type: "element", tagName: "mark", properties, children };
}

function refElement(m: PassageMark): Element {
  return {
    type: "element",
    tagName: "a",
    properties: {
      href: `#note-${m.id}`,
      className: ["annotation-ref"],
      ariaLabel: m.label,
      dataAnnotation: String(m.id),
      dataKind: m.kind,
      dataRef: m.ref ?? "*",
    },
    children: [],
  };
}

function rebuild(node: Root | Element, replacements: Map<Text, ElementContent[]>, after: Map<Element, Element[]>) {
  const children: RootContent[] = node.children;
  node.children = children.flatMap((child): RootContent[] => {
    if (child.type === "text") return replacements.get(child) ?? [child];
    if (child.type !== "element") return [child];
    rebuild(child, replacements, after);
    return [child, ...(after.get(child) ?? [])];
  }) as typeof node.children;
}
