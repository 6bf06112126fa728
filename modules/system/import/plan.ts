import { sql } from "drizzle-orm";
import type { Tx } from "@/db";
import type { ContentType } from "@/db/schema/vocabulary";
import { slugify } from "@/lib/text";
import { agentSnapshotVersion, type AgentSnapshot } from "@/modules/agents/snapshot-schema";
import { articleSnapshotVersion, type ArticleSnapshot } from "@/modules/articles/snapshot-schema";
import { attachmentsOfMany } from "@/modules/attachments/snapshot";
import type { AttachmentSnapshot } from "@/modules/attachments/snapshot-schema";
import { canonicalJson } from "@/modules/audit/chain";
import { lawSnapshotVersion, type LawSnapshot } from "@/modules/laws/snapshot-schema";
import { placeOnTimeline } from "@/modules/laws/timeline-order";
import { parseSnapshot } from "@/modules/workflow/snapshots";
import type { Ids } from "@/modules/system/bulk/ids";
import { planFigures, type PlannedFigure } from "./figures";
import { claimSlug, lawAddress, type Known, type KnownSource } from "./known";
import type { ValidRecord } from "./read";
import type {
  ArticleRecord,
  LawRecord,
  Origin,
  RecordKind,
  Reference,
  RowError,
  SourceRecord,
  TopicRecord,
} from "./records";
import type { ImportAction, ImportItem } from "./report";
import { Resolver, type At, type NewSource } from "./resolve";

type Base = { origin: Origin; key: string; title: string; action: ImportAction; id: number };
export type PlannedTopic = Base & { record: TopicRecord; parentId: number | null };
export type PlannedSource = Base & {
  externalId?: string;
  source: KnownSource & { accessedOn: string | null; note: string };
};
export type PlannedItem<S> = Base & { snapshot: S; createdNew: boolean };

/** What an import will do, record by record, with every reference resolved to an id. */
export type Plan = {
  topics: PlannedTopic[];
  sources: PlannedSource[];
  /** Sources created because a record cites them by title or URL. */
  citedSources: NewSource[];
  agents: PlannedItem<AgentSnapshot>[];
  laws: PlannedItem<LawSnapshot>[];
  articles: PlannedItem<ArticleSnapshot>[];
  figures: PlannedFigure[];
  errors: RowError[];
};

type Of<K extends RecordKind> = Extract<ValidRecord, { kind: K }>;

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);

/**
 * Resolves every record against the file and the archive and decides, for each, whether it makes
 * a new item, changes one (a new working revision) or changes nothing. New items take their ids
 * from `ids`, so the plan is what the write then records, row for row.
 */
