import Link from "next/link";
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

/** A law's texts: every version and language listed, one shown, each with its date and source. */
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
        <nav aria-label="Versions and languages of the text" className="mb-4 text-sm">
          <ul className="flex flex-wrap gap-x-4 gap-y-1">
            {texts.map((t) => (
              <li key={t.id}>
                {t.id === shown.id ? (
                  <strong aria-current="true">{describe(t)}</strong>
                ) : (
                  <Link href={hrefFor(t.id)} scroll={false}>
                    {describe(t)}
                  </Link>
                )}
              </li>
            ))}
          </ul>
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
