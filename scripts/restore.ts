import { openUnmigratedDatabase } from "@/db";
import { checkFixity, fixityFailed } from "@/modules/files/fixity";
import { fileStore, incomingFolder } from "@/modules/files/storage";
import { restoreFiles } from "@/modules/system/backup/files";
import { restoreBackup } from "@/modules/system/backup/restore";
import { runCli } from "./cli";
import { readFileArgument } from "./file-argument";
import { reportFilesCopy } from "./files-report";

const usage =
  "Usage: npm run restore -- FILE [--files FOLDER]   (into an empty database: a new DATA_DIR, or a new PostgreSQL database; --files: the folder `backup --with-files` wrote, FILE.files)";

const { file, values } = readFileArgument(usage, [], ["files"]);

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
  const store = fileStore();
  if (values.files) {
    const copied = await restoreFiles(database.db, store, values.files, incomingFolder());
    if (!reportFilesCopy(copied, `from ${values.files} into the ${store.kind} store`)) process.exitCode = 1;
    return;
  }
  const fixity = await checkFixity(database.db, store);
  if (fixityFailed(fixity)) {
    console.error(
      `Warning: ${fixity.missing.length + fixity.changed.length + fixity.wrongSize.length} of the ${fixity.checked} stored files the backup records are missing or damaged in the ${store.kind} store; readers get 404 for them until they are back. Restore them with --files ${file}.files (written by backup --with-files), or put the file store back, then run npm run fixity:check.`,
    );
  } else if (fixity.checked > 0) {
    console.log(`The ${fixity.checked} stored files the backup records are in the ${store.kind} store, intact.`);
  }
}, openUnmigratedDatabase);