export async function planImport(tx: Tx, known: Known, records: ValidRecord[], ids: Ids): Promise<Plan> {
  const resolver = new Resolver(known, () => ids.next("sources"));
  const of = <K extends RecordKind>(kind: K) => records.filter((r): r is Of<K> => r.kind === kind);
  const at = (record: ValidRecord, ...path: PropertyKey[]): At => record.locate(path);
  refuseDuplicates(records, resolver);

  // Topics first: everything else names them.
  const topics: PlannedTopic[] = of("topics").map((r) => {
    const existing = known.topics.get(r.value.slug);
    const id = existing?.id ?? ids.next("topics");
    known.topics.set(r.value.slug, { id, name: r.value.name });
    return {
      origin: r.origin,
      key: r.value.slug,
      title: r.value.name,
      action: existing ? "unchanged" : "create",
      id,
      record: r.value,
      parentId: null,
    };
  });
  for (const [index, topic] of topics.entries()) {
    const parent = topic.record.parent;
    topic.parentId = parent ? (resolver.topic(parent, at(of("topics")[index]!, "parent"))?.id ?? null) : null;
  }
  await markChangedTopics(tx, topics);

  const sources: PlannedSource[] = of("sources").map((r) => planSource(r, known, resolver, ids));
  await markChangedSources(tx, sources);

  /** A new item's address: the slug the record chose (refused if another item has or had it), else one made from its name. */
  const addressOf = (r: ValidRecord, space: string, chosen: string | undefined, name: string, fallback: string) => {
    const slug = claimSlug(known, space, chosen ?? (slugify(name) || fallback));
    if (chosen && slug !== chosen)
      resolver.fail(r.locate(["slug"]), `Another ${fallback} has, or had, the address "${chosen}".`);
    return slug;
  };
  // Every agent, law and article of the file gets its id before any is resolved: they name each other.
  const agentIds = assignIds(of("agents"), known.agents.byKey, ids, "agents", (r, id, existing) => {
    const slug = existing?.slug ?? addressOf(r, "agent:", r.value.slug, r.value.name, "agent");
    const agent = { id, name: r.value.name, slug };
    known.agents.byKey.set(r.value.externalId, agent);
    known.agents.bySlug.set(slug, agent);
    if (!known.agents.byName.has(agent.name)) known.agents.byName.set(agent.name, agent);
  });
  const lawIds = assignIds(of("laws"), known.laws.byKey, ids, "laws", (r, id, existing) => {
    const code = r.value.jurisdiction;
    const slug = existing?.slug ?? addressOf(r, `law:${code}`, r.value.slug, r.value.title, "law");
    const law = { id, title: r.value.title, jurisdictionCode: existing?.jurisdictionCode ?? code, slug };
    known.laws.byKey.set(r.value.externalId, law);
    known.laws.byAddress.set(lawAddress(law.jurisdictionCode, slug), law);
    if (!known.laws.byTitle.has(law.title)) known.laws.byTitle.set(law.title, law);
  });
  const articleIds = assignIds(of("articles"), known.articles.byKey, ids, "articles", (r, id, existing) => {
    const slug = existing?.slug ?? addressOf(r, "article:", r.value.slug, r.value.title, "article");
    known.articles.byKey.set(r.value.externalId, { id, slug });
  });

  const agents = of("agents").map((r) => {
    const agent = known.agents.byKey.get(r.value.externalId)!;
    const snapshot: AgentSnapshot = {
      schemaVersion: agentSnapshotVersion,
      slug: agent.slug,
      kind: r.value.kind,
      preferredName: r.value.name,
      description: r.value.description,
      links: r.value.links.map((l) => ({ label: l.label, url: l.url })),
      names: r.value.names,
    };
    return planned(r, agentIds.get(r)!, r.value.name, snapshot);
  });
  const changedLaws = [...lawIds.values()].filter((l) => !l.createdNew).map((l) => l.id);
  const textIds = await existingTextIds(tx, changedLaws);
  const lawFiles = await attachmentsOfMany(tx, "law", changedLaws);
  const articleFiles = await attachmentsOfMany(
    tx,
    "article",
    [...articleIds.values()].filter((a) => !a.createdNew).map((a) => a.id),
  );
  const laws = of("laws").map((r) => {
    const { id } = lawIds.get(r)!;
    const snapshot = lawSnapshotOf(r, known, resolver, ids, textIds.get(id) ?? [], lawFiles.get(id) ?? []);
    return planned(r, lawIds.get(r)!, r.value.title, snapshot);
  });
  const articles = of("articles").map((r) => {
    const { id } = articleIds.get(r)!;
    const snapshot = articleSnapshotOf(r, known, resolver, articleFiles.get(id) ?? []);
    return planned(r, articleIds.get(r)!, r.value.title, snapshot);
  });
  await markChangedItems(tx, "agent", agents);
  await markChangedItems(tx, "law", laws);
  await markChangedItems(tx, "article", articles);
  const figures = await planFigures(tx, known, of("figures"), resolver);
  return {
    topics,
    sources,
    citedSources: resolver.newSources,
    agents,
    laws,
    articles,
    figures,
    errors: resolver.errors,
  };
}

export function planItems(plan: Plan): ImportItem[] {
  const list = (kind: RecordKind, items: Base[]) =>
    items.map(({ origin, key, title, action }) => ({ kind, origin, key, title, action }));
  return [
    ...list("topics", plan.topics),
    ...list("sources", plan.sources),
    ...list("agents", plan.agents),
    ...list("laws", plan.laws),
    ...list("articles", plan.articles),
    ...list("figures", plan.figures),
  ];
}

function planned<S>(
  record: ValidRecord,
  id: { id: number; createdNew: boolean },
  title: string,
  snapshot: S,
): PlannedItem<S> {
  return {
    origin: record.origin,
    key: "externalId" in record.value && record.value.externalId ? record.value.externalId : "",
    title,
    action: id.createdNew ? "create" : "update",
    id: id.id,
    createdNew: id.createdNew,
    snapshot,
  };
}

function assignIds<R extends Of<"agents" | "laws" | "articles">, E extends { id: number }>(
  records: R[],
  existing: Map<string, E>,
  ids: Ids,
  table: "agents" | "laws" | "articles",
  register: (record: R, id: number, existing: E | undefined) => void,
): Map<R, { id: number; createdNew: boolean }> {
  const assigned = new Map<R, { id: number; createdNew: boolean }>();
  for (const r of records) {
    const found = existing.get(r.value.externalId);
    const id = found?.id ?? ids.next(table);
    assigned.set(r, { id, createdNew: !found });
    register(r, id, found);
  }
  return assigned;
}

