import { articleKindLabels, isOpinion, type ArticleKind } from "@/modules/articles/labels";

/** The kind of a piece; an opinion piece is marked as opinion so it is never read as a report. */
export function KindBadge({ kind }: { kind: ArticleKind }) {
  const opinion = isOpinion(kind);
  return (
    <span
      data-testid="article-kind"
      className={`inline-block rounded px-2 py-0.5 text-xs font-semibold uppercase tracking-wide ${
        opinion ? "border border-caution bg-caution/10 text-caution" : "bg-surface-strong text-muted"
      }`}
    >
      {articleKindLabels[kind]}
    </span>
  );
}
