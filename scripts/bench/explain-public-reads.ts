/**
 * What each public read costs in the database at archive scale (issue 13): on a scratch
 * PostgreSQL database it loads a synthetic archive (synthetic-archive.ts, synthetic-commentary.ts),
 * lets the code under test write its public read model (backfillPublicIndex, as at start), runs
 * every public read once while recording its SQL, then runs each statement under
 * EXPLAIN (ANALYZE, BUFFERS) and prints a table: time of the first run, time warm, pages touched,
 * plan node types, and any sequential scan of a big table. A benchmark, never a test.
 *
 *   source .ci/postgres.sh && pg_throwaway_start && DATABASE_URL=$PG_THROWAWAY_URL node --conditions=react-server --import tsx scripts/bench/explain-public-reads.ts; pg_throwaway_stop
 *
 * See scripts/bench/README.md.
 */
import fs from "node:fs";
import { parseArgs } from "node:util";
import pg from "pg";
import { describeError } from "@/lib/describe-error";
import { createScratchDatabase } from "@/tests/scratch";
import { machineLine } from "./machine";
import { searchWords } from "./search-words";
import { broadWord, hotLaw, seedCommentary } from "./synthetic-commentary";
import { seedSyntheticArchive } from "./synthetic-archive";

const args = parseArgs({
  options: {
    laws: { type: "string", default: "15400" },
    articles: { type: "string", default: "50000" },
    agents: { type: "string", default: "3000" },
    keep: { type: "boolean", default: false },
    "database-ready": { type: "boolean", default: false },
    out: { type: "string" },
  },
  strict: true,
}).values;
const settings = { laws: Number(args.laws), articles: Number(args.articles), agents: Number(args.agents) };

const serverUrl = process.env.DATABASE_URL;
if (!serverUrl || !/^postgres(ql)?:\/\//.test(serverUrl)) {
  console.error("DATABASE_URL must name a PostgreSQL server (postgres://…); see scripts/bench/README.md.");
  process.exit(2);
}

// Every statement the app sends while `recording` is set, with its parameters.
type Statement = { text: string; values: unknown[] };
let recording: Statement[] | null = null;
const query = pg.Pool.prototype.query;
pg.Pool.prototype.query = function (this: pg.Pool, ...params: unknown[]) {
  const [config, values] = params as [string | { text: string; values?: unknown[] }, unknown[] | undefined];
  if (recording) {
    const text = typeof config === "string" ? config : config.text;
    recording.push({ text, values: (typeof config === "string" ? values : (config.values ?? values)) ?? [] });
  }
  return (query as (...p: unknown[]) => unknown).apply(this, params);
} as typeof pg.Pool.prototype.query;

const log = (line: string) => console.error(`[bench] ${line}`);

