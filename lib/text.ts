import slugifyText from "@sindresorhus/slugify";
import anyAscii from "any-ascii";

/** A URL slug from any script: "Закон о реабилитации" becomes "zakon-o-reabilitatsii". */
export function slugify(text: string, maxLength = 80): string {
  const slug = slugifyText(text).slice(0, maxLength).replace(/-+$/, "");
  return slug || "item";
}

/**
 * Folds a name to lower-case ASCII for search, so that Жапаров, Žaparov and Zhaparov meet:
 * transliterated, accents dropped, punctuation spaced out.
 */
export function foldForSearch(text: string): string {
  // Symbols go before transliteration, which would spell an emoji out as words.
  return anyAscii(text.normalize("NFC").replace(/[^\p{L}\p{N}\p{M}]+/gu, " "))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** Escapes a user's text for use inside a LIKE pattern. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
