import { asc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import {
  agents,
  articleAuthors,
  articleJurisdictions,
  articleLaws,
  articles,
  articleSources,
  articleTopics,
  jurisdictions,
  laws,
  sources,
  topics,
} from "@/db/schema";
import type { ArticleKind } from "@/db/schema/vocabulary";
import { NotFoundError } from "@/lib/errors";
import { fromColumns, type PartialDate } from "@/lib/partial-date";
import { isRecordId } from "@/lib/validation";
import { authorize } from "@/modules/auth/authorize";
import type { Ctx } from "@/modules/auth/context";

export type Named = { id: number; name: string };

export type ArticleDetail = {
  id: number;
  slug: string;
  kind: ArticleKind;
  title: string;
  body: string;
  lang: string;
  originalDate: PartialDate | null;
  originalUrl: string;
  createdById: number | null;
  createdAt: Date;
  updatedAt: Date;
  /** In byline order. */
  authors: Named[];
  publisher: Named | null;
  creditedAgent: Named | null;
  laws: { id: number; title: string; jurisdictionCode: string }[];
  topics: Named[];
  jurisdictions: { code: string; name: string }[];
  sources: { id: number; title: string }[];
};

const publisher = alias(agents, "publisher");
const credited = alias(agents, "credited");

/** An article with the names of everything it links to, for its edit page and pickers. */
export async function getArticle(ctx: Ctx, id: number): Promise<ArticleDetail> {
  authorize(ctx, "admin.access");
  if (!isRecordId(id)) throw new NotFoundError("No such article.");
  const [row] = await ctx.db
    .select({
      article: articles,
      publisherName: publisher.preferredName,
      creditedName: credited.preferredName,
    })
    .from(articles)
    .leftJoin(publisher, eq(publisher.id, articles.publisherId))
    .leftJoin(credited, eq(credited.id, articles.creditedAgentId))
    .where(eq(articles.id, id));
  if (!row) throw new NotFoundError("No such article.");
  const { article: a } = row;
  // One after another: ctx.db may be a transaction (the seed's), and a transaction's connection
  // runs one query at a time (pg deprecates queueing more on it).
  const authorRows = await ctx.db
    .select({ id: agents.id, name: agents.preferredName })
    .from(articleAuthors)
    .innerJoin(agents, eq(agents.id, articleAuthors.agentId))
    .where(eq(articleAuthors.articleId, id))
    .orderBy(asc(articleAuthors.position));
  const lawRows = await ctx.db
    .select({ id: laws.id, title: laws.title, jurisdictionCode: laws.jurisdictionCode })
    .from(articleLaws)
    .innerJoin(laws, eq(laws.id, articleLaws.lawId))
    .where(eq(articleLaws.articleId, id))
    .orderBy(asc(laws.title), asc(laws.id));
  const topicRows = await ctx.db
    .select({ id: topics.id, name: topics.name })
    .from(articleTopics)
    .innerJoin(topics, eq(topics.id, articleTopics.topicId))
    .where(eq(articleTopics.articleId, id))
    .orderBy(asc(topics.name));
  const jurisdictionRows = await ctx.db
    .select({ code: jurisdictions.code, name: jurisdictions.name })
    .from(articleJurisdictions)
    .innerJoin(jurisdictions, eq(jurisdictions.code, articleJurisdictions.jurisdictionCode))
    .where(eq(articleJurisdictions.articleId, id))
    .orderBy(asc(jurisdictions.name));
  const sourceRows = await ctx.db
    .select({ id: sources.id, title: sources.title })
    .from(articleSources)
    .innerJoin(sources, eq(sources.id, articleSources.sourceId))
    .where(eq(articleSources.articleId, id))
    .orderBy(asc(sources.title));
  return {
    id: a.id,
    slug: a.slug,
    kind: a.kind,
    title: a.title,
    body: a.body,
    lang: a.lang,
    originalDate: fromColumns(a.originalDate, a.originalPrecision, a.originalApproximate),
    originalUrl: a.originalUrl,
    createdById: a.createdById,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    authors: authorRows,
    publisher: a.publisherId && row.publisherName ? { id: a.publisherId, name: row.publisherName } : null,
    creditedAgent: a.creditedAgentId && row.creditedName ? { id: a.creditedAgentId, name: row.creditedName } : null,
    laws: lawRows,
    topics: topicRows,
    jurisdictions: jurisdictionRows,
    sources: sourceRows,
  };
}
