import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArticleList } from "@/components/articles/article-list";
import { LawChronology } from "@/components/laws/law-chronology";
import { ListExtent } from "@/components/public/list-extent";
import { SectionHeading } from "@/components/ui/section-heading";
import { publicArticlesIndexPath } from "@/modules/public/articles-index-url";
import { lawIndexHref, lawIndexQuery } from "@/modules/public/law-index-url";
import { publishedTopic } from "@/modules/public/topic";
import { siteMetadataBase } from "@/modules/public/site";
import { pageAlternates } from "@/modules/public/syndication";

// Rendered on its first request and stored whole for every reader (lib/cache/page-cache.mjs);
// the build has no database, and Next checks the route with a parameter that names nothing.
export const ensureStatic = "navigation";
export const unnamed = "-";
export function generateStaticParams() {
  return [{ slug: unnamed }];
}

type Params = Promise<{ slug: string }>;

async function find(params: Params) {
  const { slug } = await params;
  if (slug === unnamed) return null;
  // Slugs are lower-case letters, digits and hyphens: anything else is no topic.
  if (!/^[a-z0-9-]{1,200}$/.test(slug)) return null;
  return publishedTopic(slug);
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const topic = await find(params);
  if (!topic) return { title: "Topic", robots: { index: false } };
  const description =
    topic.description.slice(0, 300) ||
    `Published laws on ${topic.name.toLowerCase()} in the order of their history, and what was written about them.`;
  return {
    metadataBase: siteMetadataBase(),
    title: topic.name,
    description,
    alternates: pageAlternates(topic.path, { topic: topic.slug }),
    openGraph: { title: topic.name, description, url: topic.path, siteName: "Marginalia" },
  };
}

export default function TopicPage({ params }: { params: Params }) {
  return <Topic params={params} />;
}

async function Topic({ params }: { params: Params }) {
  const topic = await find(params);
  if (!topic) notFound();
  return (
    <div className="max-w-3xl space-y-10">
      <header className="space-y-3">
        <p className="text-xs font-semibold uppercase tracking-widest text-muted">
          <Link href="/topics" className="underline underline-offset-2">
            Topics
          </Link>
          {topic.broader && (
            <>
              {" · part of "}
              <Link href={topic.broader.path} className="underline underline-offset-2">
                {topic.broader.name}
              </Link>
            </>
          )}
        </p>
        <h1 className="font-serif text-3xl leading-tight sm:text-4xl">{topic.name}</h1>
        {topic.description && (
          <p className="whitespace-pre-line font-serif text-lg leading-relaxed">{topic.description}</p>
        )}
        {topic.narrower.length > 0 && (
          <p className="text-sm">
            <span className="text-muted">Narrower topics: </span>
            {topic.narrower.map((t, i) => (
              <span key={t.path}>
                {i > 0 && ", "}
                <Link href={t.path} className="underline underline-offset-2">
                  {t.name}
                </Link>
              </span>
            ))}
          </p>
        )}
      </header>

      <section aria-labelledby="laws">
        <SectionHeading id="laws">Laws, in the order of their history</SectionHeading>
        {topic.laws.length === 0 ? (
          <p className="text-muted">No law on this topic has been published yet.</p>
        ) : (
          <>
            <LawChronology laws={topic.laws} showJurisdiction />
            <ListExtent
              shown={topic.laws.length}
              total={topic.lawCount}
              noun="laws"
              href={lawIndexHref(lawIndexQuery.parse({}), { topic: topic.slug })}
              label={
                topic.lawCount > topic.laws.length
                  ? "All laws on this topic, with filters"
                  : "Filter these laws by jurisdiction, status, year and type"
              }
            />
          </>
        )}
      </section>

      <section aria-labelledby="articles">
        <SectionHeading id="articles">News and commentary</SectionHeading>
        {topic.articles.length === 0 ? (
          <p className="text-muted">Nothing written on this topic or its laws has been published yet.</p>
        ) : (
          <>
            <ArticleList articles={topic.articles} />
            {topic.articleCount > topic.articles.length && (
              <ListExtent
                shown={topic.articles.length}
                total={topic.articleCount}
                noun="articles"
                href={publicArticlesIndexPath({ topic: topic.slug })}
                label="All articles on this topic"
              />
            )}
          </>
        )}
      </section>
    </div>
  );
}
