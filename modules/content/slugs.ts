import { and, eq, like, or, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Tx } from "@/db";
import { slugRedirects } from "@/db/schema";
import { slugify } from "@/lib/text";

/** A slug made from `text` that no other row in scope uses: "title", else "title-2", "title-3"… */
export async function uniqueSlug(
  tx: Tx,
  table: PgTable & { slug: PgColumn; id: PgColumn },
  text: string,
  options: { scope?: SQL; exceptId?: number } = {},
): Promise<string> {
  const base = slugify(text);
  const rows = await tx
    .select({ slug: table.slug, id: table.id })
    .from(table)
    .where(and(or(eq(table.slug, base), like(table.slug, `${base}-%`)), options.scope));
  const taken = new Set(rows.filter((r) => r.id !== options.exceptId).map((r) => r.slug as string));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** Keeps an item's old address working after its slug changes. */
export async function recordSlugChange(
  tx: Tx,
  change: { itemType: string; scope?: string; oldSlug: string; newSlug: string; itemId: number },
): Promise<void> {
  if (change.oldSlug === change.newSlug) return;
  await tx.insert(slugRedirects).values({
    itemType: change.itemType,
    scope: change.scope ?? "",
    oldSlug: change.oldSlug,
    itemId: change.itemId,
  });
}