async function main() {
  // --database-ready: the archive DATABASE_URL names (say, filled by `npm run seed:synthetic`), read as it is.
  const scratch = args["database-ready"] ? null : await createScratchDatabase(serverUrl!, "bench_explain");
  // The app's own database handle (getDatabase) opens the scratch database: the proxy's lookups use it.
  if (scratch) process.env.DATABASE_URL = scratch.url;
  const cleanup = async () => (!scratch ? undefined : args.keep ? log(`kept ${scratch.url}`) : scratch.drop());
  try {
    const { getDatabase } = await import("@/db");
    const database = await getDatabase();
    const { db } = database;
    const pool = database.pool!;
    if (scratch) await load(db, pool);
    const sizes = await pool.query(
      `select (select count(*) from revisions) as revisions,
        (select count(*) from publications where item_type = 'law' and gone_at is null) as laws,
        (select count(*) from publications where item_type = 'article' and gone_at is null) as articles,
        pg_size_pretty(pg_database_size(current_database())) as size, current_setting('server_version') as version`,
    );
    const big = new Set(
      (await pool.query(`select relname from pg_class where relkind = 'r' and reltuples > 5000`)).rows.map(
        (r: { relname: string }) => r.relname,
      ),
    );

    const reads = await publicReads(db, pool);
    const report: string[] = [];
    const s = sizes.rows[0];
    report.push(
      `# Public reads at scale: EXPLAIN (ANALYZE, BUFFERS)\n`,
      `${machineLine()}; PostgreSQL ${s.version}; ${Number(s.revisions).toLocaleString("en")} revisions, ${Number(s.laws).toLocaleString("en")} live laws, ${Number(s.articles).toLocaleString("en")} live articles; database ${s.size}.\n`,
      "| read | statements | first run ms | warm ms | pages | slowest statement ms | plan nodes | seq scans of big tables |",
      "| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |",
    );
    for (const [name, run] of reads) {
      recording = [];
      try {
        await run();
      } catch (error) {
        recording = null;
        report.push(`| ${name} | failed: ${describeError(error)} | | | | | | |`);
        continue;
      }
      const statements = recording.filter((st) => /^\s*(select|with)\b/i.test(st.text));
      recording = null;
      let first = 0;
      let warm = 0;
      let pages = 0;
      let slowest = 0;
      const nodes = new Set<string>();
      const seqScans = new Set<string>();
      for (const st of statements) {
        const runs = [];
        for (let i = 0; i < 3; i++) runs.push(await explain(pool, st));
        first += runs[0]!.ms;
        warm += Math.min(runs[1]!.ms, runs[2]!.ms);
        pages += runs[0]!.pages;
        slowest = Math.max(slowest, runs[0]!.ms);
        for (const n of runs[0]!.nodes) nodes.add(n);
        for (const t of runs[0]!.seqScans) if (big.has(t)) seqScans.add(t);
      }
      report.push(
        `| ${name} | ${statements.length} | ${first.toFixed(1)} | ${warm.toFixed(1)} | ${pages.toLocaleString("en")} | ${slowest.toFixed(1)} | ${[...nodes].sort().join(", ")} | ${[...seqScans].map((t) => `**${t}**`).join(", ")} |`,
      );
      log(`${name}: ${first.toFixed(1)} ms first, ${warm.toFixed(1)} ms warm`);
    }
    const text = report.join("\n") + "\n";
    console.log(text);
    if (args.out) fs.writeFileSync(args.out, text);
    await database.close();
  } finally {
    await cleanup();
  }
}

/** The synthetic archive of this script, and the public read model written by the code under test. */
async function load(db: import("@/db").Db, pool: pg.Pool) {
  const { createUser } = await import("@/modules/users/create");
  const { commandLineActor } = await import("@/modules/auth/context");
  const { user } = await createUser(
    { db, actor: commandLineActor },
    { email: "bench@marginalia.local", name: "Bench", role: "editor" },
  );
  let t0 = Date.now();
  const laws = await seedSyntheticArchive(pool, { count: settings.laws, createdById: user.id });
  const commentary = await seedCommentary(pool, { ...settings, createdById: user.id });
  log(`loaded ${laws.laws} laws, ${commentary.articles} articles, ${commentary.agents} agents in ${sec(t0)}`);
  t0 = Date.now();
  const { backfillPublicIndex } = await import("@/modules/system/backfill");
  const written = await backfillPublicIndex(db);
  log(`backfillPublicIndex wrote ${written} items' public rows in ${sec(t0)}`);
  await pool.query("vacuum analyze");
}

type Explained = { ms: number; pages: number; nodes: string[]; seqScans: string[] };

