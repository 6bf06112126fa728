import { sql } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { audit } from "@/modules/audit/record";
import { commandLineActor } from "@/modules/auth/context";
import { deriveArticleTags } from "@/modules/workflow/project-links";
import { tickPublicationClock } from "@/modules/workflow/publication-clock";
import { writeAgents } from "./agents";
import { writeAnnotations } from "./annotations";
import { writeArticles } from "./articles";
import { BulkWriter } from "@/modules/system/bulk/writer";
import { Ids } from "@/modules/system/bulk/ids";
import { writeLaws, type TextTarget } from "./laws";
import { articleDocument, checkRendering, lawDocument } from "./markdown";
import type { SeedOptions } from "./options";
import { Publisher } from "./publication";
import { random } from "./random";
import { writeVocabulary } from "./vocabulary";

export class ArchiveNotEmptyError extends Error {
  constructor(items: number) {
    super(
      `This database already holds ${items.toLocaleString("en")} laws, articles, agents or annotations. ` +
        "Run with --append to add the synthetic archive to them, or seed an empty database (a new DATA_DIR, or another DATABASE_URL).",
    );
  }
}

export type Phase = { name: string; ms: number; detail: string };
export type SeedReport = { phases: Phase[]; counts: Record<string, number>; totalMs: number };

// Tables the load fills, whose GIN indexes (trigram, full text, arrays) are built once at the end:
// several times faster than keeping them up to date row by row.
const filled = [
  "laws",
  "law_titles",
  "law_identifiers",
  "agents",
  "articles",
  "sources",
  "public_laws",
  "public_search",
];

/**
 * Loads a synthetic archive in one transaction (all or nothing), then VACUUM ANALYZE. `log` gets
 * a line as each phase ends.
 */
export async function seedSynthetic(
  db: Db,
  options: SeedOptions,
  log: (phase: Phase) => void = () => {},
): Promise<SeedReport> {
  const started = Date.now();
  const phases: Phase[] = [];
  let mark = Date.now();
  const phase = (name: string, detail: string) => {
    const done = { name, ms: Date.now() - mark, detail };
    phases.push(done);
    log(done);
    mark = Date.now();
  };
  const counts: Record<string, number> = {};
  await db.transaction(async (tx) => {
    const [existing] = (await tx.execute<{ n: number }>(sql`select count(*)::int as n from editorial_items`)).rows;
    if (Number(existing!.n) > 0 && !options.append) throw new ArchiveNotEmptyError(Number(existing!.n));
    checkRenderings(options.seed);
    const deferred = await dropIndexes(tx);
    const rng = random(options.seed);
    const ids = await Ids.load(tx);
    const out = new BulkWriter(tx);
    const publisher = new Publisher(out, ids);
    const vocabulary = await writeVocabulary(tx, out, ids, rng, Math.max(20, Math.round(options.laws / 10)));
    await out.flush();
    phase(
      "vocabulary",
      `${vocabulary.jurisdictions.length} jurisdictions, ${vocabulary.topics.length} topics, ${vocabulary.sources.length} sources`,
    );

    const agents = await writeAgents(out, publisher, ids, rng, {
      count: options.agents,
      draftShare: options.draftShare,
      jurisdictions: vocabulary.jurisdictions,
    });
    await out.flush();
    phase("agents", `${agents.length} (${agents.filter((a) => a.live).length} live)`);

    const targets: TextTarget[] = [];
    const laws = await writeLaws(out, publisher, ids, rng, {
      count: options.laws,
      draftShare: options.draftShare,
      vocabulary,
      agents,
      onText: (t) => targets.push(t),
    });
    await out.flush();
    phase("laws", `${laws.length} (${laws.filter((l) => l.live).length} live), ${targets.length} texts`);

    const liveArticles = await writeArticles(out, publisher, ids, rng, {
      count: options.articles,
      draftShare: options.draftShare,
      vocabulary,
      agents,
      laws,
      onText: (t) => targets.push(t),
    });
    await out.flush();
    // As publishing does after an article's own rows: the topics and jurisdictions of the live laws it discusses.
    await deriveArticleTags(tx, liveArticles);
    // This load's articles have the highest ids: an appended load counts only its own.
    const [derived] = (
      await tx.execute<{ n: number }>(
        sql`select count(*)::int as n from public_tags where item_type = 'article' and not direct and item_id >= ${liveArticles[0] ?? 0}`,
      )
    ).rows;
    phase("articles", `${options.articles} (${liveArticles.length} live), ${derived!.n} tags from the laws discussed`);

    const notes = await writeAnnotations(out, publisher, ids, rng, {
      count: options.annotations,
      draftShare: options.draftShare,
      targets,
      laws,
      agents,
      sources: vocabulary.sources,
    });
    await out.flush();
    phase("annotations", `${options.annotations} (${notes.live} live, ${notes.public} shown on public pages)`);

    // What publishing adds besides the rows above: the search vocabulary, the clock caches key on, the identities.
    await tx.execute(
      sql`insert into search_words (word) select distinct w from public_search, unnest(string_to_array(names, ' ')) as w where length(w) >= 3 on conflict do nothing`,
    );
    await tickPublicationClock(tx);
    await ids.commit(tx);
    for (const [table, n] of out.counts) counts[table] = n;
    counts.public_tags = (counts.public_tags ?? 0) + Number(derived!.n);
    await audit(tx, {
      actor: commandLineActor,
      action: "archive.synthetic_seed",
      targetType: "archive",
      targetId: "synthetic",
      details: { options: { ...options }, rows: counts },
    });
    phase("publication", "search vocabulary, publication clock, identities, one audit entry");

    await tx.execute(sql`set local maintenance_work_mem = '256MB'`);
    for (const index of deferred) await tx.execute(sql.raw(index.definition));
    phase("indexes", `${deferred.length} GIN indexes built`);
  });
  await db.execute(sql`vacuum analyze`);
  phase("vacuum", "VACUUM ANALYZE");
  return { phases, counts, totalMs: Date.now() - started };
}

async function dropIndexes(tx: Tx): Promise<{ name: string; definition: string }[]> {
  const { rows } = await tx.execute<{ name: string; definition: string }>(
    sql`select indexname as name, indexdef as definition from pg_indexes
        where schemaname = current_schema() and indexdef like '%USING gin%'
          and tablename in (${sql.join(
            filled.map((t) => sql`${t}`),
            sql`, `,
          )})`,
  );
  for (const index of rows) await tx.execute(sql.raw(`drop index "${index.name}"`));
  return rows;
}

/** The texts are built beside their Markdown; a few are rendered by the product to check they agree. */
function checkRenderings(seed: number) {
  const rng = random(seed ^ 0x5eed);
  for (let i = 0; i < 3; i++) {
    checkRendering(lawDocument(rng, i % 2 === 0, 3_000), "law text");
    checkRendering(articleDocument(rng, 3_000), "article");
  }
}