function refuseDuplicates(records: ValidRecord[], resolver: Resolver) {
  const seen = new Map<string, Origin>();
  for (const r of records) {
    const key =
      r.kind === "topics" ? r.value.slug : "externalId" in r.value && r.value.externalId ? r.value.externalId : null;
    if (!key) continue;
    const first = seen.get(`${r.kind}:${key}`);
    if (first)
      resolver.fail(
        r.locate([r.kind === "topics" ? "slug" : "externalId"]),
        `The ${r.kind} of ${first.file} row ${first.row} has the same ${r.kind === "topics" ? "slug" : "externalId"} "${key}".`,
      );
    else seen.set(`${r.kind}:${key}`, r.origin);
  }
}

function planSource(r: Of<"sources">, known: Known, resolver: Resolver, ids: Ids): PlannedSource {
  const v: SourceRecord = r.value;
  const existing =
    (v.externalId && known.sources.byKey.get(v.externalId)) ||
    (v.url && known.sources.byUrl.get(v.url)) ||
    (!v.url && known.sources.byTitle.get(v.title)) ||
    undefined;
  const source = {
    id: existing?.id ?? ids.next("sources"),
    title: v.title,
    url: v.url,
    archivedUrl: v.archivedUrl,
    accessedOn: v.accessedOn ?? null,
    note: v.note,
  };
  resolver.addSource(source, v.externalId);
  return {
    origin: r.origin,
    key: v.externalId ?? (v.url || v.title),
    externalId: v.externalId,
    title: v.title,
    action: existing ? "update" : "create",
    id: source.id,
    source,
  };
}

function citing(
  resolver: Resolver,
  cited: { source?: Reference | null; sourceTitle?: string | null; sourceUrl?: string | null },
  at: At,
) {
  return resolver.source(cited.source, cited.sourceTitle, cited.sourceUrl, at);
}

/** A changed law keeps its texts' ids, in order: notes on a text stay on it. */
async function existingTextIds(tx: Tx, lawIds: number[]): Promise<Map<number, number[]>> {
  const map = new Map<number, number[]>();
  if (!lawIds.length) return map;
  const { rows } = await tx.execute<{ law_id: number; id: number }>(
    sql`select law_id, id from law_text_versions where law_id in (${sql.join(
      lawIds.map((id) => sql`${id}`),
      sql`, `,
    )}) order by id`,
  );
  for (const row of rows) map.set(Number(row.law_id), [...(map.get(Number(row.law_id)) ?? []), Number(row.id)]);
  return map;
}

