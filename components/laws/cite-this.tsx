import { CopyButton } from "@/components/ui/copy-button";

/** "Cite this": the same reference in three forms, each with a copy button. */
export function CiteThis({ plain, bibtex, csl }: { plain: string; bibtex: string; csl: string }) {
  const forms = [
    ["Plain text", plain],
    ["BibTeX", bibtex],
    ["CSL-JSON", csl],
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
