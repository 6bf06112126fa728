import { fixityFailed } from "@/modules/files/fixity";
import type { FilesCopy } from "@/modules/system/backup/files";

/** What a copy of the files did, in a line or two; false when it left a file behind or damaged. */
export function reportFilesCopy(copy: FilesCopy, where: string): boolean {
  const size = `${(copy.bytes / 1024 / 1024).toFixed(1)} MB`;
  console.log(`Copied ${copy.copied} stored files (${size}) ${where}.`);
  for (const sha256 of copy.missing) console.error(`MISSING  ${sha256} was not in the store copied from`);
  for (const { sha256, found } of copy.damaged)
    console.error(`DAMAGED  ${sha256} is damaged in the store copied from (it hashes to ${found}): not copied`);
  const { fixity } = copy;
  for (const { sha256, found } of fixity.changed) console.error(`CHANGED  ${sha256} now hashes to ${found}`);
  for (const sha256 of fixity.missing) console.error(`MISSING  ${sha256}`);
  for (const { sha256 } of fixity.wrongSize) console.error(`SIZE     ${sha256}`);
  const ok = copy.missing.length === 0 && copy.damaged.length === 0 && !fixityFailed(fixity);
  console.log(
    ok
      ? `Fixity check of the copy passed: ${fixity.checked} files hash to their names.`
      : "Fixity check of the copy FAILED: see the files above.",
  );
  return ok;
}
