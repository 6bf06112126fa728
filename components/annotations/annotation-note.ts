import type { Element, ElementContent, Properties, Root } from "hast";
import type { AnnotationNoteData } from "@/components/annotations/annotated-text";
import { markdownTree } from "@/lib/markdown";

/** The opening words of a passage, for a collapsed note's summary. */
export function firstWords(exact: string, words = 5, maxLength = 40): string {
  const all = exact.trim().split(/\s+/u);
  const text = all.slice(0, words).join(" ");
  if ([...text].length > maxLength) return `${[...text].slice(0, maxLength).join("").trimEnd()}…`;
  return all.length > words ? `${text}…` : text;
}

// Addresses come from the domain, which checks them; this is a second wall (as in lib/markdown.ts).
// What a URL cannot hold as it is goes percent-encoded, as a browser would send it: then no
// attribute holds anything that reads as markup, even to a scanner that does not parse HTML.
const safeHref = (href: string | null) =>
  href && /^(https?:\/\/|\/(?!\/)|#)/i.test(href)
    ? href.replace(/[\s"'<>`]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`)
    : undefined;

/** An HTML element as a tree node. */
export const element = (tagName: string, properties: Properties, children: ElementContent[]): Element => ({
  type: "element",
  tagName,
  properties,
  children,
});
const text = (value: string): ElementContent => ({ type: "text", value });

/** "A, B and C" as a list of links (or plain titles where the address is not one readers may follow). */
function linked(items: { title: string; href: string | null }[], separator: string, rel?: string[]) {
  return items.flatMap((item, i) => {
    const href = safeHref(item.href);
    const shown = href ? element("a", { href, ...(rel && { rel }) }, [text(item.title)]) : text(item.title);
    return i > 0 ? [text(separator), shown] : [shown];
  });
}

/**
 * One annotation's note, as a tree of HTML: an annotated text is written out as one string
 * (annotated-text.tsx), so that a law with hundreds of notes is not also hundreds of elements in
 * the page's payload. A disclosure, so that on narrow screens it waits closed beneath its
 * paragraph; on wide ones the controls open it in the margin. role="note" rather than the aside's
 * default landmark: a law with forty notes should not add forty landmarks. Styled by the
 * "Annotated text" block of app/globals.css.
 */
export function annotationNote(a: AnnotationNoteData, name: string, lang?: string): Element {
  const body = markdownTree(a.bodyMarkdown) as Root;
  return element(
    "aside",
    {
      id: `note-${a.id}`,
      role: "note",
      ariaLabelledBy: [`note-${a.id}-label`],
      dataAnnotation: String(a.id),
      dataKind: a.kind,
      className: ["annotation-note"],
    },
    [
      element("details", { dataAnnotationNote: "" }, [
        element("summary", {}, [
          element("span", { id: `note-${a.id}-label` }, [text(name)]),
          element("span", { className: ["annotation-excerpt"] }, [
            text(" on “"),
            element("span", lang ? { lang } : {}, [text(firstWords(a.exact))]),
            text("”"),
          ]),
        ]),
        element("div", { className: ["annotation-note-body"] }, [
          element("div", { className: ["annotation-note-text"] }, body.children as ElementContent[]),
          ...(a.links.length > 0 ? [element("p", {}, [text("See also: "), ...linked(a.links, ", ")])] : []),
          ...(a.sources.length > 0
            ? [
                element("p", {}, [
                  text(a.sources.length === 1 ? "Source: " : "Sources: "),
                  ...linked(
                    a.sources.map((s) => ({ title: s.title, href: s.url })),
                    "; ",
                    ["noopener", "noreferrer"],
                  ),
                ]),
              ]
            : []),
          element("p", {}, [
            element("a", { href: safeHref(a.permalink), className: ["annotation-permalink"] }, [
              text("Link to this annotation"),
            ]),
          ]),
        ]),
      ]),
    ],
  );
}
