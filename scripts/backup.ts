import { fileStore } from "@/modules/files/storage";
import { writeBackup } from "@/modules/system/backup/backup";
import { backupFiles, filesFolderFor } from "@/modules/system/backup/files";
import { runCli } from "./cli";
import { readFileArgument } from "./file-argument";
import { reportFilesCopy } from "./files-report";

const usage =
  "Usage: npm run backup -- FILE [--with-password-hashes] [--with-files]   (FILE: a new file, such as marginalia.backup.jsonl.gz; --with-files also copies the attached files' bytes into FILE.files/)";

const { file, flags } = readFileArgument(usage, ["with-password-hashes", "with-files"]);

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
  if (flags.has("with-files")) {
    const folder = filesFolderFor(file);
    const copied = await backupFiles(db, fileStore(), folder);
    if (!reportFilesCopy(copied, `to ${folder}`)) process.exitCode = 1;
  } else {
    console.log(
      "The attached files' bytes are not in the file (--with-files to copy them beside it); back up the file store (DATA_DIR/files, or the bucket) with it.",
    );
  }
});
