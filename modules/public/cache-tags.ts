import type { ContentType } from "@/db/schema/vocabulary";

/**
 * The tags cached public pages and reads carry, and publications expire
 * (modules/workflow/publication-tags.ts): an item's own pages, the lists of a type, an address,
 * the set of addresses links resolve against, the vocabularies. Every public read also carries
 * publicCacheTag, which a change that cannot say more expires with everything.
 */
export const itemTag = (type: ContentType, id: number) => `${type}:${id}`;

/** Every list, count, feed and search over items of a type. */
export const listTag = (type: ContentType) => `list:${type}`;

/** What an address answers (a page, a redirect, gone, not found), whatever is published there. */
export const addressTag = (type: ContentType, scope: string, slug: string) =>
  `address:${type}:${scope.toUpperCase()}/${slug}`.slice(0, 256);

/** The live addresses links on pages resolve against: changes when an item comes, goes or moves. */
export const addressesTag = "addresses";

/** Topic and jurisdiction names, which admins edit outside the workflow. */
export const vocabularyTag = "vocabulary";

/** The figures shown on a law's or a jurisdiction's page: a figure's save expires those and search's, no other page. */
export const figuresTag = (scope: { lawId: number } | { jurisdictionCode: string }) =>
  "lawId" in scope ? `figures:law:${scope.lawId}` : `figures:jurisdiction:${scope.jurisdictionCode.toUpperCase()}`;

/** The search's figures (modules/public/figure-search.ts): any figure's save, approval or deletion expires it. */
export const figureSearchTag = "figures:search";
