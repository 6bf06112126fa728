import { parseRecordId } from "@/lib/validation";

/** Which version of a law and which of its texts a page shows; absent means the current ones. */
export type LawView = { version?: number; text?: number };

/**
 * The path segment proxy.ts makes of a law page's query string (?version=3&text=5 is "v3-t5"), so
 * that each view of a law is a page of its own in the cache. Null for anything else.
 */
export function lawView(segment: string): LawView | null {
  const match = /^(?:v(\d+))?(?:-?t(\d+))?$/.exec(segment);
  if (!match || (!match[1] && !match[2])) return null;
  const version = match[1] ? parseRecordId(match[1]) : undefined;
  const text = match[2] ? parseRecordId(match[2]) : undefined;
  if (version === null || text === null) return null;
  return { ...(version ? { version } : {}), ...(text ? { text } : {}) };
}

/** The segment for a view, or null when the query names neither a version nor a text. */
export function lawViewSegment(query: URLSearchParams): string | null {
  const version = parseRecordId(query.get("version"));
  const text = parseRecordId(query.get("text"));
  if (version === null && text === null) return null;
  return [version !== null ? `v${version}` : "", text !== null ? `t${text}` : ""].filter(Boolean).join("-");
}
