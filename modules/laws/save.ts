import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db";
import {
  jurisdictions,
  lawIdentifiers,
  lawPeriods,
  laws,
  lawSources,
  lawTitles,
  lawTopics,
  sources,
  topics,
} from "@/db/schema";
import { ValidationError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { authorize } from "@/modules/auth/authorize";
import type { Ctx } from "@/modules/auth/context";
import { recordSlugChange, uniqueSlug } from "@/modules/content/slugs";
import { getLaw, missingIds } from "./read";
import { lawInput, type LawValues } from "./schemas";

export async function createLaw(ctx: Ctx, input: unknown) {
  const actor = authorize(ctx, "content.write");
  const values = parseInput(lawInput, input);
  await assertLinksExist(ctx, values);
  const id = await ctx.db.transaction(async (tx) => {
    const title = values.titles[values.preferredTitle]!.title;
    const slug =
      values.slug ?? (await uniqueSlug(tx, laws, title, { scope: eq(laws.jurisdictionCode, values.jurisdictionCode) }));
    await assertSlugFree(tx, values.jurisdictionCode, slug);
    const [row] = await tx
      .insert(laws)
      .values({
        slug,
        title,
        jurisdictionCode: values.jurisdictionCode,
        type: values.type,
        status: values.status,
        summary: values.summary,
        createdById: actor.id,
      })
      .returning({ id: laws.id });
    await writeChildren(tx, row!.id, values);
    return row!.id;
  });
  return getLaw(ctx, id);
}

/**
 * Saves a law's core fields and replaces its lists (titles, identifiers, periods, topics, sources).
 * Once published its slug is kept unless the editor changes it, and the old one then redirects.
 */
export async function updateLaw(ctx: Ctx, id: number, input: unknown) {
  authorize(ctx, "content.write");
  const values = parseInput(lawInput, input);
  await assertLinksExist(ctx, values);
  const before = await getLaw(ctx, id);
  await ctx.db.transaction(async (tx) => {
    const title = values.titles[values.preferredTitle]!.title;
    const slug = values.slug ?? before.slug;
    if (slug !== before.slug || values.jurisdictionCode !== before.jurisdictionCode) {
      await assertSlugFree(tx, values.jurisdictionCode, slug, id);
      await recordSlugChange(tx, {
        itemType: "law",
        scope: before.jurisdictionCode,
        oldSlug: before.slug,
        newSlug: slug,
        itemId: id,
      });
    }
    await tx
      .update(laws)
      .set({
        slug,
        title,
        jurisdictionCode: values.jurisdictionCode,
        type: values.type,
        status: values.status,
        summary: values.summary,
        updatedAt: new Date(),
      })
      .where(eq(laws.id, id));
    // One after another: a transaction is one connection, which runs one query at a time.
    for (const child of [lawTitles, lawIdentifiers, lawPeriods, lawTopics, lawSources]) {
      await tx.delete(child).where(eq(child.lawId, id));
    }
    await writeChildren(tx, id, values);
  });
  return getLaw(ctx, id);
}

async function writeChildren(tx: Tx, lawId: number, values: LawValues) {
  const unique = <T>(list: T[]) => [...new Set(list)];
  await tx
    .insert(lawTitles)
    .values(values.titles.map((t, i) => ({ lawId, ...t, preferred: i === values.preferredTitle })));
  if (values.identifiers.length)
    await tx.insert(lawIdentifiers).values(values.identifiers.map((x) => ({ lawId, ...x })));
  if (values.periods.length) await tx.insert(lawPeriods).values(values.periods.map((p) => ({ lawId, ...p })));
  const topicIds = unique(values.topicIds);
  if (topicIds.length) await tx.insert(lawTopics).values(topicIds.map((topicId) => ({ lawId, topicId })));
  const sourceIds = unique(values.sourceIds);
  if (sourceIds.length) await tx.insert(lawSources).values(sourceIds.map((sourceId) => ({ lawId, sourceId })));
}

async function assertLinksExist(ctx: Ctx, values: LawValues) {
  const [jurisdiction] = await ctx.db
    .select({ code: jurisdictions.code })
    .from(jurisdictions)
    .where(eq(jurisdictions.code, values.jurisdictionCode));
  const errors: Record<string, string[]> = {};
  if (!jurisdiction) errors.jurisdictionCode = [`There is no jurisdiction ${values.jurisdictionCode}.`];
  if ((await missingIds(ctx, topics, values.topicIds)).length) errors.topicIds = ["A chosen topic no longer exists."];
  if ((await missingIds(ctx, sources, values.sourceIds)).length)
    errors.sourceIds = ["A chosen source no longer exists."];
  if (Object.keys(errors).length) throw new ValidationError(errors);
}

async function assertSlugFree(tx: Tx, jurisdictionCode: string, slug: string, exceptId?: number) {
  const [taken] = await tx
    .select({ id: laws.id })
    .from(laws)
    .where(and(eq(laws.jurisdictionCode, jurisdictionCode), eq(laws.slug, slug)));
  if (taken && taken.id !== exceptId)
    throw new ValidationError({ slug: ["Another law of this jurisdiction uses this address."] });
}
