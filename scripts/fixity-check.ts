import { checkFixity, fixityFailed } from "@/modules/files/fixity";
import { fileStore } from "@/modules/files/storage";
import { runCli } from "./cli";

await runCli(async ({ db }) => {
  const store = fileStore();
  const report = await checkFixity(db, store);
  const size = `${(report.bytes / 1024 / 1024).toFixed(1)} MB`;
  for (const { sha256, found } of report.changed) console.error(`CHANGED  ${sha256} now hashes to ${found}`);
  for (const sha256 of report.missing) console.error(`MISSING  ${sha256}`);
  for (const { sha256, recorded, stored } of report.wrongSize)
    console.error(`SIZE     ${sha256}: ${stored} bytes stored, ${recorded} on record`);
  for (const sha256 of report.unknown) console.log(`note: ${sha256} is in the ${store.kind} store but not on record`);
  if (report.unattached.length) console.log(`note: ${report.unattached.length} stored file(s) are attached to nothing`);
  if (fixityFailed(report)) {
    console.error(
      `Fixity check FAILED: ${report.changed.length + report.missing.length + report.wrongSize.length} of ${report.checked} files are damaged or missing.`,
    );
    process.exitCode = 1;
  } else
    console.log(
      `Fixity check passed: ${report.checked} files (${size}) hash to their names in the ${store.kind} store.`,
    );
});
