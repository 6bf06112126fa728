import { eq } from "drizzle-orm";
import type { Tx } from "@/db";
import {
  articleAuthors,
  articleJurisdictions,
  articleLaws,
  articles,
  articleSources,
  articleTopics,
} from "@/db/schema";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { authorize } from "@/modules/auth/authorize";
import type { Ctx } from "@/modules/auth/context";
import {
  assertSlugFree,
  insertWithFreeSlug,
  isSlugClash,
  recordSlugChange,
  type SlugSpace,
} from "@/modules/content/slugs";
import { baseRevisionOf, beginEdit, recordRevision, startItem } from "@/modules/workflow/revise";
import { assertArticleLinks } from "./links";
import { getArticle, type ArticleDetail } from "./read";
import { articleInput, type ArticleValues } from "./schemas";
import { articleSnapshot } from "./snapshot";

const articleSlugs: SlugSpace = { itemType: "article", table: articles, constraint: "articles_slug_unique" };
const slugTakenMessage = "Another article has, or had, this address.";

/** Adds an article with its attribution and links, in one transaction. */
export async function createArticle(ctx: Ctx, input: unknown): Promise<ArticleDetail> {
  const actor = authorize(ctx, "content.write");
  const values = parseInput(articleInput, input);
  const id = await ctx.db.transaction(async (tx) => {
    await assertArticleLinks(tx, values);
    const id = await insertWithFreeSlug(
      tx,
      articleSlugs,
      values.slug ? { chosen: values.slug } : { from: values.title },
      (slug) =>
        tx
          .insert(articles)
          .values({ ...columns(values), slug, createdById: actor.id })
          .onConflictDoNothing({ target: articles.slug })
          .returning({ id: articles.id })
          .then(([row]) => row),
      slugTakenMessage,
    );
    await writeLinks(tx, id, values);
    const snapshot = await articleSnapshot({ db: tx, actor }, id);
    await startItem(tx, { actor, ip: ctx.ip }, { type: "article", id }, snapshot, "article.create");
    return id;
  });
  return getArticle(ctx, id);
}

/**
 * Saves an article and replaces its links. The slug stays unless the editor changes it; the old
 * one then redirects. The laws it discusses are not touched (their updated_at stays).
 */
export async function updateArticle(
  ctx: Ctx,
  id: number,
  input: unknown,
  more: { message?: string; alsoWrite?: (tx: Tx) => Promise<void> } = {},
): Promise<ArticleDetail> {
  const actor = authorize(ctx, "content.write");
  const values = parseInput(articleInput, input);
  const base = baseRevisionOf(input);
  await getArticle(ctx, id);
  const saving = ctx.db.transaction(async (tx) => {
    const [current] = await tx.select({ slug: articles.slug }).from(articles).where(eq(articles.id, id)).for("update");
    if (!current) throw new NotFoundError("No such article.");
    const row = await beginEdit(tx, { type: "article", id }, base);
    await assertArticleLinks(tx, values);
    const slug = values.slug ?? current.slug;
    if (slug !== current.slug) {
      await assertSlugFree(tx, articleSlugs, slug, { exceptId: id, message: slugTakenMessage });
      await recordSlugChange(tx, { itemType: "article", oldSlug: current.slug, newSlug: slug, itemId: id });
    }
    await tx
      .update(articles)
      .set({ ...columns(values), slug, updatedAt: new Date() })
      .where(eq(articles.id, id));
    // One after another: a transaction's connection runs one query at a time.
    for (const links of [articleAuthors, articleLaws, articleTopics, articleJurisdictions, articleSources]) {
      await tx.delete(links).where(eq(links.articleId, id));
    }
    await writeLinks(tx, id, values);
    await more.alsoWrite?.(tx);
    const snapshot = await articleSnapshot({ db: tx, actor }, id);
    await recordRevision(tx, { actor, ip: ctx.ip }, row, snapshot, { action: "article.update", message: more.message });
  });
  await saving.catch((error: unknown) => {
    // Another article took the address between our check and our write.
    if (isSlugClash(error, articleSlugs)) throw new ValidationError({ slug: [slugTakenMessage] });
    throw error;
  });
  return getArticle(ctx, id);
}

function columns(values: ArticleValues) {
  return {
    kind: values.kind,
    title: values.title,
    body: values.body,
    lang: values.lang,
    publisherId: values.publisherId,
    creditedAgentId: values.creditedAgentId,
    originalDate: values.originalDate?.date ?? null,
    originalPrecision: values.originalDate?.precision ?? null,
    originalApproximate: values.originalDate?.approximate ?? false,
    originalUrl: values.originalUrl,
  };
}

async function writeLinks(tx: Tx, articleId: number, values: ArticleValues) {
  // The lists arrive without repeats (schemas.ts); the authors keep their byline order.
  if (values.authorIds.length)
    await tx
      .insert(articleAuthors)
      .values(values.authorIds.map((agentId, position) => ({ articleId, agentId, position })));
  if (values.lawIds.length) await tx.insert(articleLaws).values(values.lawIds.map((lawId) => ({ articleId, lawId })));
  if (values.topicIds.length)
    await tx.insert(articleTopics).values(values.topicIds.map((topicId) => ({ articleId, topicId })));
  if (values.jurisdictionCodes.length)
    await tx
      .insert(articleJurisdictions)
      .values(values.jurisdictionCodes.map((jurisdictionCode) => ({ articleId, jurisdictionCode })));
  if (values.sourceIds.length)
    await tx.insert(articleSources).values(values.sourceIds.map((sourceId) => ({ articleId, sourceId })));
}
