/** A list page's query parameters as Next passes them: repeated keys arrive as arrays. */
export type ListParams = Record<string, string | string[] | undefined>;

/** The first value of a parameter, for one that the page reads as a single value. */
export function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** The page's address with some parameters changed (undefined drops one); no empty values. */
export function listHref(path: string, params: ListParams, change: Record<string, string | undefined> = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (key in change) continue;
    for (const one of Array.isArray(value) ? value : [value]) if (one) query.append(key, one);
  }
  for (const [key, value] of Object.entries(change)) if (value) query.set(key, value);
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/**
 * The optional columns to show. `cols` lists them, comma-separated or repeated (a form's
 * checkboxes repeat it); absent, the defaults. Unknown names are ignored.
 */
export function chosenColumns<K extends string>(
  cols: string | string[] | undefined,
  known: readonly K[],
  defaults: readonly K[],
): K[] {
  if (cols === undefined) return [...defaults];
  const named = new Set((Array.isArray(cols) ? cols : [cols]).flatMap((value) => value.split(",")));
  return known.filter((key) => named.has(key));
}

/** The two ways a list column sorts. */
export const sortDirections = ["asc", "desc"] as const;
export type SortDirection = (typeof sortDirections)[number];
