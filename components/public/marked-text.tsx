import type { SnippetPart } from "@/lib/search/snippet";

/** Text with the words a search matched marked, in bold as well as colour for those who cannot see it. */
export function MarkedText({ parts }: { parts: SnippetPart[] }) {
  return parts.map((part, i) =>
    part.match ? (
      <mark key={i} className="rounded-sm bg-accent/15 px-0.5 font-semibold text-ink">
        {part.text}
      </mark>
    ) : (
      <span key={i}>{part.text}</span>
    ),
  );
}
