"use client";

import { useSyncExternalStore } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { bibtexCitation, cslJsonCitation, plainCitation, type CitedLaw } from "@/modules/public/citation";

const unchanging = () => () => {};
const today = () => new Date().toISOString().slice(0, 10);

/**
 * "Cite this": the plain reference with a copy button, and the same in BibTeX and CSL-JSON under
 * "Other formats", each with its own. The page is stored once for every reader, so the access date
 * is the reader's own, filled in by their browser.
 */
export function CiteThis({ cited }: { cited: Omit<CitedLaw, "accessed"> }) {
  const day = useSyncExternalStore(unchanging, today, () => null);
  const law = { ...cited, accessed: day ? new Date(day) : null };
  const others = [
    ["BibTeX", bibtexCitation(law)],
    ["CSL-JSON", cslJsonCitation(law)],
  ] as const;
  return (
    <section aria-labelledby="cite" className="print:hidden">
      <h2 id="cite" className="mb-4 border-b border-ink pb-2 text-xs font-bold uppercase tracking-widest">
        Cite this
      </h2>
      <Citation label="Plain text" text={plainCitation(law)} />
      {/* Most readers want the plain reference; the machine-readable forms are one click away. */}
      <details className="mt-4">
        <summary className="cursor-pointer text-sm font-semibold">Other formats: BibTeX, CSL-JSON</summary>
        <div className="mt-3 space-y-4">
          {others.map(([label, text]) => (
            <Citation key={label} label={label} text={text} />
          ))}
        </div>
      </details>
    </section>
  );
}

function Citation({ label, text }: { label: string; text: string }) {
  return (
    <div>
      <div className="flex items-center justify-between gap-2">
        <h3 className="text-sm font-semibold">{label}</h3>
        <CopyButton text={text} label={`Copy the ${label} citation`} />
      </div>
      <pre
        tabIndex={0}
        aria-label={`${label} citation`}
        className="mt-1 overflow-x-auto whitespace-pre-wrap break-words rounded border border-rule bg-surface p-3 text-xs"
      >
        {text}
      </pre>
    </div>
  );
}
