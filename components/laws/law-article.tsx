import Link from "next/link";
import { CoveredPeriods } from "./covered-periods";
import { FigureList } from "@/components/figures/figure-list";
import type { PublicFigure } from "@/modules/public/figures";
import { Names } from "@/components/articles/article-list";
import { DocumentList } from "@/components/documents/document-list";
import { LawTexts } from "@/components/laws/law-texts";
import type { PublicAnnotation } from "@/modules/public/annotations";
import { LawTimeline } from "@/components/laws/law-timeline";
import { Markdown } from "@/components/ui/markdown";
import { lawStatusLabels, lawTypeLabels } from "@/modules/laws/labels";
import { articleKindLabels, articleKinds } from "@/modules/articles/labels";
import type { Discussion } from "@/modules/public/article";
import { publicJurisdictionPath } from "@/modules/public/jurisdiction";
import type { LinkTargets } from "@/modules/public/link-targets";
import type { PublicLaw } from "@/modules/public/law-view";

const day = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/**
 * A law's page, from its live revision, an earlier published one (for a citation that names it),
 * or its working revision in preview. `textHref` addresses another text version; `cite` is shown
 * for published versions only.
 */
export function LawArticle({
  law,
  chosenText,
  textHref,
  currentPath,
  cite,
  links,
  annotations,
  figures = [],
}: {
  law: PublicLaw;
  chosenText?: number;
  textHref?: (id: number) => string;
  currentPath?: string;
  cite?: React.ReactNode;
  /** Pages the names on it link to; without them (in preview) names stay plain. */
  links?: LinkTargets;
  annotations?: PublicAnnotation[];
  /** The figures it concerns (none in preview: figures are shown with published laws only). */
  figures?: PublicFigure[];
}) {
  const current = law.versions[0];
  const otherTitles = law.titles.filter((t) => !t.preferred);
  return (
    <article className="space-y-10">
      {current && law.shown !== null && law.shown !== current.number && (
        <p
          role="note"
          className="rounded border-l-4 border-ink bg-surface px-4 py-3 text-sm"
          data-testid="older-version"
        >
          You are reading version {law.shown} of this page, published {law.publishedAt && day.format(law.publishedAt)}.{" "}
          {currentPath && (
            <Link href={currentPath} className="underline underline-offset-2">
              Read the current version
            </Link>
          )}
        </p>
      )}
      <header className="max-w-3xl space-y-3">
        <p className="text-xs font-semibold uppercase tracking-widest text-muted">
          {links ? (
            <Link
              href={publicJurisdictionPath({ code: law.jurisdictionCode })}
              className="underline underline-offset-2"
            >
              {law.jurisdictionName}
            </Link>
          ) : (
            law.jurisdictionName
          )}{" "}
          · {lawTypeLabels[law.type]} · {lawStatusLabels[law.status]}
        </p>
        <h1 className="font-serif text-3xl leading-tight sm:text-4xl">{law.title}</h1>
        {otherTitles.map((t) => (
          <p key={t.lang + t.title} lang={t.lang} className="font-serif text-lg text-muted">
            {t.title}
          </p>
        ))}
        {(law.identifiers.length > 0 || law.periods.length > 0) && (
          <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
            {law.identifiers.map((i) => (
              <div key={i.registry + i.value} className="contents">
                <dt className="text-muted">{i.registry}</dt>
                <dd>{i.value}</dd>
              </div>
            ))}
            {law.periods.length > 0 && (
              <>
                <dt className="text-muted">Covers</dt>
                <dd>
                  <CoveredPeriods periods={law.periods} />
                </dd>
              </>
            )}
          </dl>
        )}
        {law.topics.length > 0 && (
          <p className="text-sm">
            <span className="text-muted">Topics: </span>
            {law.topics.map((t, i) => (
              <span key={t.id}>
                {i > 0 && ", "}
                {links?.topics[t.id] ? (
                  <Link href={links.topics[t.id]!} className="underline underline-offset-2">
                    {t.name}
                  </Link>
                ) : (
                  t.name
                )}
              </span>
            ))}
          </p>
        )}
      </header>
      <Markdown source={law.summary} />
      {law.publishedAt && (
        <p className="text-sm text-muted" data-testid="last-reviewed">
          Last reviewed {day.format(law.publishedAt)}
          {law.shown !== null && ` · version ${law.shown}`}
        </p>
      )}
      <section aria-labelledby="history">
        <h2 id="history" className="mb-4 border-b border-ink pb-2 text-xs font-bold uppercase tracking-widest">
          History
        </h2>
        <LawTimeline events={law.timeline} agentPaths={links?.agents} />
      </section>
      {figures.length > 0 && (
        <section aria-labelledby="figures">
          <h2 id="figures" className="mb-4 border-b border-ink pb-2 text-xs font-bold uppercase tracking-widest">
            Figures
          </h2>
          <FigureList figures={figures} />
        </section>
      )}
      <LawTexts
        texts={law.texts}
        chosen={chosenText}
        hrefFor={textHref ?? ((id) => `?text=${id}`)}
        annotations={annotations}
      />
      <DocumentList documents={law.documents} texts={law.texts} />
      {law.discussions.length > 0 && <Discussions discussions={law.discussions} />}
      {law.related.length > 0 && (
        <section aria-labelledby="related">
          <h2 id="related" className="mb-4 border-b border-ink pb-2 text-xs font-bold uppercase tracking-widest">
            Related laws
          </h2>
          <ul className="space-y-2">
            {law.related.map((r) => (
              <li key={r.path + r.label}>
                <span className="text-muted">{r.label}:</span> <Link href={r.path}>{r.title}</Link>
                {r.note && <span className="text-muted"> — {r.note}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {law.sources.length > 0 && (
        <section aria-labelledby="sources">
          <h2 id="sources" className="mb-4 border-b border-ink pb-2 text-xs font-bold uppercase tracking-widest">
            Sources
          </h2>
          <ul className="space-y-1 text-sm">
            {law.sources.map((s) => (
              <li key={s.title}>
                {s.url ? <a href={s.url}>{s.title}</a> : s.title}
                {s.archivedUrl && (
                  <>
                    {" "}
                    (<a href={s.archivedUrl}>archived copy</a>)
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {cite}
    </article>
  );
}

/** What the press and commentators wrote about the law, by kind; opinion is labelled as such. */
function Discussions({ discussions }: { discussions: Discussion[] }) {
  return (
    <section aria-labelledby="discussed">
      <h2 id="discussed" className="mb-4 border-b border-ink pb-2 text-xs font-bold uppercase tracking-widest">
        News and commentary
      </h2>
      <div className="space-y-5">
        {articleKinds
          .map((kind) => [kind, discussions.filter((d) => d.kind === kind)] as const)
          .filter(([, items]) => items.length > 0)
          .map(([kind, items]) => (
            <div key={kind}>
              <h3 className="text-sm font-semibold">{articleKindLabels[kind]}</h3>
              <ul className="mt-1 space-y-1">
                {items.map((d) => (
                  <li key={d.path}>
                    <Link href={d.path}>{d.title}</Link>
                    {(d.authors.length > 0 || d.publisher) && (
                      <span className="text-muted">
                        {" "}
                        — <Names names={[...d.authors, ...(d.publisher ? [d.publisher] : [])]} />
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          ))}
      </div>
    </section>
  );
}
