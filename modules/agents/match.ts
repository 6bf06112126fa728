import { ilike, or, sql, type SQL } from "drizzle-orm";
import { agents } from "@/db/schema";
import { foldForSearch, likePattern } from "@/lib/text";

/** What agents.search_text holds: every name of the agent, folded to lower-case Latin. */
export function searchTextOf(preferredName: string, names: { name: string }[]): string {
  return foldForSearch([preferredName, ...names.map((n) => n.name)].join(" "));
}

/**
 * The text filter over all of an agent's names, in two predicates the trigram index on
 * search_text serves: a substring match, and word similarity for typos ("Japarow").
 * Undefined for an empty query; false when the query holds nothing searchable ("%").
 */
export function nameFilter(query: string | undefined): { folded: string; where: SQL } | undefined {
  if (!query?.trim()) return undefined;
  const folded = foldForSearch(query);
  if (!folded) return { folded, where: sql`false` };
  const contains = ilike(agents.searchText, likePattern(folded));
  // One or two letters have no typos worth forgiving, and would make the similarity test scan everything.
  if (isShort(folded)) return { folded, where: contains };
  return { folded, where: or(contains, sql`${folded} <% ${agents.searchText}`)! };
}

/** Below three characters a query has no trigram of its own: substring matching only. */
export function isShort(folded: string): boolean {
  return folded.replace(/ /g, "").length < 3;
}

/** How well one name matches a folded query: 0 exact, 1 a word starts with it, 2 contains it, 3 fuzzy. */
export function matchClass(name: string, folded: string): number {
  const f = foldForSearch(name);
  if (f === folded) return 0;
  if (` ${f}`.includes(` ${folded}`)) return 1;
  if (f.includes(folded)) return 2;
  return 3;
}

/** pg_trgm's similarity, in JS: to tell which of an agent's names a fuzzy match came from. */
export function trigramSimilarity(a: string, b: string): number {
  const grams = (text: string) => {
    const set = new Set<string>();
    for (const word of foldForSearch(text).split(" ").filter(Boolean)) {
      const padded = `  ${word} `;
      for (let i = 0; i + 3 <= padded.length; i++) set.add(padded.slice(i, i + 3));
    }
    return set;
  };
  const x = grams(a);
  const y = grams(b);
  const shared = [...x].filter((g) => y.has(g)).length;
  return shared === 0 ? 0 : shared / (x.size + y.size - shared);
}
