import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";

/**
 * GitHub's sanitation, narrowed: links may only be http(s), mailto or relative (a path or a
 * #fragment); images only http(s). Everything else loses its URL and keeps its text.
 * remark-rehype already prefixes the only ids Markdown can make (footnotes) with "user-content-";
 * prefixing them again would break the footnote links.
 */
const schema: SanitizeSchema = {
  ...defaultSchema,
  clobberPrefix: "",
  protocols: {
    ...defaultSchema.protocols,
    href: ["http", "https", "mailto"],
    src: ["http", "https"],
    cite: ["http", "https"],
    longDesc: ["http", "https"],
  },
};

type HastNode = { type: string; tagName?: string; properties?: Record<string, unknown>; children?: HastNode[] };

/** Links that leave the site open without handing it the reader's window or the page's address. */
function externalLinks() {
  const visit = (node: HastNode) => {
    if (node.type === "element" && node.tagName === "a") {
      const href = node.properties?.href;
      if (typeof href === "string" && /^https?:\/\//i.test(href)) {
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

/** Markdown written by editors, as HTML safe to put in a page. */
export function renderMarkdown(markdown: string): string {
  return String(processor.processSync(markdown));
}
