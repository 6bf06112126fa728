import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { cacheLife, cacheTag } from "next/cache";
import { getDatabase, type Db } from "@/db";
import { jurisdictions, publicAttachments, publicFilePages, publicSearch, searchWords } from "@/db/schema";
import { highlight, snippet, type SnippetPart } from "@/lib/search/snippet";
import { prefixQuery, searchTerms } from "@/lib/search/terms";
import { publicAgentPath, publicArticlePath } from "./addresses";
import { publicCacheTag } from "./clock";
import { figureSearchTag, listTag, vocabularyTag } from "./cache-tags";
import { readFigureHits, type FigureHits } from "./figure-search";
import { fileMatches, type FoundIn } from "./file-search";
import { publicLawPath } from "./law-view";
import { searchTypes, type SearchQuery, type SearchType } from "./search-url";

export const searchPageSize = 20;
type SearchFacet = "type" | "jurisdiction";

/** How many matches a search counts, ranks and pages through before it says "more than". */
export const searchCap = 1000;

type HitRow = {
  item_type: SearchType;
  item_id: number;
  kind: string;
  scope: string;
  slug: string;
  title: string;
  aliases: string[];
  body: string;
  jurisdiction_codes: string[];
  total: number;
};

export type SearchHit = {
  type: SearchType;
  kind: string;
  path: string;
  title: SnippetPart[];
  /** The other name or title the query found, when it was not the main one. */
  alsoKnownAs: SnippetPart[] | null;
  snippet: SnippetPart[];
  jurisdictionCodes: string[];
  /** The attached document the words were found in, when they were. */
  foundIn: FoundIn | null;
};

/**
 * One page of published items matching the query, cached until a publication expires it, like
 * every public read: of any type it finds (annotations too), a figure's save or approval, or a
 * jurisdiction's name it shows.
 */
export async function publishedSearch(query: SearchQuery) {
  "use cache";
  cacheTag(
    publicCacheTag,
    listTag("law"),
    listTag("article"),
    listTag("agent"),
    listTag("annotation"),
    figureSearchTag,
    vocabularyTag,
  );
  cacheLife("hours");
  const { db } = await getDatabase();
  return readSearch(db, query);
}

/**
 * Full-text search over the public search index (live items only), ranked by where the words
 * fall (names above summaries above text); when no word matches, names spelt a little
 * differently are found by their likeness instead. Facet counts are under the other facet's choice.
 * Approved figures the words find (modules/public/figure-search.ts) come apart, on the first page
 * when no kind is chosen: they are not items of the index, and not counted among its results.
 */
