"use client";

import Link from "next/link";
import type { RecordKind } from "@/modules/system/import/records";
import type { ImportAction, ImportReport } from "@/modules/system/import/report";

const kindNames: Record<RecordKind, { name: string; list: string }> = {
  topics: { name: "Topics", list: "/admin/topics" },
  sources: { name: "Sources", list: "/admin/sources" },
  agents: { name: "Agents", list: "/admin/agents" },
  laws: { name: "Laws", list: "/admin/laws" },
  articles: { name: "Articles", list: "/admin/articles" },
  figures: { name: "Figures", list: "/admin/figures" },
};
const actionNames: Record<ImportAction, string> = { create: "new", update: "changed", unchanged: "unchanged" };

export const recordCount = (report: ImportReport, actions: ImportAction[] = ["create", "update", "unchanged"]) =>
  Object.values(report.counts).reduce((sum, c) => sum + actions.reduce((n, action) => n + c[action], 0), 0);

/** What a dry run found or an import did: counts per type, and every row error. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const kinds = (Object.keys(kindNames) as RecordKind[])
    .map((kind) => [kind, report.counts[kind]] as const)
    .filter(([, c]) => c.create + c.update + c.unchanged > 0);
  const n = (x: number) => x.toLocaleString("en");
  return (
    <div className="space-y-6">
      {report.errors.length > 0 && <ErrorTable report={report} />}
      {kinds.length > 0 && (
        <div className="max-w-2xl overflow-x-auto rounded-lg border border-rule bg-surface">
          <table className="w-full text-left text-sm" data-testid="import-counts">
            <caption className="sr-only">Records per type</caption>
            <thead className="border-b border-rule bg-surface-muted text-xs uppercase tracking-wide text-muted">
              <tr>
                <th scope="col" className="px-4 py-2">
                  Type
                </th>
                {Object.values(actionNames).map((name) => (
                  <th key={name} scope="col" className="px-4 py-2 text-right">
                    {name[0]!.toUpperCase() + name.slice(1)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-rule">
              {kinds.map(([kind, c]) => (
                <tr key={kind} data-testid={`import-count-${kind}`}>
                  <th scope="row" className="px-4 py-2 font-semibold">
                    {report.dryRun || report.errors.length ? (
                      kindNames[kind].name
                    ) : (
                      <Link href={kindNames[kind].list}>{kindNames[kind].name}</Link>
                    )}
                  </th>
                  <td className="px-4 py-2 text-right tabular-nums">{n(c.create)}</td>
                  <td className="px-4 py-2 text-right tabular-nums">{n(c.update)}</td>
                  <td className="px-4 py-2 text-right tabular-nums">{n(c.unchanged)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function ErrorTable({ report }: { report: ImportReport }) {
  const count = report.errors.length;
  return (
    <section aria-labelledby="import-errors-heading" className="space-y-3">
      <h3 id="import-errors-heading" className="font-serif text-lg text-danger">
        {count === 1 ? "1 error" : `${count.toLocaleString("en")} errors`} to fix
      </h3>
      <p className="text-sm">
        Nothing was written. Correct these rows in your files, choose the corrected files again (a file of the same name
        replaces the old one), and check again.
      </p>
      <div className="rounded-lg border border-danger/40 bg-surface">
        <table className="block w-full text-left text-sm sm:table" data-testid="import-errors">
          <caption className="sr-only">Errors by file, row and field</caption>
          <thead className="hidden border-b border-rule bg-surface-muted text-xs uppercase tracking-wide text-muted sm:table-header-group">
            <tr>
              <th scope="col" className="px-3 py-2">
                File
              </th>
              <th scope="col" className="px-3 py-2 text-right">
                Row
              </th>
              <th scope="col" className="px-3 py-2">
                Field
              </th>
              <th scope="col" className="px-3 py-2">
                Reason
              </th>
            </tr>
          </thead>
          <tbody className="block divide-y divide-rule align-top sm:table-row-group">
            {report.errors.map((e, index) => (
              // Below the sm breakpoint a row is a block: where (file, row, field) on a line, then why.
              <tr key={index} data-testid="import-error" className="block px-3 py-2 sm:table-row sm:p-0">
                <td className="inline break-all font-mono text-xs sm:table-cell sm:px-3 sm:py-2">{e.file}</td>
                <td className="inline text-xs sm:table-cell sm:px-3 sm:py-2 sm:text-right sm:text-sm sm:tabular-nums">
                  <span className="sm:hidden">, row </span>
                  {e.row ? e.row : <span className="text-muted">whole file</span>}
                </td>
                <td className="inline break-all font-mono text-xs sm:table-cell sm:px-3 sm:py-2">
                  <span className="font-sans sm:hidden">, </span>
                  {e.field || <span className="text-muted">—</span>}
                </td>
                <td className="mt-1 block sm:mt-0 sm:table-cell sm:min-w-[14rem] sm:px-3 sm:py-2">{e.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
