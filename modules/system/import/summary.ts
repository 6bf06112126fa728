import { recordKinds } from "./records";
import type { ImportReport } from "./report";

const shownErrors = 100;

/** A report as plain text, for the command line: counts per type, then every row error (the first hundred). */
export function formatReport(report: ImportReport): string {
  const lines: string[] = [];
  const n = (x: number) => x.toLocaleString("en");
  for (const kind of recordKinds) {
    const c = report.counts[kind];
    if (c.create + c.update + c.unchanged === 0) continue;
    lines.push(`  ${kind.padEnd(9)} ${n(c.create)} new, ${n(c.update)} changed, ${n(c.unchanged)} unchanged`);
  }
  if (!lines.length) lines.push("  No records.");
  if (report.errors.length) {
    lines.push(`${n(report.errors.length)} errors; nothing was written:`);
    for (const e of report.errors.slice(0, shownErrors))
      lines.push(`  ${e.file}${e.row ? `, row ${e.row}` : ""}${e.field ? `, ${e.field}` : ""}: ${e.reason}`);
    if (report.errors.length > shownErrors) lines.push(`  … and ${n(report.errors.length - shownErrors)} more.`);
  } else if (report.dryRun) lines.push("A dry run: nothing was written. Run again without --dry-run to import.");
  else lines.push(report.published ? "Everything imported is published." : "New and changed items are drafts.");
  lines.push(`${(report.ms / 1000).toFixed(1)} s`);
  return lines.join("\n");
}
