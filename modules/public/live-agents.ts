import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Db, Tx } from "@/db";
import { liveAddresses, publicLinks } from "@/db/schema";
import type { ArticleSnapshot } from "@/modules/articles/snapshot";
import { publicAgentPath } from "./addresses";

/** A name in a byline or on a timeline: a published agent, as its own live revision names it. */
export type Credit = { id: number; name: string; path: string };

/**
 * Published agents by id, named and addressed from their own live revisions (the publication
 * row holds its title and slug, so no snapshot is read). Whatever an item's snapshot copied of an
 * agent when it was saved is never shown: an agent that is not live (never published, withdrawn,
 * archived) is simply not in here, and readers see nothing of it (docs/adr/0005). Pass the ids a
 * page refers to; without them, every live agent.
 */
export async function liveAgents(db: Db | Tx, ids?: readonly number[]): Promise<Map<number, Credit>> {
  if (ids?.length === 0) return new Map();
  const rows = await db
    .select({ id: liveAddresses.itemId, name: liveAddresses.title, slug: liveAddresses.slug })
    .from(liveAddresses)
    .where(
      and(eq(liveAddresses.itemType, "agent"), ids ? inArray(liveAddresses.itemId, [...new Set(ids)]) : undefined),
    );
  return new Map(rows.map((r) => [r.id, { id: r.id, name: r.name, path: publicAgentPath(r) }]));
}

/** The pages of published agents, by agent id: what a law's timeline links its steps' agents to. */
export async function liveAgentPaths(db: Db): Promise<Record<number, string>> {
  return Object.fromEntries([...(await liveAgents(db))].map(([id, agent]) => [id, agent.path]));
}

/** The references among these (in their order) that readers may see, each with its live name. */
export function creditsOf(agents: Map<number, Credit>, refs: readonly ({ id: number } | null | undefined)[]): Credit[] {
  return refs.flatMap((ref) => (ref && agents.has(ref.id) ? [agents.get(ref.id)!] : []));
}

/** The agents an article refers to: its authors, publisher and the agency it credits. */
export function agentIdsOf(article: Pick<ArticleSnapshot, "authors" | "publisher" | "creditedAgent">): number[] {
  return [...article.authors, article.publisher, article.creditedAgent].flatMap((a) => (a ? [a.id] : []));
}

/**
 * The live articles that name the agent as author, publisher or credited agency: a condition on
 * an article id column, answered from public_links (written at publication) and its index. The
 * ids are read once, as an array: as `in (subquery)`, a list's LIMIT let PostgreSQL walk every
 * article in date order testing each, 350 ms for an agent no article names.
 */
export function namesAgent(agentId: number, articleId: SQL | AnyPgColumn): SQL {
  return sql`${articleId} = any(array(select ${publicLinks.fromId} from ${publicLinks}
    where ${publicLinks.toType} = 'agent' and ${publicLinks.toId} = ${agentId}
      and ${publicLinks.kind} in ('author', 'publisher', 'credited') and ${publicLinks.fromType} = 'article'))`;
}

/** The live laws in whose history the agent took a step: a condition on a law id column, as namesAgent. */
export function actedIn(agentId: number, lawId: SQL | AnyPgColumn): SQL {
  return sql`${lawId} = any(array(select ${publicLinks.fromId} from ${publicLinks}
    where ${publicLinks.toType} = 'agent' and ${publicLinks.toId} = ${agentId}
      and ${publicLinks.kind} = 'actor' and ${publicLinks.fromType} = 'law'))`;
}
