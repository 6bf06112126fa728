"use client";

import { useSyncExternalStore } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { bibtexCitation, cslJsonCitation, plainCitation, type CitedLaw } from "@/modules/public/citation";

const unchanging = () => () => {};
const today = () => new Date().toISOString().slice(0, 10);

/**
 * "Cite this": the same reference in three forms, each with a copy button. The page is stored once
 * for every reader, so the access date is the reader's own, filled in by their browser.
 */
export function CiteThis({ cited }: { cited: Omit<CitedLaw, "accessed"> }) {
  const day = useSyncExternalStore(unchanging, today, () => null);
  const law = { ...cited, accessed: day ? new Date(day) : null };
  const forms = [
    ["Plain text", plainCitation(law)],
    ["BibTeX", bibtexCitation(law)],
    ["CSL-JSON", cslJsonCitation(law)],
  ] as const;
  return (
    <section aria-labelledby="cite" className="print:hidden">
      <h2 id="cite" className="mb-4 border-b border-ink pb-2 text-xs font-bold uppercase tracking-widest">
        Cite this
      </h2>
      <div className="space-y-4">
        {forms.map(([label, text]) => (
          <div key={label}>
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
        ))}
      </div>
    </section>
  );
}