function lawSnapshotOf(
  r: Of<"laws">,
  known: Known,
  resolver: Resolver,
  ids: Ids,
  textIds: number[],
  files: AttachmentSnapshot[],
): LawSnapshot {
  const v: LawRecord = r.value;
  const at = (...path: PropertyKey[]) => r.locate(path);
  const self = known.laws.byKey.get(v.externalId)!;
  const jurisdiction = resolver.jurisdiction(v.jurisdiction, at("jurisdiction"));
  // Its address is kept: moving a law to another jurisdiction (a new address, the old one redirecting) is an editor's step.
  if (self.jurisdictionCode !== v.jurisdiction)
    resolver.fail(
      at("jurisdiction"),
      `This law is already in the archive under ${self.jurisdictionCode}: move it to another jurisdiction in its editor.`,
    );
  // The API lists the title among the titles; a file may give it only as `title`, language undetermined.
  const listed = v.titles.some((t) => t.title === v.title);
  const titles = listed ? v.titles : [{ lang: "und", title: v.title, preferred: true }, ...v.titles];
  const marked = titles.findIndex((t) => t.preferred);
  const preferred = marked >= 0 ? marked : titles.findIndex((t) => t.title === v.title);
  const topicList = v.topics.flatMap((t, i) => {
    const topic = resolver.topic(t.slug, at("topics", i));
    return topic ? [topic] : [];
  });
  const sourceList = v.sources.flatMap((s, i) => {
    const source = resolver.source(s, null, null, at("sources", i));
    return source ? [source] : [];
  });
  const events = v.timeline.map((step, i) => {
    const agent = step.agent ? resolver.agent(step.agent, at("timeline", i, "agent")) : null;
    const accounts = (
      step.accounts.length ? step.accounts : step.date ? [{ date: step.date, preferred: true, note: "" }] : []
    ).map((account, j) => {
      const source = citing(resolver, account, at("timeline", i, "accounts", j, "source"));
      return {
        id: ids.next("law_event_accounts"),
        date: account.date,
        sourceId: source?.id ?? null,
        sourceTitle: source?.title ?? null,
        preferred: account.preferred,
        note: account.note,
      };
    });
    return {
      id: ids.next("law_events"),
      kind: step.kind,
      agentId: agent?.id ?? null,
      agentName: agent?.name ?? null,
      note: step.note,
      accounts,
    };
  });
  const unique = <T extends { id: number }>(list: T[]) => [...new Map(list.map((x) => [x.id, x])).values()];
  const snapshot = {
    schemaVersion: lawSnapshotVersion,
    slug: self.slug,
    jurisdictionCode: jurisdiction?.code ?? v.jurisdiction,
    type: v.type,
    status: v.status,
    title: titles[preferred]!.title,
    summary: v.summary,
    titles: titles.map((t, i) => ({ lang: t.lang, title: t.title, preferred: i === preferred })),
    identifiers: v.identifiers,
    periods: v.periods.map((p, i) => ({
      note: p.note,
      accounts: p.accounts.map((a, j) => {
        const source = citing(resolver, a, at("periods", i, "accounts", j, "source"));
        return {
          start: a.start,
          end: a.end,
          sourceId: source?.id ?? null,
          sourceTitle: source?.title ?? null,
          preferred: a.preferred,
          note: a.note,
        };
      }),
    })),
    topics: unique(topicList)
      .sort(byName)
      .map(({ id, name }) => ({ id, name })),
    sources: unique(sourceList)
      .sort((a, b) => a.title.localeCompare(b.title) || a.id - b.id)
      .map(({ id, title, url, archivedUrl }) => ({ id, title, url, archivedUrl })),
    events: placeOnTimeline(events).map(({ date: _date, disputed: _disputed, ...event }) => event),
    texts: v.texts.map((text, i) => {
      const source = citing(resolver, text, at("texts", i, "source"));
      return {
        id: textIds[i] ?? ids.next("law_text_versions"),
        lang: text.lang,
        official: text.official,
        effectiveDate: text.effectiveDate,
        sourceId: source?.id ?? null,
        sourceTitle: source?.title ?? null,
        body: text.body,
      };
    }),
    relations: v.related.flatMap((relation, i) => {
      const to = resolver.law(relation.law, at("related", i, "law"));
      if (!to) return [];
      if (to.id === self.id) return resolver.fail(at("related", i, "law"), "A law cannot be related to itself.") ?? [];
      return [
        { id: ids.next("law_relations"), kind: relation.kind, note: relation.note, toLawId: to.id, toTitle: to.title },
      ];
    }),
  };
  // Files are not in the import's shape: they stay as they are, and one on a text the law no longer has stays on the law.
  const texts = new Set(snapshot.texts.map((t) => t.id));
  const attachments = files.map((f) => ({ ...f, textId: f.textId !== null && texts.has(f.textId) ? f.textId : null }));
  return { ...snapshot, attachments };
}

function articleSnapshotOf(
  r: Of<"articles">,
  known: Known,
  resolver: Resolver,
  attachments: AttachmentSnapshot[],
): ArticleSnapshot {
  const v: ArticleRecord = r.value;
  const at = (...path: PropertyKey[]) => r.locate(path);
  const self = known.articles.byKey.get(v.externalId)!;
  const agent = (ref: Reference | null, ...path: PropertyKey[]) => {
    const found = ref ? resolver.agent(ref, at(...path)) : null;
    return found ? { id: found.id, name: found.name } : null;
  };
  const present = <T>(list: (T | null)[]) => list.filter((x): x is T => x !== null);
  const laws = present(v.laws.map((l, i) => resolver.law(l, at("laws", i))));
  const unique = <T, K>(list: T[], key: (x: T) => K) => [...new Map(list.map((x) => [key(x), x])).values()];
  // Only those the record names: the laws' own jurisdictions are derived at publication, as for an editor's article.
  const codes = unique(v.jurisdictions, (c) => c);
  return {
    schemaVersion: articleSnapshotVersion,
    slug: self.slug,
    kind: v.kind,
    title: v.title,
    body: v.body,
    lang: v.lang,
    originalDate: v.originalDate,
    originalUrl: v.originalUrl,
    authors: unique(present(v.authors.map((a, i) => agent(a, "authors", i))), (a) => a.id),
    publisher: agent(v.publisher, "publisher"),
    creditedAgent: agent(v.creditedAgent, "creditedAgent"),
    laws: unique(laws, (l) => l.id)
      .map((l) => ({ id: l.id, title: l.title, jurisdictionCode: l.jurisdictionCode }))
      .sort((a, b) => a.title.localeCompare(b.title) || a.id - b.id),
    topics: unique(present(v.topics.map((t, i) => resolver.topic(t.slug, at("topics", i)))), (t) => t.id)
      .map(({ id, name }) => ({ id, name }))
      .sort(byName),
    jurisdictions: present(codes.map((code, i) => resolver.jurisdiction(code, at("jurisdictions", i)))).sort(byName),
    sources: unique(present(v.sources.map((s, i) => resolver.source(s, null, null, at("sources", i)))), (s) => s.id)
      .sort((a, b) => a.title.localeCompare(b.title) || a.id - b.id)
      .map(({ id, title }) => ({ id, title })),
    // Files are not in the import's shape: they stay as they are.
    attachments,
  };
}

