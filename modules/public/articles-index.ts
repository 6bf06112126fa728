import { count, eq } from "drizzle-orm";
import { cacheLife, cacheTag } from "next/cache";
import { getDatabase, type Db } from "@/db";
import { publicArticles } from "@/db/schema";
import { articleKinds } from "@/db/schema/vocabulary";
import { articleOrder, articleRowColumns, toArticleRows } from "./article-rows";
import { publicCacheTag } from "./clock";
import { listTag } from "./cache-tags";
import type { ArticlesIndexQuery } from "./articles-index-url";

export const articlesIndexPageSize = 20;

/** One page of published articles, newest first, of one kind or all, with how many there are of each kind. */
export async function publishedArticlesIndex(query: ArticlesIndexQuery) {
  "use cache";
  cacheTag(publicCacheTag, listTag("article"));
  cacheLife("days");
  const { db } = await getDatabase();
  return readArticlesIndex(db, query);
}

/** publishedArticlesIndex's reading, uncached, on a given database (the tests call it directly). */
export async function readArticlesIndex(db: Db, query: ArticlesIndexQuery) {
  const where = query.kind ? eq(publicArticles.kind, query.kind) : undefined;
  const [rows, [total], byKind] = await Promise.all([
    db
      .select(articleRowColumns)
      .from(publicArticles)
      .where(where)
      .orderBy(...articleOrder)
      .limit(articlesIndexPageSize)
      .offset((query.page - 1) * articlesIndexPageSize),
    db.select({ n: count() }).from(publicArticles).where(where),
    db.select({ kind: publicArticles.kind, n: count() }).from(publicArticles).groupBy(publicArticles.kind),
  ]);
  const n = total?.n ?? 0;
  return {
    articles: await toArticleRows(db, rows),
    total: n,
    page: query.page,
    pageCount: Math.max(1, Math.ceil(n / articlesIndexPageSize)),
    // Every kind, in the vocabulary's order, even those with none yet (they count 0).
    kinds: articleKinds.map((kind) => ({ kind, count: byKind.find((k) => k.kind === kind)?.n ?? 0 })),
  };
}

export type ArticlesIndex = Awaited<ReturnType<typeof readArticlesIndex>>;