async function explain(pool: pg.Pool, statement: Statement): Promise<Explained> {
  const { rows } = await (query as (this: pg.Pool, text: string, values: unknown[]) => Promise<pg.QueryResult>).call(
    pool,
    `explain (analyze, buffers, format json) ${statement.text}`,
    statement.values,
  );
  const plan = (
    rows as { "QUERY PLAN": [{ Plan: PlanNode; "Execution Time": number; "Planning Time": number }] }[]
  )[0]!["QUERY PLAN"][0];
  const nodes: string[] = [];
  const seqScans: string[] = [];
  const walk = (node: PlanNode) => {
    nodes.push(node["Node Type"]);
    if (node["Node Type"] === "Seq Scan" && node["Relation Name"]) seqScans.push(node["Relation Name"]);
    for (const child of node.Plans ?? []) walk(child);
  };
  walk(plan.Plan);
  return {
    ms: plan["Execution Time"] + plan["Planning Time"],
    pages: (plan.Plan["Shared Hit Blocks"] ?? 0) + (plan.Plan["Shared Read Blocks"] ?? 0),
    nodes,
    seqScans,
  };
}

type PlanNode = {
  "Node Type": string;
  "Relation Name"?: string;
  "Shared Hit Blocks"?: number;
  "Shared Read Blocks"?: number;
  Plans?: PlanNode[];
};

/**
 * Every public page type's reads, by the module functions the pages call (their uncached
 * readings), on addresses that are heavy at this scale: the most discussed law, the busiest agent
 * and topic, the largest jurisdiction, a broad search.
 */
