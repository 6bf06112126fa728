import type { ArticleSnapshot } from "@/modules/articles/snapshot-schema";
import { writeAttachmentRows } from "./attachment-rows";
import type { BulkWriter, Table } from "./writer";

const t = (name: string, fields: string, identity = false): Table => ({ name, fields, identity });
const articleRows: Table = {
  name: "articles",
  fields:
    "id int, slug text, kind article_kind, title text, body text, lang text, publisher_id int, credited_agent_id int, original_date date, original_precision date_precision, original_approximate boolean, original_url text, created_by_id int, created_at timestamptz, updated_at timestamptz",
  identity: true,
  replaceOn: "id",
};
const authorRows = t("article_authors", "article_id int, agent_id int, position int");
const lawRows = t("article_laws", "article_id int, law_id int");
const topicRows = t("article_topics", "article_id int, topic_id int");
const jurisdictionRows = t("article_jurisdictions", "article_id int, jurisdiction_code text");
const sourceRows = t("article_sources", "article_id int, source_id int");

/** The article tables' rows that record `article`, as the editors' form writes them. */
export async function writeArticleRows(
  out: BulkWriter,
  row: { id: number; createdAt: string; createdById: number | null },
  article: ArticleSnapshot,
): Promise<void> {
  const id = row.id;
  await out.add(articleRows, {
    id,
    slug: article.slug,
    kind: article.kind,
    title: article.title,
    body: article.body,
    lang: article.lang,
    publisher_id: article.publisher?.id ?? null,
    credited_agent_id: article.creditedAgent?.id ?? null,
    original_date: article.originalDate?.date ?? null,
    original_precision: article.originalDate?.precision ?? null,
    original_approximate: article.originalDate?.approximate ?? false,
    original_url: article.originalUrl,
    created_by_id: row.createdById,
    created_at: row.createdAt,
    updated_at: row.createdAt,
  });
  for (const [position, a] of article.authors.entries())
    await out.add(authorRows, { article_id: id, agent_id: a.id, position });
  for (const l of article.laws) await out.add(lawRows, { article_id: id, law_id: l.id });
  for (const x of article.topics) await out.add(topicRows, { article_id: id, topic_id: x.id });
  for (const j of article.jurisdictions) await out.add(jurisdictionRows, { article_id: id, jurisdiction_code: j.code });
  for (const s of article.sources) await out.add(sourceRows, { article_id: id, source_id: s.id });
  await writeAttachmentRows(out, { type: "article", id }, row, article.attachments);
}
