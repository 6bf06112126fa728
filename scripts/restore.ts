import { parseArgs } from "node:util";
import { openUnmigratedDatabase } from "@/db";
import { restoreBackup } from "@/modules/system/backup/restore";
import { runCli } from "./cli";

const usage = "Usage: npm run restore -- FILE   (into an empty database: a new DATA_DIR, or a new PostgreSQL database)";

function readArgs() {
  try {
    return parseArgs({ options: { help: { type: "boolean" } }, allowPositionals: true, strict: true });
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
    process.exit(2);
  }
}

const { values, positionals } = readArgs();
if (values.help || positionals.length !== 1) {
  console.error(usage);
  process.exit(values.help ? 0 : 2);
}
const file = positionals[0]!;

await runCli(async (database) => {
  const started = performance.now();
  const summary = await restoreBackup(database, file);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `Restored ${file} into ${database.location}: ${summary.rows} rows in ${summary.tables} tables, in ${seconds} s.`,
  );
  if (!summary.passwordHashes && summary.users > 0) {
    console.log(
      `The backup had no password hashes: none of its ${summary.users} account(s) can sign in yet. Create an admin with\n` +
        "  npm run user:create -- --email you@example.org --role admin\n" +
        "then reset each user's password under Admin > Users.",
    );
  }
}, openUnmigratedDatabase);
