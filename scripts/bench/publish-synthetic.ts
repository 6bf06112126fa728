import type pg from "pg";

/**
 * What publishing writes for a law besides its publication, done in bulk for the synthetic ones:
 * the citable version, the public index row (whose year stands in from the creation date,
 * since synthetic laws have no dated events) and the search index row with its words. The server's start-up
 * backfill would do the last two one law at a time.
 */
export async function publishSynthetic(pool: pg.Pool): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query(
      `insert into published_revisions (item_type, item_id, number, revision_id, published_at)
       select p.item_type, p.item_id, 1, p.revision_id, p.published_at from publications p
       where p.item_type = 'law' on conflict do nothing`,
    );
    const { rows } = await client.query<{ n: number }>(
      `with inserted as (
         insert into public_laws (law_id, revision_id, jurisdiction_code, slug, title, summary, type, status, year,
                                  first_published_at, published_at)
         select l.id, p.revision_id, l.jurisdiction_code, l.slug, l.title, l.summary, l.type, l.status,
                extract(year from l.created_at)::int, p.first_published_at, p.published_at
         from publications p join laws l on l.id = p.item_id
         where p.item_type = 'law' and p.gone_at is null
         on conflict do nothing returning 1)
       select count(*)::int as n from inserted`,
    );
    // The search index from the folded titles and identifiers the synthetic laws already carry
    // (laws.search_text); their summaries are English, so lower-casing them folds them too.
    await client.query(
      `insert into public_search (item_type, item_id, revision_id, scope, slug, title, kind, jurisdiction_codes,
                                  aliases, names, body, document, published_at)
       select 'law', l.id, p.revision_id, l.jurisdiction_code, l.slug, l.title, l.type::text,
              array[l.jurisdiction_code], '{}', l.search_text, l.summary,
              setweight(to_tsvector('simple', l.search_text), 'A') || setweight(to_tsvector('simple', lower(l.summary)), 'B'),
              p.published_at
       from publications p join laws l on l.id = p.item_id
       where p.item_type = 'law' and p.gone_at is null
       on conflict do nothing`,
    );
    await client.query(
      `insert into search_words (word)
       select distinct w from public_search, unnest(string_to_array(names, ' ')) as w where length(w) >= 3
       on conflict do nothing`,
    );
    await client.query("analyze");
    return rows[0]!.n;
  } finally {
    client.release();
  }
}