async function markChangedTopics(tx: Tx, topics: PlannedTopic[]) {
  const existing = topics.filter((t) => t.action !== "create");
  if (!existing.length) return;
  const { rows } = await tx.execute<{ slug: string; name: string; description: string; parent_id: number | null }>(
    sql`select slug, name, description, parent_id from topics where slug in (${sql.join(
      existing.map((t) => sql`${t.key}`),
      sql`, `,
    )})`,
  );
  const bySlug = new Map(rows.map((r) => [r.slug, r]));
  for (const t of existing) {
    const now = bySlug.get(t.key);
    const same =
      now &&
      now.name === t.record.name &&
      now.description === t.record.description &&
      (now.parent_id === null ? null : Number(now.parent_id)) === t.parentId;
    t.action = same ? "unchanged" : "update";
  }
}

async function markChangedSources(tx: Tx, sources: PlannedSource[]) {
  const existing = sources.filter((s) => s.action !== "create");
  if (!existing.length) return;
  const { rows } = await tx.execute<{
    id: number;
    title: string;
    url: string;
    archived_url: string;
    accessed_on: string | null;
    note: string;
  }>(
    sql`select id, title, url, archived_url, accessed_on::text, note from sources where id in (${sql.join(
      existing.map((s) => sql`${s.id}`),
      sql`, `,
    )})`,
  );
  const byId = new Map(rows.map((r) => [Number(r.id), r]));
  for (const s of existing) {
    const now = byId.get(s.id);
    const same =
      now &&
      now.title === s.source.title &&
      now.url === s.source.url &&
      now.archived_url === s.source.archivedUrl &&
      (now.accessed_on ?? null) === s.source.accessedOn &&
      now.note === s.source.note;
    s.action = same ? "unchanged" : "update";
  }
}

/**
 * An item whose working revision already records what the record says is left as it is. A few
 * hundred at a time: ten thousand snapshots at once would not fit the server's memory.
 */
async function markChangedItems<S>(tx: Tx, type: ContentType, items: PlannedItem<S>[]) {
  const existing = items.filter((i) => !i.createdNew);
  for (let start = 0; start < existing.length; start += 500) {
    const chunk = existing.slice(start, start + 500);
    const { rows } = await tx.execute<{ item_id: number; snapshot: unknown }>(
      sql`select e.item_id, r.snapshot from editorial_items e join revisions r on r.id = e.working_revision_id
          where e.item_type = ${type} and e.item_id in (${sql.join(
            chunk.map((i) => sql`${i.id}`),
            sql`, `,
          )})`,
    );
    const current = new Map(rows.map((r) => [Number(r.item_id), comparable(parseSnapshot(type, r.snapshot))]));
    for (const item of chunk)
      item.action =
        current.get(item.id) === comparable(item.snapshot as Record<string, unknown>) ? "unchanged" : "update";
  }
}

/** A snapshot without the ids of its own rows (events, accounts, texts, relations), which a new import numbers afresh. */
function comparable(snapshot: Record<string, unknown>): string {
  type Rows = { id: number; accounts?: { id: number }[] }[] | undefined;
  const renumbered = (rows: Rows) =>
    rows?.map((row) => ({ ...row, id: 0, accounts: row.accounts?.map((a) => ({ ...a, id: 0 })) }));
  // Linked records by id: the database lists them by name in its own collation.
  const byId = (rows: Rows) => rows && [...rows].sort((a, b) => a.id - b.id);
  return canonicalJson({
    ...snapshot,
    events: renumbered(snapshot.events as Rows),
    texts: renumbered(snapshot.texts as Rows),
    relations: renumbered(snapshot.relations as Rows),
    topics: byId(snapshot.topics as Rows),
    sources: byId(snapshot.sources as Rows),
    authors: snapshot.authors,
    laws: byId(snapshot.laws as Rows),
    jurisdictions: snapshot.jurisdictions,
  });
}
