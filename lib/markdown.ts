import type { Root } from "hast";
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";

/**
 * GitHub's sanitation, narrowed: links may only be http(s), mailto or relative (a path or a
 * #fragment); images only https (no mixed content). Everything else loses its URL and keeps its
 * text. remark-rehype already prefixes the only ids Markdown can make (footnotes) with
 * "user-content-", which is what keeps them from clobbering the page's own names; prefixing them
 * again would break the footnote links (a test checks every id carries the prefix).
 */
const schema: SanitizeSchema = {
  ...defaultSchema,
  clobberPrefix: "",
  protocols: {
    ...defaultSchema.protocols,
    href: ["http", "https", "mailto"],
    src: ["https"],
    cite: ["http", "https"],
    longDesc: ["http", "https"],
  },
};

type HastNode = { type: string; tagName?: string; properties?: Record<string, unknown>; children?: HastNode[] };

/**
 * Links that leave the site open without handing it the reader's window or the page's address;
 * and the one id remark-rehype leaves unprefixed (the footnotes heading) gets the prefix too.
 */
function externalLinks() {
  const visit = (node: HastNode) => {
    const props = node.properties;
    if (props?.id === "footnote-label") props.id = "user-content-footnote-label";
    if (Array.isArray(props?.ariaDescribedBy)) {
      props.ariaDescribedBy = props.ariaDescribedBy.map((ref) =>
        ref === "footnote-label" ? "user-content-footnote-label" : ref,
      );
    }
    if (node.type === "element" && node.tagName === "a") {
      const href = node.properties?.href;
      if (typeof href === "string" && /^(https?:)?\/\//i.test(href)) {
        node.properties = { ...node.properties, rel: ["noopener", "noreferrer"] };
      }
    }
    node.children?.forEach(visit);
  };
  return (tree: HastNode) => visit(tree);
}

// Raw HTML in the source is never passed through (remark-rehype drops it without
// `allowDangerousHtml`); the sanitizer is a second wall behind that one.
const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype)
  .use(rehypeSanitize, schema)
  .use(externalLinks)
  .use(rehypeStringify)
  .freeze();

const writer = unified().use(rehypeStringify, { allowDangerousHtml: true }).freeze();

/**
 * A tree of the page's own making written out as HTML: its elements and text are escaped as any
 * tree's, and its `raw` nodes go out as they are, so they may only hold HTML that came out of this
 * module's sanitizing processor.
 */
export function htmlOf(root: Root): string {
  return writer.stringify(root);
}

/** Markdown written by editors, as HTML safe to put in a page. */
export function renderMarkdown(markdown: string): string {
  return String(processor.processSync(markdown));
}

/** The sanitized tree `renderMarkdown` would write out, for transforms that need its text nodes. */
export function markdownTree(markdown: string): HastNode {
  return processor.runSync(processor.parse(markdown)) as HastNode;
}

/**
 * The text a reader sees of rendered Markdown: every text node of the sanitized HTML, in order,
 * including the line breaks between blocks. Annotation selectors count positions in this text, so
 * a browser's text nodes of the same HTML give the same offsets.
 */
export function markdownText(markdown: string): string {
  let text = "";
  const visit = (node: HastNode) => {
    if (node.type === "text") text += (node as HastNode & { value: string }).value;
    node.children?.forEach(visit);
  };
  visit(markdownTree(markdown));
  return text;
}