export async function readSearch(db: Db, query: SearchQuery) {
  const terms = searchTerms(query.q);
  const empty = {
    terms: terms.stems,
    correctedTo: null as string | null,
    hits: [] as SearchHit[],
    total: 0,
    capped: false,
    page: query.page,
    pageCount: 1,
    figures: { hits: [], total: 0 } as FigureHits,
  };
  if (terms.stems.length === 0) return { ...empty, facets: { type: [], jurisdiction: [] } };
  const asTyped = sql`to_tsquery('simple', ${prefixQuery(terms.stems)})`;
  const found = async (tsquery: SQL) =>
    (await db.execute(sql`select 1 from ${matchesUpTo(tsquery, undefined, "documents", 1)} m`)).rows.length > 0;
  const figures =
    query.page === 1 && !query.type
      ? await readFigureHits(db, { query: query.q, stems: terms.stems, jurisdiction: query.jurisdiction })
      : empty.figures;
  // A name spelt differently inside the word (Žaparov for Zhaparov) shares no beginning with it:
  // when nothing matches as typed, not even a figure, each word is corrected to the closest words
  // of published names.
  const correction = figures.total > 0 || (await found(asTyped)) ? null : await correctWords(db, terms.folded);
  const tsquery = correction ? sql`to_tsquery('simple', ${correction.tsquery})` : asTyped;
  const stems = correction ? correction.words : terms.stems;
  const filters: Partial<Record<SearchFacet, SQL>> = {
    ...(query.type && { type: eq(publicSearch.itemType, query.type) }),
    ...(query.jurisdiction && {
      jurisdiction: sql`${publicSearch.jurisdictionCodes} @> array[${query.jurisdiction}]::text[]`,
    }),
  };

  const filtered = (except?: SearchFacet) =>
    and(...Object.entries(filters).flatMap(([facet, condition]) => (facet === except ? [] : [condition])));
  const firstMatches = (condition: SQL | undefined, on: "documents" | "names" = "documents") =>
    matchesUpTo(tsquery, condition, on, searchCap + 1);
  // Ranked among the first matches and every item whose names match (names weigh most, so the
  // best hits are among them): the same ranking as over every match whenever they are within the cap.
  const { rows } = await db.execute<HitRow>(sql`with matched as ${firstMatches(filtered())},
    named as ${firstMatches(filtered(), "names")},
    candidates as (select item_type, item_id from matched union select item_type, item_id from named)
    select s.item_type, s.item_id, s.kind, s.scope, s.slug, s.title, s.aliases, s.body, s.jurisdiction_codes,
      (select count(*)::int from matched) as total
    from candidates c join ${publicSearch} s on s.item_type = c.item_type and s.item_id = c.item_id
    order by ts_rank(s.document, ${tsquery}) desc, s.published_at desc, s.item_id asc
    limit ${searchPageSize} offset ${(query.page - 1) * searchPageSize}`);
  const inFiles = await fileMatches(
    db,
    rows.map((row) => ({ type: row.item_type, id: row.item_id })),
    tsquery,
    stems,
  );
  // Facet counts, each under the other facet's choice; `seen` says whether the cap was reached.
  const { rows: byType } = await db.execute<{ value: SearchType; n: number; seen: number }>(
    sql`with m as ${firstMatches(filtered("type"))}
      select item_type as value, count(*)::int as n, (select count(*)::int from m) as seen from m group by item_type`,
  );
  const { rows: byJurisdiction } = await db.execute<{ value: string; n: number; seen: number }>(
    sql`with m as ${firstMatches(filtered("jurisdiction"))}
      select j.code as value, count(*)::int as n, (select count(*)::int from m) as seen
      from m cross join lateral unnest(m.jurisdiction_codes) as j(code) group by j.code`,
  );
  // Past the last page no row says how many there are: counted apart, in that rare case only.
  const matched =
    rows[0]?.total ??
    (query.page > 1
      ? ((await db.execute<{ n: number }>(sql`select count(*)::int as n from ${firstMatches(filtered())} m`)).rows[0]
          ?.n ?? 0)
      : 0);
  // Counts of a facet whose matches passed the cap are of the first ones found: at least that many.
  const typeAtLeast = (byType[0]?.seen ?? 0) > searchCap;
  const jurisdictionAtLeast = (byJurisdiction[0]?.seen ?? 0) > searchCap;
  const names = byJurisdiction.length
    ? await db
        .select({ code: jurisdictions.code, name: jurisdictions.name })
        .from(jurisdictions)
        .where(
          inArray(
            jurisdictions.code,
            byJurisdiction.map((j) => j.value),
          ),
        )
    : [];
  const n = Math.min(matched, searchCap);
  return {
    ...empty,
    // More matches than searchCap: `total` says "more than" it, and facet counts are lower bounds.
    capped: matched > searchCap,
    correctedTo: correction && n > 0 ? correction.best : null,
    hits: rows.map((row): SearchHit => ({
      type: row.item_type,
      kind: row.kind,
      path: pathOf({ type: row.item_type, itemId: row.item_id, scope: row.scope, slug: row.slug }),
      title: highlight(row.title, stems),
      alsoKnownAs: alias(row.title, row.aliases, stems, query.q),
      snippet: snippet(row.body, stems),
      jurisdictionCodes: row.jurisdiction_codes,
      foundIn: inFiles.get(`${row.item_type}:${row.item_id}`) ?? null,
    })),
    total: n,
    pageCount: Math.max(1, Math.ceil(n / searchPageSize)),
    figures,
    facets: {
      type: searchTypes.flatMap((value) => {
        const found = byType.find((t) => t.value === value);
        return found ? [{ value, count: found.n, atLeast: typeAtLeast }] : [];
      }),
      jurisdiction: names
        .map((j) => ({
          value: j.code,
          label: j.name,
          count: byJurisdiction.find((b) => b.value === j.code)?.n ?? 0,
          atLeast: jurisdictionAtLeast,
        }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    },
  };
}

export type SearchResults = Awaited<ReturnType<typeof readSearch>>;

/**
 * The first `limit` rows whose `document` matches: each query visits at most searchCap + 1
 * matches, enough to know that there are more than the cap. The matches are a MATERIALIZED CTE,
 * which PostgreSQL plans as if every match were read and then reads only as far as the limit:
 * under a bare LIMIT the planner expects to meet a match early in a sequential scan, and when
 * matches are rare (two common words seldom together, a misspelling) that scan reads every row's
 * document, hundreds of ms at 200,000 rows, where the GIN index needs a few ms.
 */
function matchesUpTo(tsquery: SQL, condition: SQL | undefined, on: "documents" | "names", limit: number) {
  const where = sql`${condition ?? sql`true`}`;
  if (on === "names") {
    return sql`(with m as materialized (select ${publicSearch.itemType} as item_type, ${publicSearch.itemId} as item_id,
      ${publicSearch.jurisdictionCodes} as jurisdiction_codes
      from ${publicSearch} where ${publicSearch.namesDocument} @@ ${tsquery} and ${where})
    select item_type, item_id, jurisdiction_codes from m limit ${limit})`;
  }
  // An item matches by its own text or by the text of a file it shows (public_file_pages).
  return sql`(with m as materialized (select ${publicSearch.itemType} as item_type, ${publicSearch.itemId} as item_id,
      ${publicSearch.jurisdictionCodes} as jurisdiction_codes
      from ${publicSearch} where ${publicSearch.document} @@ ${tsquery} and ${where}
      union
      select ${publicSearch.itemType}, ${publicSearch.itemId}, ${publicSearch.jurisdictionCodes}
      from ${publicFilePages}
      join ${publicAttachments} on ${publicAttachments.sha256} = ${publicFilePages.sha256}
      join ${publicSearch} on ${publicSearch.itemType} = ${publicAttachments.itemType} and ${publicSearch.itemId} = ${publicAttachments.itemId}
      where ${publicFilePages.document} @@ ${tsquery} and ${where})
    select item_type, item_id, jurisdiction_codes from m limit ${limit})`;
}

// How many corrections of one word are tried. How alike they must be is pg_trgm's `%` threshold
// (similarity 0.3): "sadir" is 0.33 like "sadyr".
const correctionsPerWord = 3;

/**
 * Each word of a folded query (of three letters or more) replaced by the published names' words
 * most like it, as a tsquery of alternatives: "zaparov sadir" becomes "(zhaparov | japarov) &
 * (sadyr)". Null when a word has no likeness at all, so nothing is found.
 */
async function correctWords(db: Db, folded: string) {
  const words = folded.split(" ").filter((w) => w.length >= 3);
  if (words.length === 0) return null;
  const alternatives: string[][] = [];
  // One after another: PGlite runs one query at a time anyway, and they are index lookups.
  for (const word of words) {
    const similarity = sql<number>`similarity(${searchWords.word}, ${word})`;
    const rows = await db
      .select({ word: searchWords.word })
      .from(searchWords)
      .where(sql`${searchWords.word} % ${word}`)
      .orderBy(desc(similarity), asc(searchWords.word))
      .limit(correctionsPerWord);
    if (rows.length === 0) return null;
    alternatives.push(rows.map((r) => r.word));
  }
  return {
    tsquery: alternatives.map((options) => `(${options.join(" | ")})`).join(" & "),
    words: [...new Set(alternatives.flat())],
    best: alternatives.map((options) => options[0]).join(" "),
  };
}

/**
 * The alias a query found, when the title itself shows no match: one written like the query
 * (Cyrillic for a Cyrillic query) when there is one.
 */
function alias(title: string, aliases: string[], stems: string[], query: string): SnippetPart[] | null {
  if (highlight(title, stems).some((p) => p.match)) return null;
  const nonLatin = (text: string) => /[^\u0000-\u024f]/.test(text);
  const preferred = [...aliases].sort(
    (a, b) => Number(nonLatin(b) === nonLatin(query)) - Number(nonLatin(a) === nonLatin(query)),
  );
  for (const name of preferred) {
    const parts = highlight(name, stems);
    if (parts.some((p) => p.match)) return parts;
  }
  return null;
}

function pathOf(row: { type: string; itemId: number; scope: string; slug: string }): string {
  // An annotation's row holds its target's page as its slug (modules/workflow/project-annotations.ts).
  if (row.type === "annotation") return `${row.slug}#annotation-${row.itemId}`;
  if (row.type === "law") return publicLawPath({ jurisdictionCode: row.scope, slug: row.slug });
  if (row.type === "article") return publicArticlePath(row);
  return publicAgentPath(row);
}
