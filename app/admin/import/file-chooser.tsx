"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { formatSize } from "@/lib/files/size";
import { isImportFileName } from "./limits";

/**
 * The files of an import: a file input and a drop zone, both adding to the list below, where each
 * file can be removed. A file of the same name replaces the one chosen before (the report names
 * files by name). Files dropped anywhere else on the page are ignored rather than opened by the
 * browser, which would leave the page and lose the list.
 */
export function FileChooser({
  files,
  onChange,
  disabled,
}: {
  files: File[];
  onChange: (files: File[]) => void;
  disabled: boolean;
}) {
  const [over, setOver] = useState(false);
  const [skipped, setSkipped] = useState<string[]>([]);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const ignore = (event: DragEvent) => event.preventDefault();
    window.addEventListener("dragover", ignore);
    window.addEventListener("drop", ignore);
    return () => {
      window.removeEventListener("dragover", ignore);
      window.removeEventListener("drop", ignore);
    };
  }, []);

  const add = (list: FileList | null) => {
    const chosen = Array.from(list ?? []);
    const accepted = chosen.filter((file) => isImportFileName(file.name));
    setSkipped(chosen.filter((file) => !isImportFileName(file.name)).map((file) => file.name));
    if (!accepted.length) return;
    const names = new Set(accepted.map((file) => file.name));
    onChange([...files.filter((file) => !names.has(file.name)), ...accepted]);
  };

  // Files chosen before the page came to life (a slow connection): no change event reached us.
  useEffect(() => {
    if (input.current?.files?.length) {
      add(input.current.files);
      input.current.value = "";
    }
    // Once, on the first render in the browser.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const total = files.reduce((sum, file) => sum + file.size, 0);
  return (
    <div className="space-y-4">
      <div
        role="group"
        aria-labelledby="drop-zone-label"
        data-testid="drop-zone"
        onDragOver={(event) => {
          event.preventDefault();
          if (!disabled) setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(event) => {
          event.preventDefault();
          setOver(false);
          if (!disabled) add(event.dataTransfer.files);
        }}
        className={`flex flex-col items-center gap-3 rounded-lg border-2 border-dashed p-6 text-center sm:p-8 ${
          over ? "border-accent bg-accent/5" : "border-rule bg-surface"
        }`}
      >
        <p id="drop-zone-label" className="font-semibold">
          Drop .json and .csv files here
        </p>
        <p className="text-sm text-muted">or</p>
        <input
          ref={input}
          id="import-files"
          type="file"
          multiple
          accept=".json,.csv,application/json,text/csv"
          disabled={disabled}
          className="peer sr-only"
          onChange={(event) => {
            add(event.currentTarget.files);
            // Choosing the same file again (after a fix) must fire a change too.
            event.currentTarget.value = "";
          }}
        />
        <label
          htmlFor="import-files"
          className="cursor-pointer rounded border border-rule bg-surface px-4 py-2 text-sm font-semibold hover:border-ink peer-focus-visible:outline peer-focus-visible:outline-3 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-accent peer-disabled:cursor-not-allowed peer-disabled:opacity-60"
        >
          Choose files
        </label>
      </div>
      {skipped.length > 0 && (
        <p role="alert" className="text-sm text-danger">
          Not added: {skipped.join(", ")}. Only .json and .csv files can be imported.
        </p>
      )}
      {files.length > 0 && (
        <section aria-labelledby="chosen-files-heading" className="rounded-lg border border-rule bg-surface">
          <h2 id="chosen-files-heading" className="border-b border-rule px-4 py-2 text-sm font-semibold">
            {files.length === 1 ? "1 file" : `${files.length} files`} chosen, {formatSize(total)}
          </h2>
          <ul className="divide-y divide-rule">
            {files.map((file) => (
              <li key={file.name} className="flex items-center justify-between gap-3 px-4 py-2 text-sm">
                <span className="min-w-0 break-all font-mono">{file.name}</span>
                <span className="ml-auto shrink-0 text-muted">{formatSize(file.size)}</span>
                <Button
                  variant="secondary"
                  className="!px-2 !py-1"
                  disabled={disabled}
                  onClick={() => onChange(files.filter((f) => f !== file))}
                >
                  Remove<span className="sr-only"> {file.name}</span>
                </Button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
