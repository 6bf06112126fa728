import { asc, eq } from "drizzle-orm";
import { lawIdentifiers, laws, lawSources, lawTitles, lawTopics, sources, topics } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { isRecordId } from "@/lib/validation";
import { authorize } from "@/modules/auth/authorize";
import type { Ctx } from "@/modules/auth/context";

export type LawDetail = Awaited<ReturnType<typeof loadLaw>>;

/** A law with everything its edit page shows, for signed-in users. */
export async function getLaw(ctx: Ctx, id: number) {
  authorize(ctx, "admin.access");
  if (!isRecordId(id)) throw new NotFoundError("No such law.");
  return loadLaw(ctx, id);
}

async function loadLaw(ctx: Ctx, id: number) {
  const [law] = await ctx.db.select().from(laws).where(eq(laws.id, id));
  if (!law) throw new NotFoundError("No such law.");
  // Sequential: ctx.db may be a transaction (the seed), which runs one query at a time.
  const titles = await ctx.db.select().from(lawTitles).where(eq(lawTitles.lawId, id)).orderBy(asc(lawTitles.id));
  const identifiers = await ctx.db
    .select()
    .from(lawIdentifiers)
    .where(eq(lawIdentifiers.lawId, id))
    .orderBy(asc(lawIdentifiers.id));
  const topicRows = await ctx.db
    .select({ id: topics.id, name: topics.name })
    .from(lawTopics)
    .innerJoin(topics, eq(topics.id, lawTopics.topicId))
    .where(eq(lawTopics.lawId, id))
    .orderBy(asc(topics.name));
  const sourceRows = await ctx.db
    .select({ id: sources.id, title: sources.title })
    .from(lawSources)
    .innerJoin(sources, eq(sources.id, lawSources.sourceId))
    .where(eq(lawSources.lawId, id))
    .orderBy(asc(sources.title));
  return {
    ...law,
    titles: titles.map(({ lang, title, preferred }) => ({ lang, title, preferred })),
    identifiers: identifiers.map(({ registry, value }) => ({ registry, value })),
    topics: topicRows,
    sources: sourceRows,
  };
}
