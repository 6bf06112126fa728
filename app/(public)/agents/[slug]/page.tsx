import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Moved } from "@/components/public/moved";
import { Withdrawn } from "@/components/public/withdrawn";
import { ArticleList } from "@/components/articles/article-list";
import { ListExtent } from "@/components/public/list-extent";
import { SectionHeading } from "@/components/ui/section-heading";
import { formatPartialDate } from "@/lib/partial-date";
import { agentKindLabels } from "@/modules/agents/labels";
import { lawEventKindLabels } from "@/modules/laws/labels";
import { publicArticlesIndexPath } from "@/modules/public/articles-index-url";
import { lawIndexHref, lawIndexQuery } from "@/modules/public/law-index-url";
import { publishedAgent, type AgentRole, type PublicAgent } from "@/modules/public/agent";
import { publishedMetadata, unpublishedMetadata } from "@/modules/public/page-metadata";

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
  if (!/^[a-z0-9-]{1,200}$/.test(slug)) return null;
  return publishedAgent(slug);
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const agent = await find(params);
  if (agent?.kind !== "agent") return unpublishedMetadata("Person or organization");
  const description =
    agent.description.slice(0, 300) ||
    `${agentKindLabels[agent.agentKind]}: the laws ${agent.name} took part in and the articles that name them.`;
  return publishedMetadata({ title: agent.name, description, path: agent.path, type: "profile" });
}

export default function AgentPage({ params }: { params: Params }) {
  return <Agent params={params} />;
}

async function Agent({ params }: { params: Params }) {
  const found = await find(params);
  if (!found) notFound();
  if (found.kind === "moved") return <Moved to={found.path} />;
  if (found.kind === "gone")
    return <Withdrawn noun="page" detail="The editors withdrew it from the archive. It is no longer published." />;
  return <AgentView agent={found} />;
}

const roleNotes: Record<AgentRole, string> = {
  author: "Author",
  publisher: "Publisher",
  credited: "Credited as the source",
};

function AgentView({ agent }: { agent: PublicAgent }) {
  return (
    <article className="max-w-3xl space-y-10">
      <header className="space-y-3">
        <p className="text-xs font-semibold uppercase tracking-widest text-muted">{agentKindLabels[agent.agentKind]}</p>
        <h1 className="font-serif text-3xl leading-tight sm:text-4xl">{agent.name}</h1>
        {agent.otherNames.length > 0 && (
          <p className="font-serif text-lg text-muted">
            <span className="sr-only">Also known as: </span>
            {agent.otherNames.map((n, i) => (
              <span key={n.lang + n.name}>
                {i > 0 && " · "}
                <span lang={n.lang || undefined}>{n.name}</span>
              </span>
            ))}
          </p>
        )}
        {agent.description && (
          <p className="whitespace-pre-line font-serif text-lg leading-relaxed">{agent.description}</p>
        )}
        {agent.links.length > 0 && (
          <ul className="space-y-1 text-sm">
            {agent.links.map((link) => (
              <li key={link.url} className="break-all">
                <a href={link.url} rel="noreferrer">
                  {link.label || link.url}
                </a>
              </li>
            ))}
          </ul>
        )}
      </header>

      <section aria-labelledby="acts">
        <SectionHeading id="acts">In the history of laws</SectionHeading>
        {agent.acts.length === 0 ? (
          <p className="text-muted">No step of a published law&apos;s history is recorded for {agent.name}.</p>
        ) : (
          <ol className="timeline">
            {agent.acts.map((act, i) => (
              <li key={`${act.law.path}-${i}`}>
                <span aria-hidden className="timeline-dot" />
                <p className="timeline-date">
                  <span className="inline-block first-letter:uppercase">{formatPartialDate(act.date)}</span>
                </p>
                <p className="font-serif text-lg leading-snug">
                  {lawEventKindLabels[act.kind]}:{" "}
                  <Link href={act.law.path} className="underline underline-offset-2">
                    {act.law.title}
                  </Link>
                </p>
                <p className="text-sm text-muted">{act.law.jurisdictionName}</p>
                {act.note && <p className="mt-1 font-serif">{act.note}</p>}
              </li>
            ))}
          </ol>
        )}
        {agent.actCount > agent.acts.length && (
          <ListExtent
            shown={agent.acts.length}
            total={agent.actCount}
            noun="steps"
            href={lawIndexHref(lawIndexQuery.parse({}), { agent: agent.slug })}
            label={`All ${agent.lawCount.toLocaleString("en")} laws in whose history ${agent.name} took a step`}
          />
        )}
      </section>

      <section aria-labelledby="articles">
        <SectionHeading id="articles">Articles</SectionHeading>
        {agent.articles.length === 0 ? (
          <p className="text-muted">No published article names {agent.name} as author, publisher or source.</p>
        ) : (
          <>
            <ArticleList
              articles={agent.articles}
              notes={Object.fromEntries(agent.articles.map((a) => [a.id, a.roles.map((r) => roleNotes[r]).join(", ")]))}
            />
            {agent.articleCount > agent.articles.length && (
              <ListExtent
                shown={agent.articles.length}
                total={agent.articleCount}
                noun="articles"
                href={publicArticlesIndexPath({ agent: agent.slug })}
                label={`All articles by or naming ${agent.name}`}
              />
            )}
          </>
        )}
      </section>
    </article>
  );
}
