import type { z } from "zod";

/** A page's query string as Next gives it: a repeated parameter comes as an array. */
export type RawSearchParams = Record<string, string | string[] | undefined>;
export type SearchParams = Promise<RawSearchParams>;

/**
 * A query string read through its schema, each parameter by its first value. The schema decides
 * what is unreadable and drops it (fields with `.catch`), so a shared or hand-edited address
 * still shows the page rather than an error.
 */
export function parseSearchParams<S extends z.ZodType>(schema: S, raw: RawSearchParams): z.output<S> {
  return schema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
}
