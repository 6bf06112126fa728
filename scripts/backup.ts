import { writeBackup } from "@/modules/system/backup/backup";
import { runCli } from "./cli";
import { readFileArgument } from "./file-argument";

const usage =
  "Usage: npm run backup -- FILE [--with-password-hashes]   (FILE: a new file, such as marginalia.backup.jsonl.gz)";

const { file, flags } = readFileArgument(usage, ["with-password-hashes"]);

await runCli(async ({ db, location }) => {
  const started = performance.now();
  const summary = await writeBackup(db, file, { withPasswordHashes: flags.has("with-password-hashes") });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `Backed up ${location} to ${file}: ${summary.rows} rows in ${summary.tables.length} tables, in ${seconds} s.`,
  );
  console.log(
    summary.passwordHashes
      ? "The file holds the users' password hashes: keep it as safe as the database itself."
      : "The users' password hashes are not in the file (--with-password-hashes to keep them): after a restore, nobody can sign in until an admin account is created (npm run user:create) and resets the others' passwords.",
  );
});
