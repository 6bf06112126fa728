import { renderMarkdown } from "@/lib/markdown";

// Long-form typography (the `markdown-typography` utility in app/globals.css). Exported for the
// annotated text, which renders the same Markdown in pieces.
export const markdownTypography = "markdown-typography";

/**
 * Markdown written by editors, rendered on the server. The HTML comes from `renderMarkdown`, which
 * drops raw HTML and sanitizes the result; that is what makes the innerHTML below safe.
 */
export function Markdown({ source, className = "" }: { source: string; className?: string }) {
  return (
    <div
      className={`${markdownTypography} ${className}`}
      dangerouslySetInnerHTML={{ __html: renderMarkdown(source) }}
    />
  );
}
