import type { LawSnapshot } from "@/modules/laws/snapshot-schema";
import { foldForSearch } from "@/lib/text";
import { writeAttachmentRows } from "./attachment-rows";
import type { Ids } from "./ids";
import type { BulkWriter, Table } from "./writer";

const t = (name: string, fields: string, identity = true): Table => ({ name, fields, identity });
const lawRows: Table = {
  name: "laws",
  fields:
    "id int, slug text, jurisdiction_code text, type law_type, title text, summary text, status law_status, search_text text, created_by_id int, created_at timestamptz, updated_at timestamptz",
  identity: true,
  replaceOn: "id",
};
const titleRows = t("law_titles", "id int, law_id int, lang text, title text, preferred boolean");
const identifierRows = t("law_identifiers", "id int, law_id int, registry text, value text");
const periodRows = t("law_periods", "id int, law_id int, note text");
const periodAccountRows = t(
  "law_period_accounts",
  "id int, period_id int, start_date date, start_precision date_precision, start_approximate boolean, end_date date, end_precision date_precision, end_approximate boolean, source_id int, preferred boolean, note text",
);
const topicRows = t("law_topics", "law_id int, topic_id int", false);
const sourceRows = t("law_sources", "law_id int, source_id int", false);
const textRows = t(
  "law_text_versions",
  "id int, law_id int, lang text, official boolean, effective_date date, effective_precision date_precision, effective_approximate boolean, source_id int, body text, created_by_id int, created_at timestamptz, updated_at timestamptz",
);
const eventRows = t("law_events", "id int, law_id int, kind law_event_kind, agent_id int, note text, position int");
const accountRows = t(
  "law_event_accounts",
  "id int, event_id int, date date, precision date_precision, approximate boolean, source_id int, preferred boolean, note text",
);
const relationRows = t("law_relations", "id int, from_law_id int, to_law_id int, kind law_relation_kind, note text");

/** The law tables' rows that record `law`, as the editors' forms write them; the snapshot's ids are the rows' ids. */
export async function writeLawRows(
  out: BulkWriter,
  ids: Ids,
  row: { id: number; createdAt: string; createdById: number | null },
  law: LawSnapshot,
): Promise<void> {
  const { id } = row;
  await out.add(lawRows, {
    id,
    slug: law.slug,
    jurisdiction_code: law.jurisdictionCode,
    type: law.type,
    status: law.status,
    title: law.title,
    summary: law.summary,
    // As modules/laws/save.ts searchTextOf folds them.
    search_text: foldForSearch([...law.titles.map((x) => x.title), ...law.identifiers.map((x) => x.value)].join(" ")),
    created_by_id: row.createdById,
    created_at: row.createdAt,
    updated_at: row.createdAt,
  });
  for (const x of law.titles) await out.add(titleRows, { id: ids.next("law_titles"), law_id: id, ...x });
  for (const x of law.identifiers) await out.add(identifierRows, { id: ids.next("law_identifiers"), law_id: id, ...x });
  for (const period of law.periods) {
    const periodId = ids.next("law_periods");
    await out.add(periodRows, { id: periodId, law_id: id, note: period.note });
    for (const a of period.accounts)
      await out.add(periodAccountRows, {
        id: ids.next("law_period_accounts"),
        period_id: periodId,
        start_date: a.start.date,
        start_precision: a.start.precision,
        start_approximate: a.start.approximate,
        end_date: a.end.date,
        end_precision: a.end.precision,
        end_approximate: a.end.approximate,
        source_id: a.sourceId,
        preferred: a.preferred,
        note: a.note,
      });
  }
  for (const x of law.topics) await out.add(topicRows, { law_id: id, topic_id: x.id });
  for (const x of law.sources) await out.add(sourceRows, { law_id: id, source_id: x.id });
  for (const text of law.texts)
    await out.add(textRows, {
      id: text.id,
      law_id: id,
      lang: text.lang,
      official: text.official,
      effective_date: text.effectiveDate?.date ?? null,
      effective_precision: text.effectiveDate?.precision ?? null,
      effective_approximate: text.effectiveDate?.approximate ?? false,
      source_id: text.sourceId,
      body: text.body,
      created_by_id: row.createdById,
      created_at: row.createdAt,
      updated_at: row.createdAt,
    });
  for (const [position, event] of law.events.entries()) {
    await out.add(eventRows, {
      id: event.id,
      law_id: id,
      kind: event.kind,
      agent_id: event.agentId,
      note: event.note,
      position,
    });
    for (const a of event.accounts)
      await out.add(accountRows, {
        id: a.id,
        event_id: event.id,
        date: a.date?.date ?? null,
        precision: a.date?.precision ?? null,
        approximate: a.date?.approximate ?? false,
        source_id: a.sourceId,
        preferred: a.preferred,
        note: a.note,
      });
  }
  for (const r of law.relations)
    await out.add(relationRows, { id: r.id, from_law_id: id, to_law_id: r.toLawId, kind: r.kind, note: r.note });
  await writeAttachmentRows(out, { type: "law", id }, row, law.attachments);
}
