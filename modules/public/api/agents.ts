import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { liveDocuments } from "@/db/schema";
import type { AgentKind } from "@/db/schema/vocabulary";
import { publicAgentPath, readAgent, type PublicAgent } from "@/modules/public/agent";
import { harvestConditions, pageOf } from "./pages";
import { agentListSchema, agentSchema, type Agent, type AgentList, type AgentListQuery } from "./schemas/agent";

/** An agent's record in the read API: /api/v1/agents/its-slug, beside its page /agents/its-slug. */
export const agentApiPath = (agent: { slug: string }) => `/api/v1${publicAgentPath(agent)}`;

// Its kind, as its live revision records it.
const kindOf = sql<AgentKind>`${liveDocuments.snapshot}->>'kind'`;

/**
 * A page of published agents, of one kind or all, by publication time then id, oldest first (see
 * ./pages.ts). Reads only live_documents, the live revisions.
 */
export async function readAgentList(db: Db, query: AgentListQuery, origin: string): Promise<AgentList> {
  const rows = await db
    .select({
      id: liveDocuments.itemId,
      slug: liveDocuments.slug,
      name: liveDocuments.title,
      kind: kindOf,
      publishedAt: liveDocuments.publishedAt,
    })
    .from(liveDocuments)
    .where(
      and(
        eq(liveDocuments.itemType, "agent"),
        query.kind ? sql`${kindOf} = ${query.kind}` : undefined,
        harvestConditions({ publishedAt: liveDocuments.publishedAt, id: liveDocuments.itemId }, query),
      ),
    )
    .orderBy(asc(liveDocuments.publishedAt), asc(liveDocuments.itemId))
    .limit(query.limit + 1);
  const { page, next } = pageOf(rows, query, { origin, path: "/agents", filters: { kind: query.kind } });
  return agentListSchema.parse({
    data: page.map((agent) => ({
      slug: agent.slug,
      kind: agent.kind,
      name: agent.name,
      publishedAt: agent.publishedAt.toISOString(),
      url: origin + publicAgentPath(agent),
      api: origin + agentApiPath(agent),
    })),
    next,
  });
}

export type AgentRecord =
  { kind: "agent"; id: number; agent: Agent } | { kind: "moved"; api: string } | { kind: "gone" } | null;

/**
 * One published agent as its public page shows it (modules/public/agent.ts readAgent: the live
 * revision, with published laws and articles only), where its old address now points, or that it
 * was withdrawn.
 */
export async function readAgentRecord(db: Db, slug: string, origin: string): Promise<AgentRecord> {
  const found = await readAgent(db, slug);
  if (!found) return null;
  if (found.kind === "gone") return { kind: "gone" };
  if (found.kind === "moved") return { kind: "moved", api: origin + "/api/v1" + found.path };
  return { kind: "agent", id: found.id, agent: agentRecord(found, origin) };
}

function agentRecord(agent: PublicAgent, origin: string): Agent {
  const api = (path: string) => `${origin}/api/v1${path}`;
  return agentSchema.parse({
    slug: agent.slug,
    kind: agent.agentKind,
    name: agent.name,
    publishedAt: agent.publishedAt.toISOString(),
    url: origin + agent.path,
    api: api(agent.path),
    otherNames: agent.otherNames,
    description: agent.description,
    links: agent.links,
    acts: agent.acts.map((act) => ({
      kind: act.kind,
      date: act.date,
      note: act.note,
      law: {
        title: act.law.title,
        jurisdiction: act.law.jurisdictionName,
        url: origin + act.law.path,
        api: api(act.law.path),
      },
    })),
    actCount: agent.actCount,
    lawCount: agent.lawCount,
    articles: agent.articles.map((a) => ({
      kind: a.kind,
      title: a.title,
      roles: a.roles,
      url: origin + a.path,
      api: api(a.path),
    })),
    articleCount: agent.articleCount,
    articlesApi: `${origin}/api/v1/articles?${new URLSearchParams({ agent: agent.slug })}`,
  });
}
