import type { Db } from "@/db";
import { readCitedSource, readCitedSources, type CitedSource } from "@/modules/public/source-citations";
import { figureApiPath } from "./figures";
import { pageOf } from "./pages";
import { sourceListSchema, sourceSchema, type Source, type SourceList, type SourceListQuery } from "./schemas/source";

/* Sources as published items cite them (modules/public/source-citations.ts): never one only a draft cites. */

/** A source's record in the read API: /api/v1/sources/<id> (it has no page on the site). */
export const sourceApiPath = (source: { id: number }) => `/api/v1/sources/${source.id}`;

const summary = ({ id, title, url, archivedUrl, citedAt }: CitedSource, origin: string) => ({
  id,
  title,
  url,
  archivedUrl,
  citedAt,
  api: origin + sourceApiPath({ id }),
});

/**
 * A page of cited sources, by their latest citation then id, oldest first: a source cited anew
 * moves to the end, where a harvester walking the list meets it again (./pages.ts).
 */
export async function readSourceList(db: Db, query: SourceListQuery, origin: string): Promise<SourceList> {
  const rows = await readCitedSources(db, { since: query.updated_since, after: query.cursor, limit: query.limit + 1 });
  const { page, next } = pageOf(
    rows.map((source) => ({ ...source, publishedAt: new Date(source.citedAt) })),
    query,
    { origin, path: "/sources", filters: {} },
  );
  return sourceListSchema.parse({ data: page.map((s) => summary(s, origin)), next });
}

/** One source published items cite, with the laws, articles and figures that cite it; null if none does. */
export async function readSourceRecord(db: Db, id: number, origin: string): Promise<Source | null> {
  const source = await readCitedSource(db, id);
  if (!source) return null;
  const { citedBy, ...fields } = source;
  const item = (c: { title: string; path: string }) => ({
    title: c.title,
    url: origin + c.path,
    api: `${origin}/api/v1${c.path}`,
  });
  return sourceSchema.parse({
    ...summary(fields, origin),
    citedBy: {
      laws: citedBy.flatMap((c) => (c.type === "law" ? [item(c)] : [])),
      articles: citedBy.flatMap((c) => (c.type === "article" ? [item(c)] : [])),
      figures: citedBy.flatMap((c) =>
        c.type === "figure" ? [{ label: c.label, api: origin + figureApiPath(c) }] : [],
      ),
    },
  });
}
