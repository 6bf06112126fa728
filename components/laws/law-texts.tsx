import { CachedAnnotatedText } from "@/components/annotations/cached-annotated-text";
import { noteData } from "@/components/annotations/note-data";
import { ProvisionCommentary } from "@/components/annotations/provision-commentary";
import { formatPartialDate } from "@/lib/partial-date";
import { languageName } from "@/lib/language";
import type { PublicAnnotation } from "@/modules/public/annotations";
import type { PublicLaw } from "@/modules/public/law-view";

type Text = PublicLaw["texts"][number];

/** The official text in force most recently, else the latest, else the first one entered. */
export function defaultText(texts: Text[]): Text | undefined {
  const byDate = [...texts].sort((a, b) => (b.effectiveDate?.date ?? "").localeCompare(a.effectiveDate?.date ?? ""));
  return byDate.find((t) => t.official) ?? byDate[0];
}

/** The texts of one version: those in force from the same date, or all undated ones. */
const versionOf = (t: Text) => (t.effectiveDate ? `${t.effectiveDate.date}/${t.effectiveDate.precision}` : "");

/** Versions newest first (undated last), each with its texts in the order they were entered. */
function versionsOf(texts: Text[]): Text[][] {
  const groups = new Map<string, Text[]>();
  for (const t of texts) groups.set(versionOf(t), [...(groups.get(versionOf(t)) ?? []), t]);
  return [...groups.values()].sort((a, b) =>
    (b[0]!.effectiveDate?.date ?? "").localeCompare(a[0]!.effectiveDate?.date ?? ""),
  );
}

const tabClass =
  "-mb-px block whitespace-nowrap border-b-2 border-transparent px-3 py-2 font-semibold no-underline hover:border-rule aria-[current=page]:border-accent aria-[current=page]:text-ink";

/**
 * A law's texts, one shown with its date and source. Above it, the languages of the shown version
 * as a row of tabs and the other versions listed apart; every choice is a link to its own stored
 * address (?text=), the current one marked with aria-current.
 */
export function LawTexts({
  texts,
  chosen,
  hrefFor,
  annotations = [],
}: {
  texts: Text[];
  chosen?: number;
  hrefFor: (id: number) => string;
  /** Published notes on the live texts; none on an earlier version, where their places differ. */
  annotations?: PublicAnnotation[];
}) {
  if (texts.length === 0) return null;
  const shown = texts.find((t) => t.id === chosen) ?? defaultText(texts)!;
  const onShown = annotations.filter((a) => a.target.textId === shown.id);
  const versions = versionsOf(texts);
  const languages = versions.find((v) => v.includes(shown))!;
  // Another version opens in the language being read where it has one, else in its official text.
  const entryTo = (version: Text[]) =>
    version.find((t) => t.lang === shown.lang && t.official === shown.official) ??
    version.find((t) => t.lang === shown.lang) ??
    version.find((t) => t.official) ??
    version[0]!;
  // Whole-page loads, not client navigation: the router takes ?text= for the same page (proxy.ts
  // rewrites it into the path, which it does not know) and kept the old text under the new address.
  const textHref = (t: Text) => `${hrefFor(t.id)}#law-text`;
  const current = (t: Text) => (t === shown ? ("page" as const) : undefined);
  const versionName = (t: Text) =>
    t.effectiveDate ? `In force from ${formatPartialDate(t.effectiveDate)}` : "Date not recorded";
  const describe = (t: Text) =>
    [
      languageName(t.lang),
      t.official ? "official" : "unofficial translation or copy",
      t.effectiveDate ? `in force from ${formatPartialDate(t.effectiveDate)}` : null,
    ]
      .filter(Boolean)
      .join(", ");
  return (
    <section aria-labelledby="law-text">
      <h2 id="law-text" className="mb-4 border-b border-ink pb-2 text-xs font-bold uppercase tracking-widest">
        Text
      </h2>
      {texts.length > 1 && (
        <nav aria-label="Versions and languages of the text" className="mb-4 space-y-3 text-sm">
          <ul aria-label="Languages" className="flex overflow-x-auto border-b border-rule">
            {languages.map((t) => (
              <li key={t.id} className="shrink-0">
                <a href={textHref(t)} aria-current={current(t)} className={tabClass}>
                  {languageName(t.lang)}
                  {!t.official && <span className="font-normal text-muted"> · unofficial</span>}
                </a>
              </li>
            ))}
          </ul>
          {versions.length > 1 && (
            <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
              <span id="law-text-versions" className="text-muted">
                Versions:
              </span>
              <ul aria-labelledby="law-text-versions" className="flex flex-wrap gap-x-3 gap-y-1">
                {versions.map((version) => {
                  const to = version.includes(shown) ? shown : entryTo(version);
                  return (
                    <li key={to.id}>
                      <a
                        href={textHref(to)}
                        aria-current={current(to)}
                        className="aria-[current=page]:font-semibold aria-[current=page]:text-ink aria-[current=page]:no-underline"
                      >
                        {versionName(to)}
                      </a>
                    </li>
                  );
                })}
              </ul>
            </div>
          )}
        </nav>
      )}
      <p className="mb-4 text-sm text-muted">
        {describe(shown)}
        {shown.sourceTitle && <> · Source: {shown.sourceTitle}</>}
      </p>
      <ProvisionCommentary markdown={shown.body} annotations={onShown} />
      <CachedAnnotatedText markdown={shown.body} lang={shown.lang} annotations={noteData(onShown)} />
    </section>
  );
}
