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
import { recordSlugChange, uniqueSlug } from "@/modules/content/slugs";
import { assertArticleLinks } from "./links";
import { getArticle, type ArticleDetail } from "./read";
import { articleInput, type ArticleValues } from "./schemas";

/** Adds an article with its attribution and links, in one transaction. */
export async function createArticle(ctx: Ctx, input: unknown): Promise<ArticleDetail> {
  const actor = authorize(ctx, "content.write");
  const values = parseInput(articleInput, input);
  const id = await ctx.db.transaction(async (tx) => {
    await assertArticleLinks(tx, values);
    const slug = values.slug ?? (await uniqueSlug(tx, articles, values.title));
    await assertSlugFree(tx, slug);
    const [row] = await tx
      .insert(articles)
      .values({ ...columns(values), slug, createdById: actor.id })
      .returning({ id: articles.id });
    await writeLinks(tx, row!.id, values);
    return row!.id;
  });
  return getArticle(ctx, id);
}

/**
 * Saves an article and replaces its links. The slug stays unless the editor changes it; the old
 * one then redirects. The laws it discusses are not touched (their updated_at stays).
 */
export async function updateArticle(ctx: Ctx, id: number, input: unknown): Promise<ArticleDetail> {
  authorize(ctx, "content.write");
  const values = parseInput(articleInput, input);
  const before = await getArticle(ctx, id);
  await ctx.db.transaction(async (tx) => {
    await assertArticleLinks(tx, values);
    const slug = values.slug ?? before.slug;
    if (slug !== before.slug) {
      await assertSlugFree(tx, slug, id);
      await recordSlugChange(tx, { itemType: "article", oldSlug: before.slug, newSlug: slug, itemId: id });
    }
    const updated = await tx
      .update(articles)
      .set({ ...columns(values), slug, updatedAt: new Date() })
      .where(eq(articles.id, id))
      .returning({ id: articles.id });
    if (updated.length === 0) throw new NotFoundError("No such article.");
    await Promise.all([
      tx.delete(articleAuthors).where(eq(articleAuthors.articleId, id)),
      tx.delete(articleLaws).where(eq(articleLaws.articleId, id)),
      tx.delete(articleTopics).where(eq(articleTopics.articleId, id)),
      tx.delete(articleJurisdictions).where(eq(articleJurisdictions.articleId, id)),
      tx.delete(articleSources).where(eq(articleSources.articleId, id)),
    ]);
    await writeLinks(tx, id, values);
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

async function assertSlugFree(tx: Tx, slug: string, exceptId?: number) {
  const [taken] = await tx.select({ id: articles.id }).from(articles).where(eq(articles.slug, slug));
  if (taken && taken.id !== exceptId) throw new ValidationError({ slug: ["Another article uses this address."] });
}
