import { and, asc, eq, exists, ilike, inArray, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import {
  agents,
  articleAuthors,
  articleJurisdictions,
  articleLaws,
  articles,
  editorialItems,
  revisions,
  users,
} from "@/db/schema";
import type { ArticleKind, ReviewState, Visibility } from "@/db/schema/vocabulary";
import type { SortDirection } from "@/lib/list-query";
import { fromColumns, type PartialDate } from "@/lib/partial-date";
import { likePattern } from "@/lib/text";
import { parseInput } from "@/lib/validation";
import { authorize } from "@/modules/auth/authorize";
import type { Ctx } from "@/modules/auth/context";
import { isDateKey, isTimestampKey } from "@/modules/content/cursor";
import { keysetPage, type SortKey } from "@/modules/content/keyset";
import { listArticlesInput, type ArticleSort } from "./schemas";

export type ArticleListItem = {
  id: number;
  slug: string;
  kind: ArticleKind;
  title: string;
  lang: string;
  originalDate: PartialDate | null;
  publisherName: string | null;
  /** Author names in byline order. */
  authors: string[];
  updatedAt: Date;
  review: ReviewState | null;
  visibility: Visibility | null;
  /** The working revision: bulk moves show it as the base the editor saw. */
  workingRevisionId: number | null;
  /** Who saved the working revision; "Command line" for a script, null for an item never revised. */
  lastEditor: string | null;
  /** The reviewer it is assigned to (modules/workflow/assign.ts), if any. */
  assignedTo: string | null;
};

export type ArticlePage = {
  articles: ArticleListItem[];
  nextAfter: string | null;
  sort: ArticleSort;
  dir: SortDirection;
};

const publisher = alias(agents, "publisher");
const working = alias(revisions, "working");
const editor = alias(users, "last_editor");
const assignee = alias(users, "assignee");

/**
 * The editors' list of articles: a text filter on the title (trigram index), facets, and keyset
 * pagination in any sort order and direction, the id breaking ties.
 */
export async function listArticles(ctx: Ctx, input: Record<string, unknown> = {}): Promise<ArticlePage> {
  authorize(ctx, "admin.access");
  const { q, kind, lang, jurisdiction, law, ...paging } = parseInput(listArticlesInput, input);
  const filters: SQL[] = [];
  if (q) filters.push(ilike(articles.title, likePattern(q)));
  if (kind) filters.push(eq(articles.kind, kind));
  if (lang) filters.push(eq(articles.lang, lang));
  if (jurisdiction)
    filters.push(
      exists(
        ctx.db
          .select({ one: sql`1` })
          .from(articleJurisdictions)
          .where(
            and(
              eq(articleJurisdictions.articleId, articles.id),
              eq(articleJurisdictions.jurisdictionCode, jurisdiction),
            ),
          ),
      ),
    );
  if (law)
    filters.push(
      exists(
        ctx.db
          .select({ one: sql`1` })
          .from(articleLaws)
          .where(and(eq(articleLaws.articleId, articles.id), eq(articleLaws.lawId, law))),
      ),
    );
  const { rows, ...page } = await keysetPage({
    sorts: sortKeys,
    id: articles.id,
    ...paging,
    filters,
    select: (where, order, n) => select(ctx, where, order, n),
  });
  const authors = await authorNames(
    ctx,
    rows.map((r) => r.id),
  );
  return {
    ...page,
    articles: rows.map((r) => ({
      id: r.id,
      slug: r.slug,
      kind: r.kind,
      title: r.title,
      lang: r.lang,
      originalDate: fromColumns(r.originalDate, r.originalPrecision, r.originalApproximate),
      publisherName: r.publisherName,
      authors: authors.get(r.id) ?? [],
      updatedAt: r.updatedAt,
      review: r.review,
      visibility: r.visibility,
      workingRevisionId: r.workingRevisionId,
      lastEditor: r.lastEditor,
      assignedTo: r.assignedTo,
    })),
  };
}

type Row = Awaited<ReturnType<typeof select>>[number];

const sortKeys: Record<ArticleSort, SortKey<Row>> = {
  title: { column: articles.title, dir: "asc", value: (a) => a.title },
  updated: {
    column: articles.updatedAt,
    dir: "desc",
    cast: "::timestamptz",
    accepts: isTimestampKey,
    value: (a) => a.updatedKey,
  },
  // Undated articles come last either way: an editor sorting by date wants the dated ones.
  date: {
    column: articles.originalDate,
    dir: "desc",
    cast: "::date",
    accepts: isDateKey,
    value: (a) => a.originalDate,
    nullable: true,
  },
};

function select(ctx: Ctx, where: SQL | undefined, order: SQL[], limit: number) {
  return ctx.db
    .select({
      id: articles.id,
      slug: articles.slug,
      kind: articles.kind,
      title: articles.title,
      lang: articles.lang,
      originalDate: articles.originalDate,
      originalPrecision: articles.originalPrecision,
      originalApproximate: articles.originalApproximate,
      publisherName: publisher.preferredName,
      updatedAt: articles.updatedAt,
      review: editorialItems.review,
      visibility: editorialItems.visibility,
      workingRevisionId: editorialItems.workingRevisionId,
      // Joined, not a query per row: the author of the working revision is the last to save it.
      lastEditor: sql<
        string | null
      >`case when ${working.id} is null then null else coalesce(${editor.name}, 'Command line') end`,
      assignedTo: assignee.name,
      // The exact timestamp (microseconds) for the cursor: a JS Date would round it to milliseconds.
      updatedKey: sql<string>`to_char(${articles.updatedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    })
    .from(articles)
    .leftJoin(publisher, eq(publisher.id, articles.publisherId))
    .leftJoin(editorialItems, and(eq(editorialItems.itemType, "article"), eq(editorialItems.itemId, articles.id)))
    .leftJoin(working, eq(working.id, editorialItems.workingRevisionId))
    .leftJoin(editor, eq(editor.id, working.authorId))
    .leftJoin(assignee, eq(assignee.id, editorialItems.assignedToId))
    .where(where)
    .orderBy(...order)
    .limit(limit);
}

async function authorNames(ctx: Ctx, ids: number[]): Promise<Map<number, string[]>> {
  const byArticle = new Map<number, string[]>();
  if (ids.length === 0) return byArticle;
  const rows = await ctx.db
    .select({ articleId: articleAuthors.articleId, name: agents.preferredName })
    .from(articleAuthors)
    .innerJoin(agents, eq(agents.id, articleAuthors.agentId))
    .where(inArray(articleAuthors.articleId, ids))
    .orderBy(asc(articleAuthors.articleId), asc(articleAuthors.position));
  for (const r of rows) byArticle.set(r.articleId, [...(byArticle.get(r.articleId) ?? []), r.name]);
  return byArticle;
}
