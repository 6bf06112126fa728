import { sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { slugify } from "@/lib/text";
import { jurisdictionTable, topicTable, type Lang } from "../bench/synthetic-archive";
import type { BulkWriter, Table } from "@/modules/system/bulk/writer";
import type { Ids } from "@/modules/system/bulk/ids";
import type { Random } from "./random";

export type Jurisdiction = { code: string; name: string; weight: number; lang: Lang };
export type Topic = { id: number; name: string };
export type Source = { id: number; title: string; url: string; archivedUrl: string };

/** The shared vocabularies: jurisdictions and topics (which the demo content may share), and sources. */
export type Vocabulary = { jurisdictions: Jurisdiction[]; topics: Topic[]; sources: Source[] };

const broader = ["Human rights", "Public finance", "State and society", "Justice", "Environment and resources"];

const jurisdictionRows: Table = {
  name: "jurisdictions",
  fields: "code text, name text, kind jurisdiction_kind",
  ignoreExisting: true,
};
const topicRows: Table = {
  name: "topics",
  fields: "id int, slug text, name text, parent_id int, description text",
  identity: true,
};
const sourceRows: Table = {
  name: "sources",
  fields:
    "id int, title text, url text, accessed_on date, archived_url text, created_at timestamptz, updated_at timestamptz",
  identity: true,
};

/** Topics already in the archive (by slug) are reused, not made twice. */
export async function writeVocabulary(tx: Tx, out: BulkWriter, ids: Ids, rng: Random, sourceCount: number) {
  for (const [code, name, kind] of jurisdictionTable) await out.add(jurisdictionRows, { code, name, kind });
  await out.flush();
  const names = await tx.execute<{ code: string; name: string }>(sql`select code, name from jurisdictions`);
  const nameOf = new Map(names.rows.map((r) => [r.code, r.name]));
  const jurisdictions = jurisdictionTable
    .filter(([, , , weight]) => weight > 0)
    .map(([code, , , weight, lang]) => ({ code, name: nameOf.get(code)!, weight, lang }));

  const existing = await tx.execute<{ id: number; slug: string; name: string }>(sql`select id, slug, name from topics`);
  const bySlug = new Map(existing.rows.map((r) => [r.slug, { id: Number(r.id), name: r.name }]));
  const topic = async (name: string, parentId: number | null) => {
    const slug = slugify(name);
    const found = bySlug.get(slug);
    if (found) return found;
    const made = { id: ids.next("topics"), name };
    bySlug.set(slug, made);
    await out.add(topicRows, {
      id: made.id,
      slug,
      name,
      parent_id: parentId,
      description: `Laws and commentary on ${name.toLowerCase()}.`,
    });
    return made;
  };
  const parents = [];
  for (const name of broader) parents.push(await topic(name, null));
  const topics: Topic[] = [];
  for (const [index, [, english]] of topicTable.entries())
    topics.push(
      await topic(
        english.replace(/^the /, "").replace(/^./, (c) => c.toUpperCase()),
        parents[index % parents.length]!.id,
      ),
    );

  const sources: Source[] = [];
  for (let i = 0; i < sourceCount; i++) {
    const id = ids.next("sources");
    const title = `${rng.capital(rng.words(2, 4))} ${rng.pick(["register", "gazette", "bulletin", "report", "archive"])} No. ${id}`;
    const url = `https://example.org/sources/${id}`;
    const archivedUrl = rng.chance(0.3) ? `https://archive.example.org/${id}` : "";
    sources.push({ id, title, url, archivedUrl });
    const at = new Date(Date.UTC(2012 + (id % 14), id % 12, 1 + (id % 28))).toISOString();
    await out.add(sourceRows, {
      id,
      title,
      url,
      accessed_on: at.slice(0, 10),
      archived_url: archivedUrl,
      created_at: at,
      updated_at: at,
    });
  }
  return { jurisdictions, topics, sources } satisfies Vocabulary;
}