async function publicReads(db: import("@/db").Db, pool: pg.Pool): Promise<[string, () => Promise<unknown>][]> {
  const law = await import("@/modules/public/law");
  const article = await import("@/modules/public/article");
  const articlesIndex = await import("@/modules/public/articles-index");
  const lawIndex = await import("@/modules/public/law-index");
  const { lawIndexQuery } = await import("@/modules/public/law-index-url");
  const agent = await import("@/modules/public/agent");
  const topic = await import("@/modules/public/topic");
  const jurisdiction = await import("@/modules/public/jurisdiction");
  const sitemap = await import("@/modules/public/sitemap");
  const syndication = await import("@/modules/public/syndication");
  const search = await import("@/modules/public/search");
  const { searchQuery } = await import("@/modules/public/search-url");
  const addresses = await import("@/modules/public/addresses");
  const { parseArticleSnapshot } = await import("@/modules/articles/snapshot-schema");
  const one = async (text: string, values: unknown[] = []) => (await pool.query(text, values)).rows[0];
  // On a ready archive the heaviest items are found in its read model; this script's own archive
  // knows them by construction.
  const ready = args["database-ready"];
  const hotId = ready
    ? (
        await one(
          `select l.to_id as n from public_links l join publications p on p.item_type = 'law' and p.item_id = l.to_id and p.gone_at is null
           where l.from_type = 'article' and l.to_type = 'law' group by l.to_id order by count(*) desc limit 1`,
        )
      ).n
    : await hotLaw(pool);
  const hot = await one(`select scope, slug from publications where item_type = 'law' and item_id = $1`, [hotId]);
  const busyArticle = await one(
    `select item_id, slug from publications where item_type = 'article' and gone_at is null order by item_id limit 1 offset 49`,
  );
  const gone = await one(`select slug from publications where item_type = 'article' and gone_at is not null limit 1`);
  const busyAgent = await one(
    ready
      ? `select p.slug from publications p join (select to_id, count(*) as n from public_links where to_type = 'agent' group by to_id) l
         on l.to_id = p.item_id where p.item_type = 'agent' and p.gone_at is null order by l.n desc limit 1`
      : `select slug from publications where item_type = 'agent' and gone_at is null order by item_id limit 1`,
  );
  const busyTopic = await one(
    ready
      ? `select t.slug from topics t join (select value, count(*) as n from public_tags where vocabulary = 'topic' group by value) c
         on c.value = t.id::text order by c.n desc limit 1`
      : `select slug from topics order by id limit 1`,
  );
  const latest = (law as Record<string, unknown>).readLatestLaws as
    ((db: unknown, limit?: number) => Promise<unknown>) | undefined;
  return [
    ["law page (most discussed law)", () => law.readLaw(db, hot.scope, hot.slug)],
    [
      "article page",
      async () => {
        const [doc] = (
          await pool.query(
            `select d.item_id, d.snapshot, d.published_at from live_documents d where d.item_type = 'article' and d.scope = '' and d.slug = $1`,
            [busyArticle.slug],
          )
        ).rows;
        return article.articleView(db, doc.item_id, parseArticleSnapshot(doc.snapshot), doc.published_at);
      },
    ],
    ["articles discussing a law", () => article.articlesDiscussing(db, hotId)],
    ["/articles (page 1 and kind counts)", () => articlesIndex.readArticlesIndex(db, { page: 1 })],
    ["/articles?kind=news&page=50", () => articlesIndex.readArticlesIndex(db, { kind: "news", page: 50 })],
    ["/laws", () => lawIndex.readLawIndex(db, lawIndexQuery.parse({}))],
    ["/laws?jurisdiction=KG", () => lawIndex.readLawIndex(db, lawIndexQuery.parse({ jurisdiction: "KG" }))],
    // Before readLatestLaws existed, the cached function itself (its directives do nothing outside Next).
    [
      "home: latest laws",
      () => (latest ? latest(db, 10) : (law.latestPublishedLaws as (limit: number) => Promise<unknown>)(10)),
    ],
    ["/agents/[slug] (busiest agent)", () => agent.readAgent(db, busyAgent.slug)],
    ["/topics (and home)", () => topic.readTopics(db)],
    ["/topics/[slug]", () => topic.readTopic(db, busyTopic.slug)],
    ["/jurisdictions (and home)", () => jurisdiction.readJurisdictions(db)],
    ["/jurisdictions/kg", () => jurisdiction.readJurisdiction(db, "KG")],
    ["/sitemap.xml?page=n (every address)", () => sitemap.readPublicPages(db)],
    ["/sitemap.xml (past one file: the index, a count)", () => sitemap.readPublicPageCount(db)],
    ["/feed.xml", () => syndication.readFeed(db, {})],
    ["/feed.xml?jurisdiction=KG", () => syndication.readFeed(db, { jurisdiction: "KG" })],
    ["/feed.xml?topic=…", () => syndication.readFeed(db, { topic: busyTopic.slug })],
    [`/search?q=${broadWord}`, () => search.readSearch(db, searchQuery.parse({ q: broadWord }))],
    [`/search?q=${broadWord}&type=law`, () => search.readSearch(db, searchQuery.parse({ q: broadWord, type: "law" }))],
    ["/search?q=agent 12", () => search.readSearch(db, searchQuery.parse({ q: "agent 12" }))],
    [
      "proxy: a live article's address",
      () => addresses.isLiveAddress({ type: "article", slug: busyArticle.slug }).then(() => undefined),
    ],
    ...searchPairs.map((q): [string, () => Promise<unknown>] => [
      `/search?q=${q} (bench:public's new searches)`,
      () => search.readSearch(db, searchQuery.parse({ q })),
    ]),
    ...(gone
      ? [
          [
            "proxy: a withdrawn article's address",
            () => addresses.addressRule({ type: "article", slug: gone.slug }),
          ] as [string, () => Promise<unknown>],
        ]
      : []),
    ["proxy: an old slug", () => addresses.addressRule({ type: "article", slug: "old-article-14" })],
  ];
}

// A sample of the word pairs bench:public searches for, one new pair a request (public-targets.ts).
const searchPairs = [0, 40, 200, 333, 500, 700, 900, 1055].map((i) => {
  const pairs = searchWords.flatMap((a) => searchWords.filter((b) => b !== a).map((b) => `${a} ${b}`));
  return pairs[i % pairs.length]!;
});

const sec = (t0: number) => `${((Date.now() - t0) / 1000).toFixed(1)} s`;

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`explain-public-reads failed: ${describeError(error)}`);
    process.exit(1);
  },
);
