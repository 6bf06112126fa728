import { z } from "zod";
import { articleKinds, type ArticleKind } from "@/db/schema/vocabulary";

/**
 * The articles index's query string. Anything unreadable is dropped rather than refused: a shared
 * or hand-edited address still shows the index.
 */
export const articlesIndexQuery = z.object({
  kind: z.enum(articleKinds).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});
export type ArticlesIndexQuery = z.output<typeof articlesIndexQuery>;

/** The index's address: /articles, /articles?kind=news, /articles?kind=news&page=2. */
export function publicArticlesIndexPath(query: { kind?: ArticleKind; page?: number } = {}): string {
  const params = new URLSearchParams();
  if (query.kind) params.set("kind", query.kind);
  if (query.page && query.page > 1) params.set("page", String(query.page));
  const search = params.toString();
  return search ? `/articles?${search}` : "/articles";
}
