import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db";
import { figureAccounts, figures, liveAddresses, publicSourceCitations } from "@/db/schema";
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

/*
 * Every citation of a source as (source_id, title, url, archived_url, type, item_type, item_id, at): those of
 * live laws and articles as publishing wrote them (public_source_citations), and the accounts of the
 * approved figures readers see. `where` narrows both on source_id and at, so that each side is
 * read by its index; at is the citing item's publication (to the millisecond) or the figure's approval.
 */
const citations = (where: (sourceId: SQL, at: SQL) => SQL) => {
  const figureAt = sql`date_trunc('milliseconds', ${figures.approvedAt})`;
  return sql`(
  select ${publicSourceCitations.sourceId} as source_id, ${publicSourceCitations.title} as title,
    ${publicSourceCitations.url} as url, ${publicSourceCitations.archivedUrl} as archived_url,
    ${publicSourceCitations.fromType}::text as type, ${publicSourceCitations.fromType} as item_type,
    ${publicSourceCitations.fromId} as item_id,
    ${publicSourceCitations.citedAt} as at
  from ${publicSourceCitations}
  where ${where(sql`${publicSourceCitations.sourceId}`, sql`${publicSourceCitations.citedAt}`)}
  union all
  select ${figureAccounts.sourceId}, ${figureAccounts.approvedSourceTitle}, nullif(${figureAccounts.approvedSourceUrl}, ''),
    null, 'figure', null, ${figures.id}, ${figureAt}
  from ${figureAccounts} join ${figures} on ${figures.id} = ${figureAccounts.figureId}
  where ${figureAccounts.sourceId} is not null and ${figureShownToReaders}
    and ${where(sql`${figureAccounts.sourceId}`, figureAt)}
)`;
};

// A source's title and addresses as its latest citation recorded them: a text or account records a
// title only, a law's source list its addresses too.
const latest = sql`(array_agg(title order by at desc) filter (where title is not null))[1] as title,
  (array_agg(url order by at desc) filter (where url is not null))[1] as url,
  (array_agg(archived_url order by at desc) filter (where archived_url is not null))[1] as archived_url,
  to_json(max(at))#>>'{}' as cited_at`;

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
  // The sources whose latest citation comes next in the order: walked from the cursor along the
  // citations' (cited_at, source_id) index, each kept only if no later citation of it (and one with
  // a title) exists, both looked up by source_id; then each one's title and addresses, by source_id.
  const { rows } = await db.execute<Row>(sql`with next as (
      select distinct c.source_id as id, c.at from ${citations(
        (sourceId, at) => sql`${since ? sql`${at} >= ${since}::timestamptz` : sql`true`}
          and ${after ? sql`(${at}, ${sourceId}) > (${after.p}::timestamptz, ${after.id})` : sql`true`}`,
      )} c
      where not exists (select from ${citations((sourceId, at) => sql`${sourceId} = c.source_id and ${at} > c.at`)} later)
        and exists (select from ${citations((sourceId) => sql`${sourceId} = c.source_id`)} titled where titled.title is not null)
      order by c.at, c.source_id limit ${page.limit}
    )
    select next.id, s.title, s.url, s.archived_url, s.cited_at from next cross join lateral (
      select ${latest} from ${citations((sourceId) => sql`${sourceId} = next.id`)} c
    ) s
    order by next.at, next.id`);
  return rows.map(cited);
}

/** One source a published item cites, with what cites it; null when none does. */
export async function readCitedSource(db: Db, id: number): Promise<(CitedSource & { citedBy: Citation[] }) | null> {
  const { rows } = await db.execute<Row & { cited_by: CitingRow[] }>(sql`with c as ${citations(
    (sourceId) => sql`${sourceId} = ${id}`,
  )}
    select ${id}::int as id, ${latest},
      (select jsonb_agg(distinct jsonb_build_object('type', c.type, 'id', c.item_id, 'scope', a.scope,
        'slug', a.slug, 'title', coalesce(a.title, f.label)))
        from c left join ${liveAddresses} a on a.item_type = c.item_type and a.item_id = c.item_id
          left join ${figures} f on c.type = 'figure' and f.id = c.item_id
        where c.type = 'figure' or a.item_id is not null) as cited_by
    from c having count(title) > 0`);
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
