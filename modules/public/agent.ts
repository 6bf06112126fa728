import { and, asc, count, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { cacheLife, cacheTag } from "next/cache";
import { getDatabase, type Db } from "@/db";
import {
  goneAddresses,
  jurisdictions,
  liveAddresses,
  liveDocuments,
  publicArticles,
  publicLaws,
  publicLinks,
  slugRedirects,
} from "@/db/schema";
import { lawEventKinds, type LawEventKind } from "@/db/schema/vocabulary";
import { storedPartialDate, type PartialDate } from "@/lib/partial-date";
import { parseAgentSnapshot } from "@/modules/agents/snapshot-schema";
import { publicAgentPath } from "./addresses";
import { countLiveArticles, liveArticleRows, recentArticlesShown, type ArticleRow } from "./article-rows";
import { publicCacheTag } from "./clock";
import { addressTag, itemTag } from "./cache-tags";
import { publicLawPath } from "./law-view";
import { actedIn, namesAgent } from "./live-agents";
import { countLiveLaws } from "./law-chronology";

export { publicAgentPath };

/** A step of a published law's history this agent took. */
export type AgentAct = {
  kind: LawEventKind;
  date: PartialDate | null;
  note: string;
  law: { title: string; path: string; jurisdictionName: string };
};

export type AgentRole = "author" | "publisher" | "credited";

/**
 * A published agent as readers see it (its live revision) with the steps of published laws'
 * histories it took and the published articles it wrote, published or is credited on; where its
 * old address now points; that it was withdrawn; or null when there is no such published agent.
 */
export async function publishedAgent(slug: string) {
  "use cache";
  cacheTag(publicCacheTag, addressTag("agent", "", slug));
  cacheLife("days");
  const { db } = await getDatabase();
  const found = await readAgent(db, slug);
  if (found?.kind === "agent") cacheTag(itemTag("agent", found.id));
  return found;
}

export async function readAgent(db: Db, slug: string) {
  const [doc] = await db
    .select({ id: liveDocuments.itemId, snapshot: liveDocuments.snapshot, publishedAt: liveDocuments.publishedAt })
    .from(liveDocuments)
    .where(and(eq(liveDocuments.itemType, "agent"), eq(liveDocuments.scope, ""), eq(liveDocuments.slug, slug)));
  if (!doc) return agentElsewhere(db, slug);
  const agent = parseAgentSnapshot(doc.snapshot);
  const id = doc.id;
  const [acts, actCount, lawCount, articles, articleCount] = await Promise.all([
    actsOf(db, id, actsShown),
    countActs(db, id),
    countLiveLaws(db, actedIn(id, publicLaws.lawId)),
    articlesOf(db, id),
    countLiveArticles(db, namesAgent(id, publicArticles.articleId)),
  ]);
  return {
    kind: "agent" as const,
    id,
    agentKind: agent.kind,
    slug: agent.slug,
    path: publicAgentPath(agent),
    name: agent.preferredName,
    otherNames: agent.names,
    description: agent.description,
    links: agent.links,
    acts,
    actCount,
    lawCount,
    articles,
    articleCount,
    publishedAt: doc.publishedAt,
  };
}

export type PublicAgent = Extract<Awaited<ReturnType<typeof readAgent>>, { kind: "agent" }>;

/** How many steps of laws' histories an agent's page shows: the latest, by their dates. */
export const actsShown = 20;

const actsOfAgent = (agentId: number) =>
  and(
    eq(publicLinks.toType, "agent"),
    eq(publicLinks.toId, agentId),
    eq(publicLinks.kind, "actor"),
    eq(publicLinks.fromType, "law"),
  );

/** The latest steps of published laws' histories taken by the agent, oldest first (undated last). */
async function actsOf(db: Db, agentId: number, latest: number): Promise<AgentAct[]> {
  const rows = await db
    .select({
      scope: publicLaws.jurisdictionCode,
      slug: publicLaws.slug,
      title: publicLaws.title,
      step: publicLinks.detail,
      jurisdictionName: jurisdictions.name,
    })
    .from(publicLinks)
    .innerJoin(publicLaws, eq(publicLaws.lawId, publicLinks.fromId))
    .innerJoin(jurisdictions, eq(jurisdictions.code, publicLaws.jurisdictionCode))
    .where(actsOfAgent(agentId))
    .orderBy(
      sql`${publicLinks.detail}->'date'->>'date' desc nulls last`,
      asc(publicLinks.fromId),
      asc(publicLinks.position),
    )
    .limit(latest);
  const acts = rows.map((row) => {
    const step = actDetail.parse(row.step);
    return {
      kind: step.kind,
      date: step.date,
      note: step.note,
      law: {
        title: row.title,
        path: publicLawPath({ jurisdictionCode: row.scope, slug: row.slug }),
        jurisdictionName: row.jurisdictionName,
      },
    };
  });
  return acts.sort(
    (a, b) => (a.date?.date ?? "9999").localeCompare(b.date?.date ?? "9999") || a.law.title.localeCompare(b.law.title),
  );
}

/** How many steps of published laws' histories the agent took. */
async function countActs(db: Db, agentId: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(publicLinks)
    .innerJoin(publicLaws, eq(publicLaws.lawId, publicLinks.fromId))
    .where(actsOfAgent(agentId));
  return row?.n ?? 0;
}

/** A step of a law's history as public_links records it (modules/workflow/project-law.ts). */
const actDetail = z.object({ kind: z.enum(lawEventKinds), date: storedPartialDate.nullable(), note: z.string() });

/** The latest published articles the agent wrote, published or is credited on, each with its roles. */
async function articlesOf(db: Db, agentId: number): Promise<(ArticleRow & { roles: AgentRole[] })[]> {
  const rows = await liveArticleRows(db, namesAgent(agentId, publicArticles.articleId), recentArticlesShown);
  return rows.map((row) => ({
    ...row,
    roles: [
      ...(row.authors.some((a) => a.id === agentId) ? (["author"] as const) : []),
      ...(row.publisher?.id === agentId ? (["publisher"] as const) : []),
      ...(row.creditedAgent?.id === agentId ? (["credited"] as const) : []),
    ],
  }));
}

async function agentElsewhere(db: Db, slug: string) {
  const [gone] = await db
    .select({ mergedIntoId: goneAddresses.mergedIntoId })
    .from(goneAddresses)
    .where(and(eq(goneAddresses.itemType, "agent"), eq(goneAddresses.slug, slug)));
  const movedId =
    gone?.mergedIntoId ??
    (gone
      ? null
      : (
          await db
            .select({ itemId: slugRedirects.itemId })
            .from(slugRedirects)
            .where(and(eq(slugRedirects.itemType, "agent"), eq(slugRedirects.oldSlug, slug)))
        )[0]?.itemId);
  if (movedId) {
    const [moved] = await db
      .select({ slug: liveAddresses.slug })
      .from(liveAddresses)
      .where(and(eq(liveAddresses.itemType, "agent"), eq(liveAddresses.itemId, movedId)));
    if (moved && moved.slug !== slug) return { kind: "moved" as const, path: publicAgentPath(moved) };
  }
  if (gone) return { kind: "gone" as const };
  return null;
}
