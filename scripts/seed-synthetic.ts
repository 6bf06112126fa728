/**
 * Fills the archive's database with a made-up archive in bulk, for benchmarks and trying the
 * product at scale (issue 13). See scripts/bench/README.md and `npm run seed:synthetic -- --help`.
 */
import { sql } from "drizzle-orm";
import { runCli } from "./cli";
import { OptionsError, parseSeedArgs, usage } from "./synthetic/options";
import { seedSynthetic } from "./synthetic/seed";

let options;
try {
  options = parseSeedArgs(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof OptionsError)) throw error;
  console.error(`${error.message}\n\n${usage}`);
  process.exit(2);
}
if (options === "help") {
  console.log(usage);
  process.exit(0);
}
const chosen = options;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

await runCli(async ({ db, location, driver }) => {
  console.log(
    `Seeding ${chosen.laws} laws, ${chosen.articles} articles, ${chosen.annotations} annotations and ${chosen.agents} agents (seed ${chosen.seed}, draft share ${chosen.draftShare}) into ${driver === "pglite" ? "the embedded database in" : "PostgreSQL at"} ${location}…`,
  );
  const report = await seedSynthetic(db, chosen, (phase) =>
    console.log(`  ${phase.name.padEnd(12)} ${seconds(phase.ms).padStart(8)}  ${phase.detail}`),
  );
  const { rows } = await db.execute<{ size: string }>(
    // pg_database_size is the whole database, as an operator would see it on disk.
    sql`select pg_size_pretty(pg_database_size(current_database())) as size`,
  );
  const total = Object.values(report.counts).reduce((a, b) => a + b, 0);
  console.log(
    `Done in ${seconds(report.totalMs)}: ${total.toLocaleString("en")} rows in ${Object.keys(report.counts).length} tables; database size ${rows[0]?.size}.`,
  );
  for (const [table, n] of Object.entries(report.counts).sort(([, a], [, b]) => b - a))
    console.log(`  ${table.padEnd(24)} ${n.toLocaleString("en").padStart(10)}`);
});
