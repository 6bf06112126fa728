import { and, asc, desc, eq, exists, ilike, inArray, isNotNull, isNull, lt, lte, sql, type SQL } from "drizzle-orm";
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
import { fromColumns, type PartialDate } from "@/lib/partial-date";
import { likePattern } from "@/lib/text";
import { parseInput } from "@/lib/validation";
import { authorize } from "@/modules/auth/authorize";
import type { Ctx } from "@/modules/auth/context";
import { decodeCursor, encodeCursor, isDateKey, isTimestampKey } from "@/modules/content/cursor";
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

export type ArticlePage = { articles: ArticleListItem[]; nextAfter: string | null; sort: ArticleSort };

const publisher = alias(agents, "publisher");
const working = alias(revisions, "working");
const editor = alias(users, "last_editor");
const assignee = alias(users, "assignee");

/**
 * The editors' list of articles: a text filter on the title (trigram index), facets, and keyset
 * pagination in each sort, so that a page costs the same at row 100,000 as at row 1.
 */
export async function listArticles(ctx: Ctx, input: Record<string, unknown> = {}): Promise<ArticlePage> {
  authorize(ctx, "admin.access");
  const { q, kind, lang, jurisdiction, law, sort, after, limit } = parseInput(listArticlesInput, input);
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
  const cursor = decodeCursor(after);
  const cursorId = cursor ? cursor.id : null;
  const key = cursorId === null ? null : String(cursor!.sortValue);
  const want = limit + 1;

  let rows: Row[];
  if (sort === "title") {
    rows = await select(
      ctx,
      [...filters, ...(key !== null ? [sql`(${articles.title}, ${articles.id}) > (${key}, ${cursorId})`] : [])],
      [asc(articles.title), asc(articles.id)],
      want,
    );
  } else if (sort === "updated") {
    const valid = key !== null && isTimestampKey(key);
    const keyset = valid ? [sql`(${articles.updatedAt}, ${articles.id}) < (${key}::timestamptz, ${cursorId})`] : [];
    rows = await select(ctx, [...filters, ...keyset], [desc(articles.updatedAt), desc(articles.id)], want);
  } else {
    rows = await byOriginalDate(ctx, filters, key, cursorId, want);
  }

  const page = rows.slice(0, limit);
  const last = page.at(-1);
  let nextAfter: string | null = null;
  if (rows.length > limit && last) {
    const sortValue = sort === "title" ? last.title : sort === "updated" ? last.updatedKey : (last.originalDate ?? "");
    nextAfter = encodeCursor(sortValue, last.id);
  }
  const authors = await authorNames(
    ctx,
    page.map((r) => r.id),
  );
  return {
    articles: page.map((r) => ({
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
    nextAfter,
    sort,
  };
}

/**
 * Newest original date first, undated articles last. Two index-friendly passes rather than one
 * "nulls last" order the date index cannot serve: the dated rows, then the undated ones by id.
 * A cursor with an empty date points into the second pass.
 */
async function byOriginalDate(ctx: Ctx, filters: SQL[], key: string | null, cursorId: number | null, want: number) {
  const inUndated = key === "";
  const dated: Row[] = [];
  if (!inUndated) {
    const validDate = key !== null && isDateKey(key);
    const keyset = validDate
      ? [lte(articles.originalDate, key), sql`(${articles.originalDate}, ${articles.id}) < (${key}::date, ${cursorId})`]
      : [];
    dated.push(
      ...(await select(
        ctx,
        [...filters, isNotNull(articles.originalDate), ...keyset],
        [desc(articles.originalDate), desc(articles.id)],
        want,
      )),
    );
    if (dated.length >= want) return dated;
  }
  const undated = await select(
    ctx,
    [...filters, isNull(articles.originalDate), ...(inUndated && cursorId !== null ? [lt(articles.id, cursorId)] : [])],
    [desc(articles.id)],
    want - dated.length,
  );
  return [...dated, ...undated];
}

type Row = Awaited<ReturnType<typeof select>>[number];

function select(ctx: Ctx, where: SQL[], order: SQL[], limit: number) {
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
    .where(and(...where))
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
