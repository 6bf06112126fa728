import type { AnnotationNoteData } from "@/components/annotations/annotated-text";
import { renderMarkdown } from "@/lib/markdown";

/** The opening words of a passage, for a collapsed note's summary. */
export function firstWords(exact: string, words = 5, maxLength = 40): string {
  const all = exact.trim().split(/\s+/u);
  const text = all.slice(0, words).join(" ");
  if ([...text].length > maxLength) return `${[...text].slice(0, maxLength).join("").trimEnd()}…`;
  return all.length > words ? `${text}…` : text;
}

// Addresses come from the domain, which checks them; this is a second wall (as in lib/markdown.ts).
const safeHref = (href: string | null) => (href && /^(https?:\/\/|\/(?!\/)|#)/i.test(href) ? href : undefined);

/**
 * One annotation's note. A disclosure, so that on narrow screens it waits closed beneath its
 * paragraph; on wide ones the controls open it in the margin. role="note" rather than the aside's
 * default landmark: a law with forty notes should not add forty landmarks.
 */
export function AnnotationNote({
  annotation: a,
  name,
  lang,
}: {
  annotation: AnnotationNoteData;
  name: string;
  lang?: string;
}) {
  return (
    <aside
      id={`note-${a.id}`}
      role="note"
      aria-labelledby={`note-${a.id}-label`}
      data-annotation={a.id}
      data-kind={a.kind}
      className="annotation-note border-l-2 border-accent pl-3 font-sans text-sm leading-normal"
    >
      <details data-annotation-note="">
        <summary className="cursor-pointer font-semibold">
          <span id={`note-${a.id}-label`}>{name}</span>
          <span className="annotation-excerpt font-normal text-muted">
            {" on “"}
            <span lang={lang}>{firstWords(a.exact)}</span>”
          </span>
        </summary>
        <div className="mt-1 space-y-2">
          <div className="space-y-2" dangerouslySetInnerHTML={{ __html: renderMarkdown(a.bodyMarkdown) }} />
          {a.links.length > 0 && (
            <p>
              See also:{" "}
              {a.links.map((link, i) => (
                <span key={i}>
                  {i > 0 && ", "}
                  {safeHref(link.href) ? <a href={safeHref(link.href)}>{link.title}</a> : link.title}
                </span>
              ))}
            </p>
          )}
          {a.sources.length > 0 && (
            <p>
              {a.sources.length === 1 ? "Source: " : "Sources: "}
              {a.sources.map((source, i) => (
                <span key={i}>
                  {i > 0 && "; "}
                  {safeHref(source.url) ? (
                    <a href={safeHref(source.url)} rel="noopener noreferrer">
                      {source.title}
                    </a>
                  ) : (
                    source.title
                  )}
                </span>
              ))}
            </p>
          )}
          <p>
            <a href={a.permalink} className="text-xs text-muted">
              Link to this annotation
            </a>
          </p>
        </div>
      </details>
    </aside>
  );
}
