import { and, eq, like, ne, or, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Tx } from "@/db";
import { slugRedirects } from "@/db/schema";
import { ConflictError, ValidationError } from "@/lib/errors";
import { slugify } from "@/lib/text";

/**
 * Where a slug must be unique: one item type, and for laws one jurisdiction. An item's old slugs
 * stay in slug_redirects and count as taken there, so that an old citation never lands on
 * another item.
 */
export type SlugSpace = {
  itemType: "agent" | "article" | "law" | "topic";
  table: PgTable & { slug: PgColumn; id: PgColumn };
  scope?: { column: PgColumn; value: string };
  /** The unique index on the slug, which names the error of a concurrent save that took it. */
  constraint: string;
};

const redirectScope = (space: SlugSpace) => space.scope?.value ?? "";

/** A slug made from `text` that nothing in the space uses or used: "title", else "title-2"… */
export async function uniqueSlug(tx: Tx, space: SlugSpace, text: string, exceptId?: number): Promise<string> {
  const base = slugify(text);
  const { table } = space;
  const live = await tx
    .select({ slug: table.slug })
    .from(table)
    .where(
      and(
        or(eq(table.slug, base), like(table.slug, `${base}-%`)),
        space.scope && eq(space.scope.column, space.scope.value),
        exceptId === undefined ? undefined : ne(table.id, exceptId),
      ),
    );
  const old = await tx
    .select({ slug: slugRedirects.oldSlug })
    .from(slugRedirects)
    .where(
      and(
        inSpace(space),
        or(eq(slugRedirects.oldSlug, base), like(slugRedirects.oldSlug, `${base}-%`)),
        exceptId === undefined ? undefined : ne(slugRedirects.itemId, exceptId),
      ),
    );
  const taken = new Set([...live, ...old].map((r) => r.slug as string));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** Whether another item uses the slug now, or used it before (its own old slugs are free to it). */
export async function slugTaken(tx: Tx, space: SlugSpace, slug: string, exceptId?: number): Promise<boolean> {
  const { table } = space;
  const [live] = await tx
    .select({ id: table.id })
    .from(table)
    .where(
      and(
        eq(table.slug, slug),
        space.scope && eq(space.scope.column, space.scope.value),
        exceptId === undefined ? undefined : ne(table.id, exceptId),
      ),
    )
    .limit(1);
  if (live) return true;
  const [old] = await tx
    .select({ id: slugRedirects.id })
    .from(slugRedirects)
    .where(
      and(
        inSpace(space),
        eq(slugRedirects.oldSlug, slug),
        exceptId === undefined ? undefined : ne(slugRedirects.itemId, exceptId),
      ),
    )
    .limit(1);
  return old !== undefined;
}

/** Refuses a slug another item uses or used, at the slug field. */
export async function assertSlugFree(
  tx: Tx,
  space: SlugSpace,
  slug: string,
  options: { exceptId?: number; message: string },
): Promise<void> {
  if (await slugTaken(tx, space, slug, options.exceptId)) throw new ValidationError({ slug: [options.message] });
}

/**
 * Inserts a new item under a slug: the one the editor chose (refused at its field if taken,
 * also when a concurrent save takes it first), or one made from `text` that is free at that
 * moment (if a concurrent save takes it first, the next one). `insert` must skip a clash on the
 * slug's unique index (`onConflictDoNothing`) and return no row then.
 */
export async function insertWithFreeSlug(
  tx: Tx,
  space: SlugSpace,
  slug: { chosen: string } | { from: string },
  insert: (slug: string) => Promise<{ id: number } | undefined>,
  takenMessage: string,
): Promise<number> {
  if ("chosen" in slug) {
    await assertSlugFree(tx, space, slug.chosen, { message: takenMessage });
    const row = await insert(slug.chosen);
    if (!row) throw new ValidationError({ slug: [takenMessage] });
    return row.id;
  }
  for (let attempt = 0; attempt < 5; attempt++) {
    const row = await insert(await uniqueSlug(tx, space, slug.from));
    if (row) return row.id;
  }
  throw new ConflictError("Others are saving items of this name right now. Please try again.");
}

/** Whether a save failed because a concurrent one took the slug between our check and our write. */
export function isSlugClash(error: unknown, space: SlugSpace): boolean {
  return isUniqueViolation(error, space.constraint);
}

/** Whether a database error is a unique violation (of the named index, when one is given). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  // Drizzle wraps the driver's error in its own, as `cause`.
  let e = error;
  for (let depth = 0; depth < 3 && typeof e === "object" && e !== null; depth++) {
    const { code, constraint: name, cause } = e as { code?: unknown; constraint?: unknown; cause?: unknown };
    if (code === "23505") return constraint === undefined || name === constraint;
    e = cause;
  }
  return false;
}

/**
 * Keeps an item's old address working after its slug (or, for a law, its jurisdiction) changes.
 * An item taking back one of its own old slugs no longer needs that redirect.
 */
export async function recordSlugChange(
  tx: Tx,
  change: {
    itemType: SlugSpace["itemType"];
    itemId: number;
    oldSlug: string;
    newSlug: string;
    oldScope?: string;
    newScope?: string;
  },
): Promise<void> {
  const oldScope = change.oldScope ?? "";
  const newScope = change.newScope ?? oldScope;
  if (change.oldSlug === change.newSlug && oldScope === newScope) return;
  await tx
    .delete(slugRedirects)
    .where(
      and(
        eq(slugRedirects.itemType, change.itemType),
        eq(slugRedirects.scope, newScope),
        eq(slugRedirects.oldSlug, change.newSlug),
        eq(slugRedirects.itemId, change.itemId),
      ),
    );
  await tx
    .insert(slugRedirects)
    .values({ itemType: change.itemType, scope: oldScope, oldSlug: change.oldSlug, itemId: change.itemId })
    .onConflictDoUpdate({
      target: [slugRedirects.itemType, slugRedirects.scope, slugRedirects.oldSlug],
      set: { itemId: change.itemId, createdAt: sql`now()` },
    });
}

/** Frees the old slugs of an item being deleted, as its current one is freed with it. */
export async function forgetSlugs(tx: Tx, itemType: SlugSpace["itemType"], itemId: number): Promise<void> {
  await tx.delete(slugRedirects).where(and(eq(slugRedirects.itemType, itemType), eq(slugRedirects.itemId, itemId)));
}

function inSpace(space: SlugSpace) {
  return and(eq(slugRedirects.itemType, space.itemType), eq(slugRedirects.scope, redirectScope(space)));
}
