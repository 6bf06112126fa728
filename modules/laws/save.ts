import { eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db";
import { jurisdictions, lawIdentifiers, laws, lawSources, lawTitles, lawTopics, sources, topics } from "@/db/schema";
import { foldForSearch } from "@/lib/text";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { isRecordId, parseInput } from "@/lib/validation";
import { authorize } from "@/modules/auth/authorize";
import type { Ctx } from "@/modules/auth/context";
import {
  assertSlugFree,
  insertWithFreeSlug,
  isSlugClash,
  recordSlugChange,
  type SlugSpace,
} from "@/modules/content/slugs";
import { baseRevisionOf, startItem } from "@/modules/workflow/revise";
import { getLaw } from "./read";
import { closeLaw, openLaw } from "./revise";
import { lawSnapshot } from "./snapshot";
import { lawInput, type LawValues } from "./schemas";

/** A law's slug is unique within its jurisdiction: /kg/… and /kz/… may share one. */
const lawSlugs = (jurisdictionCode: string): SlugSpace => ({
  itemType: "law",
  table: laws,
  scope: { column: laws.jurisdictionCode, value: jurisdictionCode },
  constraint: "laws_jurisdiction_slug_idx",
});
/**
 * Every title and identifier of a law, folded (lib/text.ts foldForSearch) into the one column the
 * editors' text filter searches: one trigram index the planner can estimate, and Закон, Zakon and
 * ZAKON all meet.
 */
function searchTextOf(values: LawValues): string {
  return foldForSearch([...values.titles.map((t) => t.title), ...values.identifiers.map((i) => i.value)].join(" "));
}

const slugTakenMessage = "Another law of this jurisdiction has, or had, this address.";

export async function createLaw(ctx: Ctx, input: unknown) {
  const actor = authorize(ctx, "content.write");
  const values = parseInput(lawInput, input);
  const id = await ctx.db.transaction(async (tx) => {
    await assertLinksExist(tx, values);
    const title = values.titles[values.preferredTitle]!.title;
    const id = await insertWithFreeSlug(
      tx,
      lawSlugs(values.jurisdictionCode),
      values.slug ? { chosen: values.slug } : { from: title },
      (slug) =>
        tx
          .insert(laws)
          .values({
            slug,
            title,
            jurisdictionCode: values.jurisdictionCode,
            type: values.type,
            status: values.status,
            summary: values.summary,
            searchText: searchTextOf(values),
            createdById: actor.id,
          })
          .onConflictDoNothing({ target: [laws.jurisdictionCode, laws.slug] })
          .returning({ id: laws.id })
          .then(([row]) => row),
      slugTakenMessage,
    );
    await writeChildren(tx, id, values);
    await startItem(
      tx,
      { actor, ip: ctx.ip },
      { type: "law", id },
      await lawSnapshot({ db: tx, actor }, id),
      "law.create",
    );
    return id;
  });
  return getLaw(ctx, id);
}

/**
 * Saves a law's core fields and replaces its lists (titles, identifiers, topics, sources),
 * as a new working revision of the law; the public keeps the live one until it is published.
 * Its slug is kept unless the editor changes it, and the old one then redirects.
 */
export function updateLaw(ctx: Ctx, id: number, input: unknown) {
  return saveLaw(ctx, id, input);
}

/**
 * updateLaw, with whatever else the same revision must hold (a restore also replaces the timeline,
 * texts and relations) and the revision's message.
 */
export async function saveLaw(
  ctx: Ctx,
  id: number,
  input: unknown,
  more: { message?: string; alsoWrite?: (tx: Tx) => Promise<void> } = {},
) {
  const actor = authorize(ctx, "content.write");
  const values = parseInput(lawInput, input);
  const base = baseRevisionOf(input);
  if (!isRecordId(id)) throw new NotFoundError("No such law.");
  const saving = ctx.db.transaction(async (tx) => {
    const row = await openLaw(tx, id, base);
    const [current] = await tx
      .select({ slug: laws.slug, jurisdictionCode: laws.jurisdictionCode })
      .from(laws)
      .where(eq(laws.id, id))
      .for("update");
    if (!current) throw new NotFoundError("No such law.");
    await assertLinksExist(tx, values);
    const title = values.titles[values.preferredTitle]!.title;
    const slug = values.slug ?? current.slug;
    if (slug !== current.slug || values.jurisdictionCode !== current.jurisdictionCode) {
      await assertSlugFree(tx, lawSlugs(values.jurisdictionCode), slug, { exceptId: id, message: slugTakenMessage });
      await recordSlugChange(tx, {
        itemType: "law",
        itemId: id,
        oldScope: current.jurisdictionCode,
        oldSlug: current.slug,
        newScope: values.jurisdictionCode,
        newSlug: slug,
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
        searchText: searchTextOf(values),
        updatedAt: new Date(),
      })
      .where(eq(laws.id, id));
    // One after another: a transaction is one connection, which runs one query at a time.
    for (const child of [lawTitles, lawIdentifiers, lawTopics, lawSources]) {
      await tx.delete(child).where(eq(child.lawId, id));
    }
    await writeChildren(tx, id, values);
    await more.alsoWrite?.(tx);
    await closeLaw(tx, ctx, actor, row, "law.update", more.message);
  });
  await saving.catch((error: unknown) => {
    // Another law took the address between our check and our write.
    if (isSlugClash(error, lawSlugs(values.jurisdictionCode))) throw new ValidationError({ slug: [slugTakenMessage] });
    throw error;
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
  const topicIds = unique(values.topicIds);
  if (topicIds.length) await tx.insert(lawTopics).values(topicIds.map((topicId) => ({ lawId, topicId })));
  const sourceIds = unique(values.sourceIds);
  if (sourceIds.length) await tx.insert(lawSources).values(sourceIds.map((sourceId) => ({ lawId, sourceId })));
}

/**
 * Refuses links to records that do not exist, each at its field. Inside the save's transaction,
 * with the rows locked (key share), so that none is deleted between this check and the insert.
 */
async function assertLinksExist(tx: Tx, values: LawValues) {
  const [jurisdiction] = await tx
    .select({ code: jurisdictions.code })
    .from(jurisdictions)
    .where(eq(jurisdictions.code, values.jurisdictionCode))
    .for("key share");
  const errors: Record<string, string[]> = {};
  if (!jurisdiction) errors.jurisdictionCode = [`There is no jurisdiction ${values.jurisdictionCode}.`];
  if ((await missingIds(tx, topics, values.topicIds)).length) errors.topicIds = ["A chosen topic no longer exists."];
  if ((await missingIds(tx, sources, values.sourceIds)).length)
    errors.sourceIds = ["A chosen source no longer exists."];
  if (Object.keys(errors).length) throw new ValidationError(errors);
}

async function missingIds(tx: Tx, table: typeof topics | typeof sources, ids: number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const found = await tx.select({ id: table.id }).from(table).where(inArray(table.id, ids)).for("key share");
  const present = new Set(found.map((r) => r.id));
  return ids.filter((i) => !present.has(i));
}
