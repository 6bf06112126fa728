import { parseArgs } from "node:util";
import { writeBackup } from "@/modules/system/backup/backup";
import { runCli } from "./cli";

const usage =
  "Usage: npm run backup -- FILE [--with-password-hashes]   (FILE: a new file, such as marginalia.backup.jsonl.gz)";

function readArgs() {
  try {
    return parseArgs({
      options: { "with-password-hashes": { type: "boolean" }, help: { type: "boolean" } },
      allowPositionals: true,
      strict: true,
    });
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

await runCli(async ({ db, location }) => {
  const started = performance.now();
  const summary = await writeBackup(db, file, { withPasswordHashes: values["with-password-hashes"] });
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
