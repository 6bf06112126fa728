"use client";

import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import { useAskBeforeLeaving } from "@/components/admin/ask-before-leaving";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import type { ImportProgress, ImportReport } from "@/modules/system/import/report";
import { formatSize } from "@/lib/files/size";
import { FileChooser } from "./file-chooser";
import { ImportReportView, recordCount } from "./import-report";
import { importUploadLimitBytes, importUploadLimitMb } from "./limits";
import { runImport } from "./run-import";

type Stage =
  | { kind: "choosing" }
  | { kind: "running"; dryRun: boolean; progress: ImportProgress | null }
  | { kind: "checked"; report: ImportReport }
  | { kind: "imported"; report: ImportReport }
  | { kind: "failed"; message: string };

const phaseNames: Record<ImportProgress["phase"], string> = {
  reading: "Reading the files",
  checking: "Checking the records",
  writing: "Writing the records",
  publishing: "Publishing",
};

/**
 * The import page's form: choose files, check them (a dry run), read the report, then import.
 * Changing the files sets the report aside: an import always follows a check of the same files.
 */
export function ImportForm({ canPublish }: { canPublish: boolean }) {
  const [files, setFiles] = useState<File[]>([]);
  const [stage, setStage] = useState<Stage>({ kind: "choosing" });
  const [publish, setPublish] = useState(false);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const running = stage.kind === "running";
  const runningRef = useRef(false);
  useEffect(() => {
    runningRef.current = running;
  }, [running]);
  useAskBeforeLeaving(useCallback(() => runningRef.current, []));

  // The outcome is what the editor reads next: move focus there, which also announces it.
  useEffect(() => {
    if (stage.kind !== "choosing" && stage.kind !== "running") resultHeading.current?.focus();
  }, [stage.kind]);

  const choose = (next: File[]) => {
    setFiles(next);
    setStage({ kind: "choosing" });
    setPublish(false);
  };

  const run = async (dryRun: boolean) => {
    const size = files.reduce((sum, file) => sum + file.size, 0);
    if (size > importUploadLimitBytes) {
      setStage({
        kind: "failed",
        message: `The files are ${formatSize(size)} together; an import takes at most ${importUploadLimitMb} MB. Split it into smaller files.`,
      });
      return;
    }
    setStage({ kind: "running", dryRun, progress: null });
    const outcome = await runImport(files, { dryRun, publish: !dryRun && publish }, (progress) =>
      setStage({ kind: "running", dryRun, progress }),
    );
    if ("error" in outcome) setStage({ kind: "failed", message: outcome.error });
    else if (outcome.report.dryRun) setStage({ kind: "checked", report: outcome.report });
    else setStage({ kind: "imported", report: outcome.report });
  };

  return (
    <div className="space-y-6">
      <FileChooser files={files} onChange={choose} disabled={running} />

      {files.length > 0 && (stage.kind === "choosing" || stage.kind === "failed" || (running && stage.dryRun)) && (
        <Button
          variant={stage.kind === "failed" ? "secondary" : "primary"}
          disabled={running}
          onClick={() => run(true)}
        >
          Check files
        </Button>
      )}

      {running && <Progress stage={stage} />}

      {stage.kind === "failed" && (
        <div className="space-y-2">
          <h2 ref={resultHeading} tabIndex={-1} className="sr-only">
            The import did not run
          </h2>
          <Notice tone="error" testId="import-failed">
            {stage.message}
          </Notice>
        </div>
      )}

      {stage.kind === "checked" && (
        <section aria-labelledby="check-heading" className="space-y-4" data-testid="import-check">
          <h2 id="check-heading" ref={resultHeading} tabIndex={-1} className="font-serif text-xl focus:outline-none">
            {stage.report.errors.length ? "The files have errors" : "Check passed: ready to import"}
          </h2>
          <ImportReportView report={stage.report} />
          {stage.report.errors.length === 0 && (
            <ImportStep report={stage.report} canPublish={canPublish} publish={publish} setPublish={setPublish}>
              <Button onClick={() => run(false)}>
                Import {recordCount(stage.report).toLocaleString("en")} records
              </Button>
            </ImportStep>
          )}
          {stage.report.errors.length > 0 && (
            <Button variant="secondary" onClick={() => run(true)}>
              Check files again
            </Button>
          )}
        </section>
      )}

      {stage.kind === "imported" && (
        <section aria-labelledby="imported-heading" className="space-y-4" data-testid="import-done">
          <h2 id="imported-heading" ref={resultHeading} tabIndex={-1} className="font-serif text-xl focus:outline-none">
            Imported {recordCount(stage.report, ["create", "update"]).toLocaleString("en")} records
          </h2>
          <Notice tone="success">
            {stage.report.published
              ? "Everything imported is published, in one step recorded in the audit log."
              : "New and changed items are drafts: find them in the lists below and send them to review."}
          </Notice>
          <ImportReportView report={stage.report} />
          <p className="text-sm">
            See the <Link href="/admin/laws">laws</Link>, <Link href="/admin/articles">articles</Link>,{" "}
            <Link href="/admin/agents">agents</Link> and <Link href="/admin/sources">sources</Link>, or{" "}
            <button type="button" className="text-accent underline" onClick={() => choose([])}>
              import more files
            </button>
            .
          </p>
        </section>
      )}
    </div>
  );
}

function ImportStep({
  report,
  canPublish,
  publish,
  setPublish,
  children,
}: {
  report: ImportReport;
  canPublish: boolean;
  publish: boolean;
  setPublish: (publish: boolean) => void;
  children: React.ReactNode;
}) {
  if (recordCount(report, ["create", "update"]) === 0)
    return (
      <Notice testId="import-nothing">
        Every record in these files is already in the archive as it is: there is nothing to import.
      </Notice>
    );
  return (
    <div className="space-y-4 rounded-lg border border-rule bg-surface p-4">
      <p className="text-sm">
        Nothing has been written yet. The import is all or nothing: it writes every record or none.{" "}
        {!publish && "New and changed items arrive as drafts."}
      </p>
      {canPublish && (
        <div className="flex gap-3">
          <input
            id="import-publish"
            type="checkbox"
            checked={publish}
            onChange={(event) => setPublish(event.currentTarget.checked)}
            aria-describedby="import-publish-hint"
            className="mt-1 h-4 w-4"
          />
          <div>
            <label htmlFor="import-publish" className="font-semibold">
              Publish everything imported at once
            </label>
            <p id="import-publish-hint" className="text-sm text-muted">
              Readers see the items straight away, without review. Only admins can do this; it is recorded in the audit
              log.
            </p>
          </div>
        </div>
      )}
      {children}
    </div>
  );
}

function Progress({ stage }: { stage: Extract<Stage, { kind: "running" }> }) {
  const p = stage.progress;
  const what = stage.dryRun ? "Checking" : "Importing";
  return (
    <div className="space-y-2 rounded-lg border border-rule bg-surface p-4" data-testid="import-progress">
      <p role="status" className="text-sm">
        {what}:{" "}
        {p
          ? `${phaseNames[p.phase]}, ${p.done.toLocaleString("en")} of ${p.total.toLocaleString("en")}`
          : "sending the files"}
        …
      </p>
      <progress
        aria-label={`${what} progress`}
        className="h-2 w-full accent-accent"
        {...(p && p.total > 0 ? { value: p.done, max: p.total } : {})}
      />
    </div>
  );
}
