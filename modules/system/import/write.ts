import { sql } from "drizzle-orm";
import type { Tx } from "@/db";
import type { ContentType } from "@/db/schema/vocabulary";
import type { Actor } from "@/modules/auth/context";
import { writeAgentRows } from "@/modules/system/bulk/agent-rows";
import { writeArticleRows } from "@/modules/system/bulk/article-rows";
import type { Ids } from "@/modules/system/bulk/ids";
import { writeLawRows } from "@/modules/system/bulk/law-rows";
import { BulkWriter, type Table } from "@/modules/system/bulk/writer";
import { lockItem, recordRevision, snapshotHash, type Snapshot } from "@/modules/workflow/revise";
import { writeFigures } from "./figures";
import type { Plan, PlannedItem } from "./plan";
import { afterProgress, type ImportProgress } from "./report";

const topicRows: Table = {
  name: "topics",
  fields: "id int, slug text, name text, parent_id int, description text, created_by_id int",
  identity: true,
  replaceOn: "id",
};
const sourceRows: Table = {
  name: "sources",
  fields:
    "id int, title text, url text, archived_url text, accessed_on date, note text, created_by_id int, updated_at timestamptz",
  identity: true,
  replaceOn: "id",
};
const revisionRows: Table = {
  name: "revisions",
  fields:
    "id int, item_type content_type, item_id int, number int, snapshot jsonb, hash text, author_id int, message text, created_at timestamptz",
  identity: true,
};
const editorialRows: Table = {
  name: "editorial_items",
  fields: "item_type content_type, item_id int, working_revision_id int, changed_at timestamptz",
};
const keyRows: Table = {
  name: "import_keys",
  fields: "record_type text, external_id text, item_id int, imported_at timestamptz",
  replaceOn: "record_type, external_id",
};

/** The child rows an item's form replaces as a whole, deleted before a changed record writes them again. */
const childrenOf: Record<ContentType, { table: string; column: string }[]> = {
  law: [
    "attachments",
    "law_titles",
    "law_identifiers",
    "law_periods",
    "law_topics",
    "law_sources",
    "law_text_versions",
    "law_events",
  ]
    .map((table) => ({ table, column: "law_id" }))
    .concat({ table: "law_relations", column: "from_law_id" }),
  agent: [{ table: "agent_names", column: "agent_id" }],
  article: [
    "attachments",
    "article_authors",
    "article_laws",
    "article_topics",
    "article_jurisdictions",
    "article_sources",
  ].map((table) => ({ table, column: "article_id" })),
  annotation: [],
};

/**
 * Writes a plan inside the caller's transaction: new items in bulk as drafts (their first
 * revision, as the editors' create forms record it), changed ones as a new working revision each
 * (as a save records it), and the external ids that let the same file be imported again.
 */
export async function writePlan(
  tx: Tx,
  plan: Plan,
  options: { actor: Actor; ip?: string | null; message: string; now: Date; ids: Ids },
  progress: (p: ImportProgress) => void,
): Promise<void> {
  const { actor, now, ids } = options;
  const at = now.toISOString();
  const out = new BulkWriter(tx);
  const total =
    plan.topics.length +
    plan.sources.length +
    plan.agents.length +
    plan.laws.length +
    plan.articles.length +
    plan.figures.length;
  let done = 0;
  const step = async (n = 1) => {
    done += n;
    if (done % 500 === 0 || done === total) {
      progress({ phase: "writing", done, total });
      await afterProgress();
    }
  };

  for (const t of plan.topics.filter((t) => t.action !== "unchanged"))
    await out.add(topicRows, {
      id: t.id,
      slug: t.key,
      name: t.record.name,
      parent_id: t.parentId,
      description: t.record.description,
      created_by_id: actor.id,
    });
  const sources = [
    ...plan.sources.filter((s) => s.action !== "unchanged").map((s) => s.source),
    ...plan.citedSources.map((s) => ({ ...s, accessedOn: null, note: "" })),
  ];
  for (const s of sources)
    await out.add(sourceRows, {
      id: s.id,
      title: s.title,
      url: s.url,
      archived_url: s.archivedUrl,
      accessed_on: s.accessedOn,
      note: s.note,
      created_by_id: actor.id,
      updated_at: at,
    });
  await out.flush();
  await step(plan.topics.length + plan.sources.length);

  const row = { createdAt: at, createdById: actor.id };
  await writeItems(tx, out, "agent", plan.agents, (id, snapshot) => writeAgentRows(out, ids, { id, ...row }, snapshot));
  await writeItems(tx, out, "law", plan.laws, (id, snapshot) => writeLawRows(out, ids, { id, ...row }, snapshot));
  await writeItems(tx, out, "article", plan.articles, (id, snapshot) =>
    writeArticleRows(out, { id, ...row }, snapshot),
  );

  for (const [type, items] of [
    ["agent", plan.agents],
    ["law", plan.laws],
    ["article", plan.articles],
  ] as const) {
    for (const item of items.filter((i) => i.createdNew)) {
      const revisionId = ids.next("revisions");
      await out.add(revisionRows, {
        id: revisionId,
        item_type: type,
        item_id: item.id,
        number: 1,
        snapshot: item.snapshot,
        hash: snapshotHash(item.snapshot as Snapshot),
        author_id: actor.id,
        message: options.message,
        created_at: at,
      });
      await out.add(editorialRows, {
        item_type: type,
        item_id: item.id,
        working_revision_id: revisionId,
        changed_at: at,
      });
      await step();
    }
  }
  await out.flush();
  // A changed item is saved as the editors' forms save it: a new working revision, audited.
  for (const [type, items] of [
    ["agent", plan.agents],
    ["law", plan.laws],
    ["article", plan.articles],
  ] as const)
    for (const item of items.filter((i) => !i.createdNew && i.action === "update")) {
      const editorial = await lockItem(tx, { type, id: item.id });
      await recordRevision(tx, { actor, ip: options.ip }, editorial, item.snapshot as Snapshot, {
        action: `${type}.update`,
        message: options.message,
      });
      await step();
    }

  for (const [recordType, items] of [
    ["agent", plan.agents],
    ["law", plan.laws],
    ["article", plan.articles],
  ] as const)
    for (const item of items)
      await out.add(keyRows, { record_type: recordType, external_id: item.key, item_id: item.id, imported_at: at });
  await writeFigures(tx, plan.figures, actor, now);
  await step(plan.figures.length);
  for (const f of plan.figures)
    await out.add(keyRows, { record_type: "figure", external_id: f.key, item_id: f.id, imported_at: at });
  for (const s of plan.sources)
    if (s.externalId)
      await out.add(keyRows, { record_type: "source", external_id: s.externalId, item_id: s.id, imported_at: at });
  await out.flush();
  await ids.commit(tx);
}

async function writeItems<S>(
  tx: Tx,
  out: BulkWriter,
  type: ContentType,
  items: PlannedItem<S>[],
  write: (id: number, snapshot: S) => Promise<void>,
) {
  const changed = items.filter((i) => !i.createdNew && i.action === "update").map((i) => i.id);
  if (changed.length)
    for (const { table, column } of childrenOf[type])
      await tx.execute(
        sql`${sql.raw(`delete from ${table} where ${column} in (`)}${sql.join(
          changed.map((id) => sql`${id}`),
          sql`, `,
        )})`,
      );
  for (const item of items) if (item.action !== "unchanged") await write(item.id, item.snapshot);
  await out.flush();
}
