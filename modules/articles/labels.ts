import { articleKinds, type ArticleKind } from "@/db/schema/vocabulary";

export { articleKinds, type ArticleKind };

/**
 * What a piece is, in words a reader understands. "Opinion" is always in the label of an opinion
 * piece: the archive records views, it does not endorse them.
 */
export const articleKindLabels: Record<ArticleKind, string> = {
  news: "News report",
  opinion: "Commentary / opinion",
  analysis: "Analysis",
  statement: "Official statement",
};

/** Whether a kind states a view of its own, to be marked as opinion wherever it is shown. */
export function isOpinion(kind: ArticleKind): boolean {
  return kind === "opinion";
}

export const articleKindOptions = articleKinds.map((value) => ({ value, label: articleKindLabels[value] }));
