import { renderMarkdown } from "@/lib/markdown";

// Long-form typography by child selectors (there is no typography plugin): a serif body at a
// comfortable measure and line height, headings that step down, quiet rules for quotes and tables.
// Exported for the annotated text, which renders the same Markdown in pieces.
export const markdownTypography = [
  "max-w-prose font-serif text-lg leading-relaxed text-ink",
  "[&>*+*]:mt-4",
  "[&_h1]:mt-8 [&_h1]:text-3xl [&_h1]:leading-tight [&_h1]:font-bold",
  "[&_h2]:mt-8 [&_h2]:text-2xl [&_h2]:leading-snug [&_h2]:font-bold",
  "[&_h3]:mt-6 [&_h3]:text-xl [&_h3]:font-bold",
  "[&_h4]:mt-6 [&_h4]:font-bold [&_h5]:font-bold [&_h6]:font-bold",
  "[&_ul]:list-disc [&_ol]:list-decimal [&_ul]:pl-6 [&_ol]:pl-6 [&_li]:mt-1 [&_li>p]:mt-1",
  "[&_blockquote]:border-l-4 [&_blockquote]:border-rule [&_blockquote]:pl-4 [&_blockquote]:italic [&_blockquote]:text-muted",
  "[&_a]:underline [&_a]:underline-offset-2",
  "[&_code]:rounded [&_code]:bg-surface-strong [&_code]:px-1 [&_code]:font-mono [&_code]:text-[0.85em]",
  "[&_pre]:overflow-x-auto [&_pre]:rounded [&_pre]:bg-surface-strong [&_pre]:p-4 [&_pre_code]:bg-transparent [&_pre_code]:p-0",
  "[&_table]:w-full [&_table]:border-collapse [&_table]:font-sans [&_table]:text-base",
  "[&_th]:border-b-2 [&_th]:border-rule [&_th]:px-2 [&_th]:py-1 [&_th]:text-left",
  "[&_td]:border-b [&_td]:border-rule [&_td]:px-2 [&_td]:py-1",
  "[&_hr]:my-8 [&_hr]:border-rule [&_img]:max-w-full",
  "[&_.footnotes]:mt-10 [&_.footnotes]:border-t [&_.footnotes]:border-rule [&_.footnotes]:pt-4 [&_.footnotes]:text-base",
].join(" ");

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
