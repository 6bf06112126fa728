import Link from "next/link";
import { formatPartialDate } from "@/lib/partial-date";
import { articleKindLabels, isOpinion } from "@/modules/articles/labels";
import type { ArticleRow, Credit } from "@/modules/public/article-rows";

/** Published articles as a list: kind (opinion set apart), title, byline and original date. */
export function ArticleList({ articles, notes }: { articles: ArticleRow[]; notes?: Record<number, string> }) {
  return (
    <ol className="divide-y divide-rule">
      {articles.map((article) => (
        <li key={article.id} className="py-5 first:pt-0">
          <p className="text-xs font-semibold uppercase tracking-wide text-muted">
            {isOpinion(article.kind) ? (
              <span className="rounded border border-ink px-1.5 py-0.5 text-ink">
                {articleKindLabels[article.kind]}
              </span>
            ) : (
              articleKindLabels[article.kind]
            )}
            {article.originalDate && (
              <>
                {" · "}
                <span className="inline-block first-letter:uppercase">{formatPartialDate(article.originalDate)}</span>
              </>
            )}
          </p>
          <h3 lang={article.lang} className="mt-2 font-serif text-xl leading-snug">
            <Link href={article.path} className="text-ink no-underline hover:underline">
              {article.title}
            </Link>
          </h3>
          <Byline article={article} />
          {notes?.[article.id] && <p className="mt-1 text-sm font-semibold">{notes[article.id]}</p>}
        </li>
      ))}
    </ol>
  );
}

function Byline({ article }: { article: ArticleRow }) {
  const parts = [
    article.authors.length > 0 && (
      <span key="by">
        By <Names names={article.authors} />
      </span>
    ),
    article.publisher && (
      <span key="publisher">
        <Names names={[article.publisher]} />
      </span>
    ),
    article.creditedAgent && (
      <span key="credited">
        reported by <Names names={[article.creditedAgent]} />
      </span>
    ),
  ].filter(Boolean);
  if (parts.length === 0) return null;
  return (
    <p className="mt-1 text-sm text-muted">
      {parts.map((part, i) => (
        <span key={i}>
          {i > 0 && " · "}
          {part}
        </span>
      ))}
    </p>
  );
}

/** Names of published agents joined with commas, each linked to its page. */
export function Names({ names }: { names: Credit[] }) {
  return names.map((credit, i) => (
    <span key={`${credit.id}-${i}`}>
      {i > 0 && ", "}
      <Link href={credit.path} className="underline underline-offset-2">
        {credit.name}
      </Link>
    </span>
  ));
}
