import { foldForSearch } from "@/lib/text";

const maxTerms = 8;

export type SearchTerms = {
  /** The query folded to lower-case Latin, for comparing against folded names (typo tolerance). */
  folded: string;
  /** Word beginnings a matching word must start with: the query's words, loosely stemmed. */
  stems: string[];
};

/**
 * A reader's query as search terms. Every script is folded to Latin and everything but letters
 * and digits is dropped, so no query can be malformed: "%'; --" is simply empty. Long words lose
 * their last letters, because the index spans languages no single stemmer covers: "реабилитация"
 * and "реабилитации" (reabilitatsiia, reabilitatsii) share "reabilitats", "rehabilitation" and
 * "rehabilitated" share "rehabilitat".
 */
export function searchTerms(query: string): SearchTerms {
  const words = [...new Set(foldForSearch(query).split(" ").filter(Boolean))];
  // A lone letter ("o", "v") matches nearly everything; it only counts when it is all there is.
  const meaningful = words.some((w) => w.length > 1) ? words.filter((w) => w.length > 1) : words;
  const kept = meaningful.slice(0, maxTerms);
  return { folded: kept.join(" "), stems: [...new Set(kept.map(stem))] };
}

function stem(word: string): string {
  if (word.length < 7 || /\d/.test(word)) return word;
  return word.slice(0, Math.max(5, word.length - 3));
}

/**
 * The stems as a PostgreSQL tsquery, all required: safe, as stems are [a-z0-9]+. Each matches
 * words it begins, except a single letter, which matches only itself.
 */
export function prefixQuery(stems: string[]): string {
  return stems.map((s) => (s.length > 1 ? `${s}:*` : s)).join(" & ");
}

/** The stem a word of the text (as written) matches, if any: the word is folded once. */
export function stemOf(word: string, stems: string[]): string | undefined {
  const folded = foldForSearch(word).replace(/ /g, "");
  if (!folded) return undefined;
  return stems.find((s) => (s.length > 1 ? folded.startsWith(s) : folded === s));
}

/** Whether a word of the text (as written) matches one of the stems. */
export function matchesStem(word: string, stems: string[]): boolean {
  return stemOf(word, stems) !== undefined;
}
