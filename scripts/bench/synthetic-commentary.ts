/**
 * The commentary around a synthetic archive of laws (synthetic-archive.ts), for the public reads'
 * benchmark: agents, topics, each law's live revision enriched with topics, a timeline naming
 * agents, relations and a text, tens of thousands of articles discussing the laws (a few laws
 * discussed by many), older and unpublished newer revisions, withdrawn items and old slugs, and
 * the search rows of it all. Plain SQL over generate_series: 50,000 articles load in seconds. The
 * public read model itself is then written by the code under test (backfillPublicIndex).
 */
import type pg from "pg";

export type CommentaryResult = { agents: number; topics: number; articles: number; liveArticles: number };

/** The word planted in about a third of the articles and a tenth of the laws: a broad search. */
export const broadWord = "rehabilitation";

export async function seedCommentary(
  pool: pg.Pool,
  options: { articles: number; agents: number; createdById: number },
): Promise<CommentaryResult> {
  const client = await pool.connect();
  const q = (text: string, values: unknown[] = []) => client.query(text, values);
  try {
    await q(
      `insert into topics (slug, name, created_by_id)
       select 'topic-' || i, 'Topic ' || i, $1 from generate_series(1, 40) as i on conflict do nothing`,
      [options.createdById],
    );
    const topicIds = (await q(`select array_agg(id order by id) as ids from topics`)).rows[0].ids as number[];
    // Agents: a revision, a publication (nine in ten), the workflow state.
    await q(
      `insert into revisions (item_type, item_id, number, snapshot, hash, author_id)
       select 'agent', i, 1, s.snapshot, md5(s.snapshot::text), $2
       from generate_series(1, $1::int) as i
       cross join lateral (select jsonb_build_object('slug', 'agent-' || i, 'kind', case when i % 5 = 0 then 'organization' else 'person' end,
         'preferredName', 'Agent ' || i, 'description', 'A synthetic agent.', 'links', '[]'::jsonb,
         'names', jsonb_build_array(jsonb_build_object('name', 'Агент ' || i, 'lang', 'ru'))) as snapshot) s`,
      [options.agents, options.createdById],
    );
    await q(
      `insert into editorial_items (item_type, item_id, review, visibility, working_revision_id, live_revision_id)
       select 'agent', r.item_id, case when r.item_id % 10 = 0 then 'draft' else 'published' end::review_state,
              case when r.item_id % 10 = 0 then 'unpublished' else 'live' end::visibility, r.id,
              case when r.item_id % 10 = 0 then null else r.id end
       from revisions r where r.item_type = 'agent'`,
    );
    await q(
      `insert into publications (item_type, item_id, revision_id, scope, slug, title, first_published_at, published_at)
       select 'agent', e.item_id, e.live_revision_id, '', 'agent-' || e.item_id, 'Agent ' || e.item_id,
              now() - interval '400 days', now() - interval '400 days'
       from editorial_items e where e.item_type = 'agent' and e.live_revision_id is not null`,
    );
    await q("analyze");
    // Laws: a second revision, live for the published ones, with topics, a timeline, relations and a text.
    await q(
      `insert into revisions (item_type, item_id, number, snapshot, hash, author_id)
       select 'law', r.item_id, 2, s.snapshot, md5(s.snapshot::text), $3
       from revisions r
       cross join lateral (select r.snapshot
         || jsonb_build_object(
           'topics', jsonb_build_array(jsonb_build_object('id', ($1::int[])[1 + r.item_id % 40], 'name', 'Topic'))
                     || case when r.item_id % 3 = 0 then jsonb_build_array(jsonb_build_object('id', ($1::int[])[1 + (r.item_id / 3) % 40], 'name', 'Topic')) else '[]'::jsonb end,
           'events', (select jsonb_agg(jsonb_build_object('id', r.item_id * 10 + k,
               'kind', (array['initiated', 'adopted', 'signed'])[k], 'agentId', 1 + (r.item_id * 7 + k * 13) % $2::int,
               'agentName', 'Agent', 'note', '',
               'accounts', jsonb_build_array(jsonb_build_object('id', r.item_id * 10 + k,
                 'date', jsonb_build_object('date', to_char(date '1990-01-01' + ((r.item_id * 37 + k * 90) % 12000), 'YYYY-MM-DD'), 'precision', 'day', 'approximate', false),
                 'sourceId', null, 'sourceTitle', null, 'preferred', true, 'note', ''))))
             from generate_series(1, 3) as k),
           'relations', case when r.item_id % 5 = 0 then jsonb_build_array(jsonb_build_object('id', r.item_id, 'kind', 'amends',
               'note', '', 'toLawId', 1 + (r.item_id * 31) % (select max(id) from laws), 'toTitle', 'A law')) else '[]'::jsonb end,
           'texts', jsonb_build_array(jsonb_build_object('id', r.item_id, 'lang', 'en', 'official', true, 'effectiveDate', null,
               'sourceId', null, 'sourceTitle', null,
               'body', repeat('Article ' || r.item_id || '. The provisions of this law apply to every case it names. '
                 || case when r.item_id % 10 = 0 then '${broadWord} ' else '' end, 40)))) as snapshot) s
       where r.item_type = 'law' and r.number = 1`,
      [topicIds, options.agents, options.createdById],
    );
    await q("analyze revisions");
    await q(
      `update editorial_items e set live_revision_id = r.id, working_revision_id = r.id
       from revisions r where r.item_type = 'law' and r.item_id = e.item_id and r.number = 2
         and e.item_type = 'law' and e.live_revision_id is not null`,
    );
    await q(
      `update publications p set revision_id = e.live_revision_id
       from editorial_items e where e.item_type = 'law' and e.item_id = p.item_id and p.item_type = 'law'`,
    );
    // Articles: an older revision, the live one, and for three in ten an unpublished newer one.
    await q(
      `insert into revisions (item_type, item_id, number, snapshot, hash, author_id)
       select 'article', i, n, s.snapshot, md5(s.snapshot::text), $4
       from generate_series(1, $1::int) as i
       cross join generate_series(1, 3) as n
       cross join lateral (select jsonb_build_object('slug', 'article-' || i,
         'kind', (array['news', 'opinion', 'analysis', 'statement'])[1 + i % 4],
         'title', 'Article ' || i || case when i % 3 = 0 then ' on ${broadWord}' else ' on the law' end || case when n = 3 then ' (draft)' else '' end,
         'body', repeat('A report about the law and what it changes for the people it concerns. ', 20 + i % 20),
         'lang', 'en',
         'originalDate', case when i % 10 = 0 then null else jsonb_build_object('date', to_char(date '2005-01-01' + (i * 37) % 7000, 'YYYY-MM-DD'), 'precision', 'day', 'approximate', false) end,
         'originalUrl', '',
         'authors', jsonb_build_array(jsonb_build_object('id', 1 + i % $2::int, 'name', 'Agent')),
         'publisher', jsonb_build_object('id', 1 + (i / 7) % 50, 'name', 'Agent'),
         'creditedAgent', null,
         'laws', jsonb_build_array(jsonb_build_object('id', case when i % 50 = 0 then $6::int else 1 + (i::bigint * 7919) % $5::int end, 'title', 'A law', 'jurisdictionCode', 'KG'))
                 || case when i % 2 = 0 then jsonb_build_array(jsonb_build_object('id', 1 + (i::bigint * 104729) % $5::int, 'title', 'A law', 'jurisdictionCode', 'KG')) else '[]'::jsonb end,
         'topics', case when i % 4 = 0 then jsonb_build_array(jsonb_build_object('id', ($3::int[])[1 + i % 40], 'name', 'Topic')) else '[]'::jsonb end,
         'jurisdictions', case when i % 3 = 0 then jsonb_build_array(jsonb_build_object('code', 'KG', 'name', 'Kyrgyzstan')) else '[]'::jsonb end,
         'sources', '[]'::jsonb) as snapshot) s
       where n < 3 or i % 10 < 3`,
      [options.articles, options.agents, topicIds, options.createdById, await maxLaw(client), await hotLaw(client)],
    );
    await q("analyze revisions");
    await q(
      `insert into editorial_items (item_type, item_id, review, visibility, working_revision_id, live_revision_id)
       select 'article', i, case when i % 20 = 0 then 'draft' when i % 10 < 3 then 'draft' else 'published' end::review_state,
              case when i % 20 = 0 then 'unpublished' else 'live' end::visibility,
              w.id, case when i % 20 = 0 then null else l.id end
       from generate_series(1, $1::int) as i
       join revisions l on l.item_type = 'article' and l.item_id = i and l.number = 2
       join revisions w on w.item_type = 'article' and w.item_id = i and w.number = case when i % 10 < 3 then 3 else 2 end`,
      [options.articles],
    );
    await q(
      `insert into publications (item_type, item_id, revision_id, scope, slug, title, first_published_at, published_at, gone_at)
       select 'article', e.item_id, e.live_revision_id, '', r.snapshot->>'slug', r.snapshot->>'title',
              now() - make_interval(mins => e.item_id * 7), now() - make_interval(mins => e.item_id * 5),
              case when e.item_id % 97 = 0 then now() end
       from editorial_items e join revisions r on r.id = e.live_revision_id
       where e.item_type = 'article' and e.live_revision_id is not null`,
    );
    await q("analyze");
    await q(
      `update editorial_items e set visibility = 'withdrawn'
       from publications p where p.item_type = 'article' and p.item_id = e.item_id and e.item_type = 'article' and p.gone_at is not null`,
    );
    await q(
      `insert into published_revisions (item_type, item_id, number, revision_id, published_at)
       select p.item_type, p.item_id, r.number, p.revision_id, p.published_at
       from publications p join revisions r on r.id = p.revision_id on conflict do nothing`,
    );
    await q(
      `insert into slug_redirects (item_type, scope, old_slug, item_id)
       select 'article', '', 'old-article-' || i, i from generate_series(1, $1::int, 13) as i`,
      [options.articles],
    );
    // Search rows as projectSearch writes them, in bulk (names A, summary B, text C).
    await q(
      `insert into public_search (item_type, item_id, revision_id, scope, slug, title, kind, jurisdiction_codes,
                                  aliases, names, body, document, published_at)
       select d.item_type, d.item_id, d.revision_id, d.scope, d.slug, d.title,
              coalesce(d.snapshot->>'kind', d.snapshot->>'type'),
              case when d.item_type = 'law' then array[d.scope]
                   else array(select j->>'code' from jsonb_array_elements(coalesce(d.snapshot->'jurisdictions', '[]')) j) end,
              '{}', lower(d.title), left(coalesce(d.snapshot->>'body', d.snapshot->>'summary', ''), 50000),
              setweight(to_tsvector('simple', lower(d.title)), 'A')
                || setweight(to_tsvector('simple', lower(coalesce(d.snapshot->>'summary', ''))), 'B')
                || setweight(to_tsvector('simple', lower(left(coalesce(d.snapshot->>'body', d.snapshot->'texts'->0->>'body', ''), 400000))), 'C'),
              d.published_at
       from live_documents d on conflict do nothing`,
    );
    await q(
      `insert into search_words (word)
       select distinct w from public_search, unnest(string_to_array(names, ' ')) as w where length(w) >= 3
       on conflict do nothing`,
    );
    const counts = await q(
      `select (select count(*)::int from publications where item_type = 'article' and gone_at is null) as live`,
    );
    return {
      agents: options.agents,
      topics: topicIds.length,
      articles: options.articles,
      liveArticles: counts.rows[0].live,
    };
  } finally {
    client.release();
  }
}

/** The law one article in fifty discusses: the first published one. */
export async function hotLaw(client: pg.PoolClient | pg.Pool): Promise<number> {
  return (
    await client.query(`select min(item_id)::int as n from publications where item_type = 'law' and gone_at is null`)
  ).rows[0].n;
}

async function maxLaw(client: pg.PoolClient): Promise<number> {
  return (await client.query(`select max(id)::int as n from laws`)).rows[0].n;
}
