import { and, count, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db";
import { publicArticles, publicTags } from "@/db/schema";
import type { ArticleKind } from "@/db/schema/vocabulary";
import { fromColumns, type DatePrecision, type PartialDate } from "@/lib/partial-date";
import { publicArticlePath } from "./addresses";
import { creditsOf, liveAgents, type Credit } from "./live-agents";

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

/**
 * Newest first by the date the piece first appeared (undated last), then by when it was published
 * here: in the order of public_articles_order_idx, so that a page of a list reads only its rows.
 */
export const articleOrder = [
  sql`${publicArticles.originalDate} desc nulls last`,
  sql`${publicArticles.firstPublishedAt} desc nulls last`,
  sql`${publicArticles.articleId} desc nulls last`,
];

/** What a list reads of each published article (public_articles, no snapshot). */
export const articleRowColumns = {
  id: publicArticles.articleId,
  kind: publicArticles.kind,
  title: publicArticles.title,
  lang: publicArticles.lang,
  slug: publicArticles.slug,
  originalDate: publicArticles.originalDate,
  originalPrecision: publicArticles.originalPrecision,
  originalApproximate: publicArticles.originalApproximate,
  authorIds: publicArticles.authorIds,
  publisherId: publicArticles.publisherId,
  creditedAgentId: publicArticles.creditedAgentId,
};

/** A row of public_articles as articleRowColumns selects it. */
export type ArticleRecord = {
  id: number;
  kind: ArticleKind;
  title: string;
  lang: string;
  slug: string;
  originalDate: string | null;
  originalPrecision: DatePrecision | null;
  originalApproximate: boolean;
  authorIds: number[];
  publisherId: number | null;
  creditedAgentId: number | null;
};

/** How many of the latest articles an item's page lists; the articles index lists them all. */
export const recentArticlesShown = 10;

/** How many published articles match a condition on public_articles. */
export async function countLiveArticles(db: Db, where: SQL): Promise<number> {
  const [row] = await db.select({ n: count() }).from(publicArticles).where(where);
  return row?.n ?? 0;
}

/** Published articles matching a condition on public_articles, newest first. */
export async function liveArticleRows(db: Db, where: SQL | undefined, limit?: number): Promise<ArticleRow[]> {
  const query = db
    .select(articleRowColumns)
    .from(publicArticles)
    .where(and(where))
    .orderBy(...articleOrder);
  const rows = limit === undefined ? await query : await query.limit(limit);
  return toArticleRows(db, rows);
}

/** Rows of public_articles as lists show them, each name that of a published agent. */
export async function toArticleRows(db: Db, rows: ArticleRecord[]): Promise<ArticleRow[]> {
  if (rows.length === 0) return [];
  const agents = await liveAgents(
    db,
    rows.flatMap((r) => [...r.authorIds, r.publisherId, r.creditedAgentId].filter((id) => id !== null)),
  );
  const credit = (id: number | null) => (id === null ? null : (creditsOf(agents, [{ id }])[0] ?? null));
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    title: row.title,
    lang: row.lang,
    path: publicArticlePath(row),
    authors: creditsOf(
      agents,
      row.authorIds.map((id) => ({ id })),
    ),
    publisher: credit(row.publisherId),
    creditedAgent: credit(row.creditedAgentId),
    originalDate: fromColumns(row.originalDate, row.originalPrecision, row.originalApproximate),
  }));
}

/** Articles about a topic or a jurisdiction: tagged with it, or discussing a published law that is. */
export function taggedWith(vocabulary: "topic" | "jurisdiction", value: string | number): SQL {
  return sql`${publicArticles.articleId} in (select ${publicTags.itemId} from ${publicTags}
    where ${publicTags.vocabulary} = ${vocabulary} and ${publicTags.value} = ${String(value)}
      and ${publicTags.itemType} = 'article')`;
}
