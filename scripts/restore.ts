import { openUnmigratedDatabase } from "@/db";
import { restoreBackup } from "@/modules/system/backup/restore";
import { runCli } from "./cli";
import { readFileArgument } from "./file-argument";

const usage = "Usage: npm run restore -- FILE   (into an empty database: a new DATA_DIR, or a new PostgreSQL database)";

const { file } = readFileArgument(usage);

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
