import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db";
import { liveDocuments } from "@/db/schema";
import type { ArticleKind } from "@/db/schema/vocabulary";
import type { PartialDate } from "@/lib/partial-date";
import { parseArticleSnapshot } from "@/modules/articles/snapshot-schema";
import { publicArticlePath } from "./article";
import { agentIdsOf, creditsOf, liveAgents, type Credit } from "./live-agents";

export type { Credit };

/** One published article as lists show it: what kind of piece, whose, when, and where to read it. */
export type ArticleRow = {
  id: number;
  kind: ArticleKind;
  title: string;
  lang: string;
  path: string;
  authors: Credit[];
  publisher: Credit | null;
  creditedAgent: Credit | null;
  originalDate: PartialDate | null;
};

/** Newest first by the date the piece first appeared (undated last), then by when it was published here. */
export const articleOrder = [
  sql`${liveDocuments.snapshot}->'originalDate'->>'date' desc nulls last`,
  desc(liveDocuments.firstPublishedAt),
  desc(liveDocuments.itemId),
];

/** Published articles matching a condition, newest first; reads live revisions only. */
export async function liveArticleRows(db: Db, where: SQL | undefined, limit?: number): Promise<ArticleRow[]> {
  const query = db
    .select({ id: liveDocuments.itemId, slug: liveDocuments.slug, snapshot: liveDocuments.snapshot })
    .from(liveDocuments)
    .where(and(eq(liveDocuments.itemType, "article"), where))
    .orderBy(...articleOrder);
  const rows = limit === undefined ? await query : await query.limit(limit);
  return toArticleRows(db, rows);
}

export async function toArticleRows(
  db: Db,
  rows: { id: number; slug: string; snapshot: Record<string, unknown> }[],
): Promise<ArticleRow[]> {
  if (rows.length === 0) return [];
  const articles = rows.map((row) => ({ ...row, article: parseArticleSnapshot(row.snapshot) }));
  const agents = await liveAgents(
    db,
    articles.flatMap(({ article }) => agentIdsOf(article)),
  );
  const credit = (ref: { id: number } | null) => creditsOf(agents, [ref])[0] ?? null;
  return articles.map(({ id, slug, article }) => ({
    id,
    kind: article.kind,
    title: article.title,
    lang: article.lang,
    path: publicArticlePath({ slug }),
    authors: creditsOf(agents, article.authors),
    publisher: credit(article.publisher),
    creditedAgent: credit(article.creditedAgent),
    originalDate: article.originalDate,
  }));
}

/** Articles that discuss any of the published laws a subquery of law ids names. */
export function discussesAnyOf(lawIds: SQL): SQL {
  return sql`exists (select 1 from jsonb_array_elements(${liveDocuments.snapshot}->'laws') as l(v) where (l.v->>'id')::integer in (${lawIds}))`;
}
