import type { ContentType } from "@/db/schema/vocabulary";
import type { ArticleSnapshot } from "@/modules/articles/snapshot";
import type { LawSnapshot } from "@/modules/laws/snapshot";
import { articleCitations, articleLinks, articleTags, publicArticleValues } from "@/modules/workflow/project-article";
import {
  lawCitations,
  lawLinks,
  lawTags,
  publicLawValues,
  type PublicationDates,
} from "@/modules/workflow/project-law";
import {
  citationRows,
  directTagRows,
  linkRows,
  type Link,
  type SourceCitation,
  type Tags,
} from "@/modules/workflow/project-links";
import type { BulkWriter, Row, Table } from "@/modules/system/bulk/writer";
import type { Live } from "./publication";

/**
 * The public read model (modules/workflow/project-law.ts, project-article.ts, project-links.ts)
 * as publishing writes it, from the same pure functions: a live law's or article's row, its links,
 * the sources it cites and its own tags. Articles' tags from the laws they discuss are derived in SQL once the load is
 * in (deriveArticleTags), as publishing derives them.
 */

const t = (name: string, fields: string): Table => ({ name, fields });
const publicLawRows = t(
  "public_laws",
  "law_id int, revision_id int, jurisdiction_code text, slug text, title text, summary text, type law_type, status law_status, year int, topic_ids int[], milestone_kind law_event_kind, milestone_date text, milestone_precision date_precision, milestone_approximate boolean, first_published_at timestamptz, published_at timestamptz",
);
const publicArticleRows = t(
  "public_articles",
  "article_id int, revision_id int, slug text, kind article_kind, title text, lang text, original_date text, original_precision date_precision, original_approximate boolean, excerpt text, author_ids int[], publisher_id int, credited_agent_id int, first_published_at timestamptz, published_at timestamptz",
);
const publicLinkRows = t(
  "public_links",
  "from_type content_type, from_id int, kind text, position int, to_type content_type, to_id int, detail jsonb",
);
const publicCitationRows = t(
  "public_source_citations",
  "from_type content_type, from_id int, position int, source_id int, title text, url text, archived_url text, cited_at timestamptz",
);
const publicTagRows = t(
  "public_tags",
  "vocabulary text, value text, item_type content_type, item_id int, direct boolean, published_at timestamptz",
);

const datesOf = (live: NonNullable<Live>): PublicationDates => ({
  firstPublishedAt: new Date(live.firstPublishedAt),
  publishedAt: new Date(live.publishedAt),
});

/** The same row with the table's column names; dates become ISO text in the batch's JSON. */
const columns = (row: object): Row =>
  Object.fromEntries(
    Object.entries(row).map(([key, value]) => [key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), value]),
  );

export async function writeLawReadModel(
  out: BulkWriter,
  lawId: number,
  live: NonNullable<Live>,
  revision: LawSnapshot,
): Promise<void> {
  const dates = datesOf(live);
  await out.add(publicLawRows, columns({ lawId, ...publicLawValues(live.revisionId, revision, dates) }));
  await writeLinksAndTags(out, "law", lawId, lawLinks(revision), lawTags(revision), dates.publishedAt);
  await writeCitations(out, "law", lawId, lawCitations(revision), dates.publishedAt);
}

export async function writeArticleReadModel(
  out: BulkWriter,
  articleId: number,
  live: NonNullable<Live>,
  article: ArticleSnapshot,
): Promise<void> {
  const dates = datesOf(live);
  await out.add(publicArticleRows, columns({ articleId, ...publicArticleValues(live.revisionId, article, dates) }));
  await writeLinksAndTags(out, "article", articleId, articleLinks(article), articleTags(article), dates.publishedAt);
  await writeCitations(out, "article", articleId, articleCitations(article), dates.publishedAt);
}

async function writeLinksAndTags(
  out: BulkWriter,
  type: ContentType,
  id: number,
  links: Link[],
  tags: Tags,
  publishedAt: Date,
): Promise<void> {
  for (const row of linkRows(type, id, links)) await out.add(publicLinkRows, columns(row));
  for (const row of directTagRows(type, id, tags, publishedAt)) await out.add(publicTagRows, columns(row));
}

async function writeCitations(
  out: BulkWriter,
  type: ContentType,
  id: number,
  citations: SourceCitation[],
  citedAt: Date,
): Promise<void> {
  for (const row of citationRows(type, id, citations, citedAt)) await out.add(publicCitationRows, columns(row));
}
