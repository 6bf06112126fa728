import Link from "next/link";
import { CachedAnnotatedText } from "@/components/annotations/cached-annotated-text";
import { noteData } from "@/components/annotations/note-data";
import { Names } from "@/components/articles/article-list";
import { formatPartialDate } from "@/lib/partial-date";
import { articleKindLabels, isOpinion } from "@/modules/articles/labels";
import type { PublicAnnotation } from "@/modules/public/annotations";
import type { PublicArticle } from "@/modules/public/article";
import { DocumentList } from "@/components/documents/document-list";

/** An article's public page: what kind of piece it is, whose, from where and when, and what it discusses. */
export function PublicArticleView({
  article,
  annotations = [],
}: {
  article: PublicArticle;
  annotations?: PublicAnnotation[];
}) {
  const byline = [...article.authors, ...(article.publisher ? [article.publisher] : [])];
  return (
    <article className="space-y-8">
      <header className="max-w-3xl space-y-3">
        <p className="text-xs font-semibold uppercase tracking-widest text-muted">
          {articleKindLabels[article.articleKind]}
          {article.jurisdictions.length > 0 && ` · ${article.jurisdictions.join(", ")}`}
        </p>
        {isOpinion(article.articleKind) && (
          <p className="inline-block rounded border border-ink px-2 py-0.5 text-xs font-bold uppercase tracking-widest">
            Opinion: the views are the author&rsquo;s, not the archive&rsquo;s
          </p>
        )}
        <h1 lang={article.lang} className="font-serif text-3xl leading-tight sm:text-4xl">
          {article.title}
        </h1>
        <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
          {byline.length > 0 && (
            <>
              <dt className="text-muted">By</dt>
              <dd>
                <Names names={byline} />
              </dd>
            </>
          )}
          {article.creditedAgent && (
            <>
              <dt className="text-muted">Reported by</dt>
              <dd>
                <Names names={[article.creditedAgent]} />
              </dd>
            </>
          )}
          <dt className="text-muted">Originally published</dt>
          <dd>{formatPartialDate(article.originalDate)}</dd>
          {article.originalUrl && (
            <>
              <dt className="text-muted">Original</dt>
              <dd className="break-all">
                <a href={article.originalUrl} rel="noreferrer">
                  {article.originalUrl}
                </a>
              </dd>
            </>
          )}
        </dl>
      </header>
      {article.body && (
        <CachedAnnotatedText markdown={article.body} lang={article.lang} annotations={noteData(annotations)} />
      )}
      <DocumentList documents={article.documents} />
      {article.laws.length > 0 && (
        <section aria-labelledby="laws-discussed">
          <h2 id="laws-discussed" className="mb-3 border-b border-ink pb-2 text-xs font-bold uppercase tracking-widest">
            Laws discussed
          </h2>
          <ul className="space-y-1">
            {article.laws.map((law) => (
              <li key={law.path}>
                <Link href={law.path}>{law.title}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      {(article.sources.length > 0 || article.topics.length > 0) && (
        <section aria-labelledby="article-sources" className="text-sm">
          <h2
            id="article-sources"
            className="mb-3 border-b border-ink pb-2 text-xs font-bold uppercase tracking-widest"
          >
            Sources and topics
          </h2>
          {article.sources.length > 0 && <p>Sources: {article.sources.join("; ")}</p>}
          {article.topics.length > 0 && <p className="mt-1 text-muted">Topics: {article.topics.join(", ")}</p>}
        </section>
      )}
    </article>
  );
}
