import { z } from "zod";
import { articleKinds, type ArticleKind } from "@/db/schema/vocabulary";
import { jurisdictionFilter, slugFilter } from "./law-index-url";

/**
 * The articles index's query string: a kind, and what the pieces are about (a topic or a
 * jurisdiction, directly or through a law they discuss) or whose they are (an agent as author,
 * publisher or credited agency). Anything unreadable is dropped rather than refused: a shared or
 * hand-edited address still shows the index.
 */
export const articlesIndexQuery = z.object({
  kind: z.enum(articleKinds).optional().catch(undefined),
  topic: slugFilter,
  jurisdiction: jurisdictionFilter,
  agent: slugFilter,
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});
export type ArticlesIndexQuery = z.output<typeof articlesIndexQuery>;

type Choices = { kind?: ArticleKind; topic?: string; jurisdiction?: string; agent?: string; page?: number };

/** The index's address: /articles, /articles?kind=news, /articles?topic=rehabilitation&page=2. */
export function publicArticlesIndexPath(query: Choices = {}): string {
  const params = new URLSearchParams();
  if (query.kind) params.set("kind", query.kind);
  if (query.topic) params.set("topic", query.topic);
  // Lower case, like a jurisdiction's own address.
  if (query.jurisdiction) params.set("jurisdiction", query.jurisdiction.toLowerCase());
  if (query.agent) params.set("agent", query.agent);
  if (query.page && query.page > 1) params.set("page", String(query.page));
  const search = params.toString();
  return search ? `/articles?${search}` : "/articles";
}

/** The same list with other choices: changing anything but the page goes back to page 1. */
export function articlesIndexHref(query: ArticlesIndexQuery, changes: Choices): string {
  return publicArticlesIndexPath({ ...query, page: undefined, ...changes });
}
