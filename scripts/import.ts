import fs from "node:fs";
import path from "node:path";
import { commandLineActor } from "@/modules/auth/context";
import { importArchive } from "@/modules/system/import/run";
import { formatReport } from "@/modules/system/import/summary";
import type { ImportFile } from "@/modules/system/import/report";
import { runCli } from "./cli";
import { readFileArgument } from "./file-argument";

const usage =
  "Usage: npm run import -- PATH [--dry-run] [--publish]   (PATH: a .json file in the API's shape, a .csv file, or a folder of CSV files; docs/import-format.md)";

const { file, flags } = readFileArgument(usage, ["dry-run", "publish"]);

function readFiles(target: string): ImportFile[] {
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  if (!stat) throw new Error(`There is no file or folder ${target}.`);
  const names = stat.isDirectory()
    ? fs
        .readdirSync(target)
        .filter((name) => /\.(csv|json)$/i.test(name))
        .sort()
        .map((name) => path.join(target, name))
    : [target];
  if (!names.length) throw new Error(`${target} holds no .csv or .json file.`);
  return names.map((name) => ({ name: path.basename(name), text: fs.readFileSync(name, "utf8") }));
}

await runCli(async ({ db, location }) => {
  const files = readFiles(file);
  const dryRun = flags.has("dry-run");
  let last = "";
  const report = await importArchive(
    { db, actor: commandLineActor },
    files,
    { dryRun, publish: flags.has("publish") },
    (p) => {
      const line = `${p.phase} ${p.done.toLocaleString("en")}/${p.total.toLocaleString("en")}`;
      if (line !== last && p.total > 0 && (p.done === p.total || p.phase !== "reading")) console.error(line);
      last = line;
    },
  );
  console.log(`${dryRun || report.errors.length ? "Checked" : "Imported into"} ${location}:`);
  console.log(formatReport(report));
  if (report.errors.length) process.exitCode = 1;
});
