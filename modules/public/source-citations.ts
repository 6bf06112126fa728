import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db";
import { figureAccounts, figures, liveDocuments } from "@/db/schema";
import { publicArticlePath } from "./addresses";
import { figureShownToReaders } from "./figures";
import { publicLawPath } from "./law-view";

/*
 * Sources have no workflow and no page: readers meet one where a published item cites it, as that
 * item's live revision (or a figure's approval) recorded it. A source's record as it stands now may
 * hold an edit no reviewer saw, and one only a draft cites is not public at all, so these reads
 * take every source from the citations alone: a published law's sources and the accounts of its
 * timeline, covered periods and texts, a published article's sources, and the accounts of an
 * approved figure a page shows.
 */

/** A cited source: its title and addresses as the latest citation recorded them, and when that was. */
export type CitedSource = {
  id: number;
  title: string;
  url: string | null;
  archivedUrl: string | null;
  /** The latest publication (or figure approval) that cites it, to the millisecond: ISO 8601. */
  citedAt: string;
};

export type Citation =
  { type: "law" | "article"; title: string; path: string } | { type: "figure"; id: number; label: string };

// Every citation as (source_id, title, url, archived_url, type, item_id, scope, slug, item_title, at).
const citations = sql`(
  select (s->>'id')::int as source_id, s->>'title' as title, s->>'url' as url, s->>'archivedUrl' as archived_url,
    ${liveDocuments.itemType}::text as type, ${liveDocuments.itemId} as item_id, ${liveDocuments.scope} as scope,
    ${liveDocuments.slug} as slug, ${liveDocuments.title} as item_title, ${liveDocuments.publishedAt} as at
  from ${liveDocuments} cross join lateral jsonb_path_query(${liveDocuments.snapshot}, '$.sources[*]') as s
  where ${liveDocuments.itemType} in ('law', 'article')
  union all
  select (a->>'sourceId')::int, a->>'sourceTitle', null, null, 'law', ${liveDocuments.itemId}, ${liveDocuments.scope},
    ${liveDocuments.slug}, ${liveDocuments.title}, ${liveDocuments.publishedAt}
  from ${liveDocuments} cross join lateral (
    select jsonb_path_query(${liveDocuments.snapshot}, '$.events[*].accounts[*] ? (@.sourceId != null)')
    union all select jsonb_path_query(${liveDocuments.snapshot}, '$.periods[*].accounts[*] ? (@.sourceId != null)')
    union all select jsonb_path_query(${liveDocuments.snapshot}, '$.texts[*] ? (@.sourceId != null)')
  ) as accounts(a)
  where ${liveDocuments.itemType} = 'law'
  union all
  select ${figureAccounts.sourceId}, ${figureAccounts.approvedSourceTitle}, nullif(${figureAccounts.approvedSourceUrl}, ''),
    null, 'figure', ${figures.id}, null, null, ${figures.label}, ${figures.approvedAt}
  from ${figureAccounts} join ${figures} on ${figures.id} = ${figureAccounts.figureId}
  where ${figureAccounts.sourceId} is not null and ${figureShownToReaders}
)`;

// One row per cited source; a text or account records a title only, a law's source list its addresses too.
const sources = (where: SQL, from: SQL = citations) => sql`(
  select source_id as id,
    (array_agg(title order by at desc) filter (where title is not null))[1] as title,
    (array_agg(url order by at desc) filter (where url is not null))[1] as url,
    (array_agg(archived_url order by at desc) filter (where archived_url is not null))[1] as archived_url,
    date_trunc('milliseconds', max(at)) as cited_at
  from ${from} c where source_id is not null and ${where} group by source_id
)`;

type Row = { id: number; title: string; url: string | null; archived_url: string | null; cited_at: string };

const cited = (row: Row): CitedSource => ({
  id: row.id,
  title: row.title,
  url: row.url || null,
  archivedUrl: row.archived_url || null,
  citedAt: new Date(row.cited_at).toISOString(),
});

/**
 * Sources published items cite, by the time of their latest citation then id, oldest first (the
 * read API's list order): from `since`, after `after`, `limit` of them.
 */
export async function readCitedSources(
  db: Db,
  page: { since?: string; after?: { p: string; id: number }; limit: number },
): Promise<CitedSource[]> {
  const { since, after } = page;
  const { rows } = await db.execute<Row>(sql`select id, title, url, archived_url,
      to_json(cited_at)#>>'{}' as cited_at from ${sources(sql`true`)} s
    where title is not null
      and ${since ? sql`cited_at >= ${since}::timestamptz` : sql`true`}
      and ${after ? sql`(cited_at > ${after.p}::timestamptz or (cited_at = ${after.p}::timestamptz and id > ${after.id}))` : sql`true`}
    order by cited_at, id limit ${page.limit}`);
  return rows.map(cited);
}

/** One source a published item cites, with what cites it; null when none does. */
export async function readCitedSource(db: Db, id: number): Promise<(CitedSource & { citedBy: Citation[] }) | null> {
  const { rows } = await db.execute<Row & { cited_by: CitingRow[] }>(sql`with c as ${citations}
    select s.id, s.title, s.url, s.archived_url, to_json(s.cited_at)#>>'{}' as cited_at,
      (select jsonb_agg(distinct jsonb_build_object('type', type, 'id', item_id, 'scope', scope, 'slug', slug,
        'title', item_title)) from c where source_id = ${id}) as cited_by
    from ${sources(sql`source_id = ${id}`, sql`c`)} s where s.title is not null`);
  const [row] = rows;
  if (!row) return null;
  const citedBy = row.cited_by.map((c): Citation =>
    c.type === "figure"
      ? { type: "figure", id: c.id, label: c.title }
      : {
          type: c.type,
          title: c.title,
          path:
            c.type === "law"
              ? publicLawPath({ jurisdictionCode: c.scope!, slug: c.slug! })
              : publicArticlePath({ slug: c.slug! }),
        },
  );
  return { ...cited(row), citedBy: citedBy.sort((a, b) => label(a).localeCompare(label(b))) };
}

type CitingRow = {
  type: "law" | "article" | "figure";
  id: number;
  scope: string | null;
  slug: string | null;
  title: string;
};

const label = (c: Citation) => (c.type === "figure" ? c.label : c.title);
