import { sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { audit } from "@/modules/audit/record";
import { authorize } from "@/modules/auth/authorize";
import type { Ctx } from "@/modules/auth/context";
import { roleHas } from "@/modules/auth/permissions";
import { identityTables, Ids } from "@/modules/system/bulk/ids";
import { tickPublicationClock } from "@/modules/workflow/publication-clock";
import { publicationCommitted } from "@/modules/workflow/publication-committed";
import { approveFigures } from "./figures";
import { loadKnown } from "./known";
import { planImport, planItems, type Plan } from "./plan";
import { publishImported } from "./publish";
import { readImportFiles } from "./read";
import { recordKinds, type RowError } from "./records";
import {
  afterProgress,
  listedItems,
  type ImportFile,
  type ImportItem,
  type ImportOptions,
  type ImportProgress,
  type ImportReport,
} from "./report";
import { writePlan } from "./write";

// The tables an import gives ids to: held against other writers while it runs, so the ids it
// numbers its rows with stay free. Readers go on reading.
const lockedTables = [...identityTables, "import_keys"];

/**
 * Imports a set of files: reads and checks every record, resolves what they refer to, and (unless
 * a dry run) writes it all in one transaction: on any row error nothing is written. New items are
 * drafts; an admin may publish them in the same step. Editors and admins may import.
 */
export async function importArchive(
  ctx: Ctx,
  files: ImportFile[],
  options: ImportOptions,
  progress: (p: ImportProgress) => void = () => {},
): Promise<ImportReport> {
  const actor = authorize(ctx, "archive.import");
  if (options.publish) authorize(ctx, "workflow.override");
  const started = performance.now();
  progress({ phase: "reading", done: 0, total: files.length });
  const { records, errors } = readImportFiles(files);
  const report = (plan: Plan | null, rowErrors: RowError[], published = false): ImportReport => {
    const items = plan ? planItems(plan) : [];
    return {
      dryRun: options.dryRun || rowErrors.length > 0,
      published,
      counts: countsOf(items),
      items: items.slice(0, listedItems),
      errors: rowErrors.sort((a, b) => a.file.localeCompare(b.file) || a.row - b.row),
      ms: Math.round(performance.now() - started),
    };
  };
  if (errors.length) return report(null, errors);

  const outcome = await ctx.db.transaction(async (tx) => {
    if (!options.dryRun) await lock(tx);
    progress({ phase: "checking", done: 0, total: records.length });
    await afterProgress();
    const known = await loadKnown(tx);
    const ids = await Ids.load(tx);
    const plan = await planImport(tx, known, records, ids);
    const rowErrors = [...plan.errors];
    if (!roleHas(actor.role, "vocabulary.manage"))
      for (const topic of plan.topics.filter((t) => t.action !== "unchanged"))
        rowErrors.push({
          ...topic.origin,
          field: "slug",
          reason: `Only an admin can add or change topics ("${topic.key}" is ${topic.action === "create" ? "new" : "changed"}).`,
        });
    progress({ phase: "checking", done: records.length, total: records.length });
    await afterProgress();
    if (rowErrors.length || options.dryRun) return { report: report(plan, rowErrors), changedPublic: false };

    const now = new Date();
    const names = files.map((f) => f.name).join(", ");
    await writePlan(tx, plan, { actor, ip: ctx.ip, message: `Imported from ${names}`, now, ids }, progress);
    const published = options.publish ? await publishImported(tx, plan, now, progress) : [];
    const approvedFigures = options.publish ? await approveFigures(tx, plan.figures, actor, now) : 0;
    // Topics' names and figures show on public pages whatever else was published.
    const figuresShown = plan.figures.some((f) => f.action === "update") || approvedFigures > 0;
    if (figuresShown || plan.topics.some((t) => t.action === "update")) await tickPublicationClock(tx);
    const done = report(plan, [], options.publish);
    await audit(tx, {
      actor,
      action: "archive.import",
      targetType: "archive",
      targetId: "import",
      ip: ctx.ip,
      details: {
        files: files.map((f) => f.name),
        counts: done.counts,
        created: idsBy(plan, "create"),
        updated: idsBy(plan, "update"),
        published: published.length,
        approvedFigures,
      },
    });
    return { report: done, changedPublic: published.length > 0 || figuresShown };
  });
  // This instance shows the change at once; the others within a second (modules/workflow/publication-committed.ts).
  if (outcome.changedPublic) publicationCommitted();
  return outcome.report;
}

async function lock(tx: Tx) {
  await tx.execute(sql.raw(`lock table ${lockedTables.join(", ")} in share row exclusive mode`));
}

function countsOf(items: ImportItem[]): ImportReport["counts"] {
  const counts = Object.fromEntries(
    recordKinds.map((kind) => [kind, { create: 0, update: 0, unchanged: 0 }]),
  ) as ImportReport["counts"];
  for (const item of items) counts[item.kind][item.action]++;
  return counts;
}

function idsBy(plan: Plan, action: "create" | "update") {
  const of = (items: { id: number; action: string }[]) => items.filter((i) => i.action === action).map((i) => i.id);
  return {
    agents: of(plan.agents),
    laws: of(plan.laws),
    articles: of(plan.articles),
    sources: of(plan.sources),
    figures: of(plan.figures),
  };
}
