import { sql } from "drizzle-orm";
import type { Tx } from "@/db";

export type Named = { id: number; name: string };
export type KnownSource = { id: number; title: string; url: string; archivedUrl: string };
export type KnownLaw = { id: number; title: string; jurisdictionCode: string; slug: string };
export type KnownArticle = { id: number; slug: string };
export type KnownAgent = { id: number; name: string; slug: string };

/**
 * What the archive already holds that an import may refer to or update, read once: references
 * then resolve in memory, however many records the file has.
 */
export type Known = {
  jurisdictions: Map<string, string>;
  topics: Map<string, Named>;
  sources: { byKey: Map<string, KnownSource>; byUrl: Map<string, KnownSource>; byTitle: Map<string, KnownSource> };
  agents: { byKey: Map<string, KnownAgent>; bySlug: Map<string, KnownAgent>; byName: Map<string, KnownAgent> };
  laws: { byKey: Map<string, KnownLaw>; byAddress: Map<string, KnownLaw>; byTitle: Map<string, KnownLaw> };
  articles: { byKey: Map<string, KnownArticle> };
  /** Figures by the external id an earlier import gave them. */
  figures: Map<string, number>;
  /** Slugs in use or kept for redirects, per type and scope ("law:KG", "agent:", "article:"). */
  slugs: Map<string, Set<string>>;
};

export const lawAddress = (jurisdictionCode: string, slug: string) => `${jurisdictionCode.toUpperCase()}/${slug}`;

async function rows<T>(tx: Tx, query: ReturnType<typeof sql>): Promise<T[]> {
  return (await tx.execute(query)).rows as T[];
}

/** Keys of items deleted since their import are forgotten: the record then makes a new item. */
async function keys(tx: Tx, recordType: string, table: string): Promise<Map<number, string>> {
  const found = await rows<{ external_id: string; item_id: number }>(
    tx,
    sql`select k.external_id, k.item_id from import_keys k join ${sql.raw(table)} x on x.id = k.item_id where k.record_type = ${recordType}`,
  );
  return new Map(found.map((r) => [Number(r.item_id), r.external_id]));
}

export async function loadKnown(tx: Tx): Promise<Known> {
  const jurisdictions = await rows<{ code: string; name: string }>(tx, sql`select code, name from jurisdictions`);
  const topics = await rows<{ id: number; slug: string; name: string }>(tx, sql`select id, slug, name from topics`);
  const sources = await rows<{ id: number; title: string; url: string; archived_url: string }>(
    tx,
    sql`select id, title, url, archived_url from sources order by id`,
  );
  const agents = await rows<{ id: number; slug: string; preferred_name: string }>(
    tx,
    sql`select id, slug, preferred_name from agents order by id`,
  );
  const laws = await rows<{ id: number; title: string; jurisdiction_code: string; slug: string }>(
    tx,
    sql`select id, title, jurisdiction_code, slug from laws order by id`,
  );
  const articles = await rows<{ id: number; slug: string }>(tx, sql`select id, slug from articles order by id`);
  const redirects = await rows<{ item_type: string; scope: string; old_slug: string }>(
    tx,
    sql`select item_type, scope, old_slug from slug_redirects`,
  );

  const known: Known = {
    jurisdictions: new Map(jurisdictions.map((j) => [j.code, j.name])),
    topics: new Map(topics.map((t) => [t.slug, { id: Number(t.id), name: t.name }])),
    sources: { byKey: new Map(), byUrl: new Map(), byTitle: new Map() },
    agents: { byKey: new Map(), bySlug: new Map(), byName: new Map() },
    laws: { byKey: new Map(), byAddress: new Map(), byTitle: new Map() },
    articles: { byKey: new Map() },
    figures: new Map(),
    slugs: new Map(),
  };
  const takeSlug = (space: string, slug: string) => {
    let set = known.slugs.get(space);
    if (!set) known.slugs.set(space, (set = new Set()));
    set.add(slug);
  };
  // The first of several items with the same name or title is the one a name finds.
  const first = <K, V>(map: Map<K, V>, key: K, value: V) => {
    if (!map.has(key)) map.set(key, value);
  };

  const sourceKeys = await keys(tx, "source", "sources");
  for (const s of sources) {
    const source = { id: Number(s.id), title: s.title, url: s.url, archivedUrl: s.archived_url };
    const key = sourceKeys.get(source.id);
    if (key) known.sources.byKey.set(key, source);
    if (source.url) first(known.sources.byUrl, source.url, source);
    first(known.sources.byTitle, source.title, source);
  }
  const agentKeys = await keys(tx, "agent", "agents");
  for (const a of agents) {
    const agent = { id: Number(a.id), name: a.preferred_name, slug: a.slug };
    const key = agentKeys.get(agent.id);
    if (key) known.agents.byKey.set(key, agent);
    known.agents.bySlug.set(agent.slug, agent);
    first(known.agents.byName, agent.name, agent);
    takeSlug("agent:", agent.slug);
  }
  const lawKeys = await keys(tx, "law", "laws");
  for (const l of laws) {
    const law = { id: Number(l.id), title: l.title, jurisdictionCode: l.jurisdiction_code, slug: l.slug };
    const key = lawKeys.get(law.id);
    if (key) known.laws.byKey.set(key, law);
    known.laws.byAddress.set(lawAddress(law.jurisdictionCode, law.slug), law);
    first(known.laws.byTitle, law.title, law);
    takeSlug(`law:${law.jurisdictionCode}`, law.slug);
  }
  const articleKeys = await keys(tx, "article", "articles");
  for (const a of articles) {
    const article = { id: Number(a.id), slug: a.slug };
    const key = articleKeys.get(article.id);
    if (key) known.articles.byKey.set(key, article);
    takeSlug("article:", article.slug);
  }
  for (const [id, key] of await keys(tx, "figure", "figures")) known.figures.set(key, id);
  for (const r of redirects) takeSlug(`${r.item_type}:${r.scope}`, r.old_slug);
  return known;
}

/** A free slug in its space, taken at once: `base`, else `base-2`… (modules/content/slugs.ts uniqueSlug). */
export function claimSlug(known: Known, space: string, base: string, exceptOwn?: string): string {
  let set = known.slugs.get(space);
  if (!set) known.slugs.set(space, (set = new Set()));
  if (exceptOwn === base) return base;
  let slug = base;
  for (let n = 2; set.has(slug); n++) slug = `${base}-${n}`;
  set.add(slug);
  return slug;
}
