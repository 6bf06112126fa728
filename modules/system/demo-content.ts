import { createHash } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { agents, articles, jurisdictions, laws, sources, topics } from "@/db/schema";
import type { ContentType } from "@/db/schema/vocabulary";
import { demoAnnotations, kyrgyzSynopsis } from "@/db/seed/demo-annotations";
import { synopsisDocument, synopsisPdf } from "@/db/seed/demo-documents";
import { demoArticles, demoFigures } from "@/db/seed/demo-articles";
import { demoAgents } from "@/db/seed/demo-agents";
import { demoJurisdictions } from "@/db/seed/demo-jurisdictions";
import { demoLaws } from "@/db/seed/demo-laws";
import { addPeriod } from "@/modules/laws/periods";
import { demoSources } from "@/db/seed/demo-sources";
import { demoTopics } from "@/db/seed/demo-topics";
import { markdownText } from "@/lib/markdown";
import { quotePassage } from "@/modules/annotations/passage";
import { createAnnotation } from "@/modules/annotations/save";
import { commandLineActor, type Ctx } from "@/modules/auth/context";
import { createAgent } from "@/modules/agents/save";
import { attachFiles } from "@/modules/attachments/attach";
import { admitFile } from "@/modules/files/admit";
import { extractNow } from "@/modules/files/extraction";
import { incomingFolder } from "@/modules/files/storage";
import { getArticle } from "@/modules/articles/read";
import { createArticle } from "@/modules/articles/save";
import { approveFigure } from "@/modules/figures/approve";
import { createFigure } from "@/modules/figures/save";
import { addEvent } from "@/modules/laws/events";
import { addLawRelation } from "@/modules/laws/relations";
import { createLaw } from "@/modules/laws/save";
import { addLawTextVersion, listLawTextVersions } from "@/modules/laws/texts";
import { createSource } from "@/modules/sources/save";
import { createTopic } from "@/modules/topics/save";
import { editorialStatus } from "@/modules/workflow/status";
import { moveItem } from "@/modules/workflow/transitions";

/**
 * Loads the founding example through the same domain functions editors use, so the demo obeys
 * every rule the forms do. What exists already (by slug, or title for sources) is left alone.
 */
export async function loadDemoContent(db: Db): Promise<{ lawsAdded: number }> {
  const ctx: Ctx = { db, actor: commandLineActor };
  await db.insert(jurisdictions).values(demoJurisdictions).onConflictDoNothing();

  const topicIds = new Map<string, number>();
  for (const topic of demoTopics) {
    const [found] = await db.select({ id: topics.id }).from(topics).where(eq(topics.slug, topic.slug));
    const parentId = topic.parentSlug ? topicIds.get(topic.parentSlug) : undefined;
    topicIds.set(topic.slug, found?.id ?? (await createTopic(ctx, { ...topic, parentId })).id);
  }

  const agentIds = new Map<string, number>();
  for (const agent of demoAgents) {
    const [found] = await db.select({ id: agents.id }).from(agents).where(eq(agents.slug, agent.slug));
    if (found) {
      agentIds.set(agent.slug, found.id);
      continue;
    }
    const created = await createAgent(ctx, agent);
    await publishDemo(ctx, "agent", created.id);
    agentIds.set(agent.slug, created.id);
  }

  const sourceIds = new Map<string, number>();
  for (const source of demoSources) {
    const [found] = await db.select({ id: sources.id }).from(sources).where(eq(sources.title, source.title));
    sourceIds.set(source.title, found?.id ?? (await createSource(ctx, source)).id);
  }

  let lawsAdded = 0;
  const lawIds: number[] = [];
  const addedIds: number[] = [];
  for (const { events, periods, topicSlugs, sourceTitles, ...law } of demoLaws) {
    const [found] = await db
      .select({ id: laws.id })
      .from(laws)
      .where(and(eq(laws.jurisdictionCode, law.jurisdictionCode), eq(laws.slug, law.slug)));
    if (found) {
      lawIds.push(found.id);
      continue;
    }
    const lawSourceIds = sourceTitles.map((t) => sourceIds.get(t));
    const created = await createLaw(ctx, {
      ...law,
      topicIds: topicSlugs.map((s) => topicIds.get(s)),
      sourceIds: lawSourceIds,
    });
    for (const event of events) {
      await addEvent(ctx, created.id, {
        baseRevision: await workingRevision(ctx, "law", created.id),
        kind: event.kind,
        agentId: event.agentSlug ? agentIds.get(event.agentSlug) : undefined,
        note: event.note,
        accounts: event.accounts.map((a) => ({
          date: a.date,
          sourceId: a.sourceTitle ? sourceIds.get(a.sourceTitle) : undefined,
          note: a.note,
        })),
      });
    }
    for (const period of periods) {
      await addPeriod(ctx, created.id, {
        baseRevision: await workingRevision(ctx, "law", created.id),
        accounts: period.accounts,
      });
    }
    if (law.slug === kyrgyzSynopsis.lawSlug) {
      const text = await addLawTextVersion(ctx, created.id, {
        lang: kyrgyzSynopsis.lang,
        body: kyrgyzSynopsis.body,
        baseRevision: await workingRevision(ctx, "law", created.id),
      });
      await attachSynopsisDocument(ctx, created.id, text.id);
    }
    lawIds.push(created.id);
    addedIds.push(created.id);
    lawsAdded++;
  }
  const [kyrgyz, kazakh] = lawIds;
  if (lawsAdded > 0 && kyrgyz && kazakh) {
    await addLawRelation(ctx, kyrgyz, {
      baseRevision: await workingRevision(ctx, "law", kyrgyz),
      toLawId: kazakh,
      kind: "comparable",
      note: "Compared in commentary on the Kyrgyz law.",
    });
  }
  for (const id of addedIds) await publishDemo(ctx, "law", id);
  if (lawsAdded > 0) {
    await loadDemoArticles(ctx, { agentIds, topicIds, sourceIds });
    await loadDemoAnnotations(ctx);
  }
  return { lawsAdded };
}

/**
 * The editors' notes on the synopsis of the Kyrgyz law and on the commentary about it, published
 * like any annotation (one stays internal); the law's cross-reference links to the commentary's passage.
 */
async function loadDemoAnnotations(ctx: Ctx) {
  const made: number[] = [];
  const idOf = async (ref: { law: string } | { article: string }) => {
    const table = "law" in ref ? laws : articles;
    const [found] = await ctx.db
      .select({ id: table.id })
      .from(table)
      .where(eq(table.slug, "law" in ref ? ref.law : ref.article));
    return found?.id;
  };
  for (const { on, quote, links, ...note } of demoAnnotations) {
    const targetId = await idOf(on);
    if (!targetId) return;
    const type = "law" in on ? ("law" as const) : ("article" as const);
    const text = type === "law" ? (await listLawTextVersions(ctx, targetId))[0] : undefined;
    const markdown = type === "law" ? kyrgyzSynopsis.body : (await getArticle(ctx, targetId)).body;
    const linkRefs: string[] = [];
    for (const link of links) {
      if ("passage" in link) linkRefs.push(`annotation:${made[link.passage]}`);
      else linkRefs.push(`${"law" in link ? "law" : "article"}:${await idOf(link)}`);
    }
    const created = await createAnnotation(ctx, {
      ...note,
      targetType: type,
      targetId,
      textId: text?.id,
      links: linkRefs,
      passage: {
        targetRevision: await workingRevision(ctx, type, targetId),
        ...quotePassage(markdownText(markdown), quote),
      },
    });
    await publishDemo(ctx, "annotation", created.id);
    made.push(created.id);
  }
}

/** Articles and figures arrive with the laws they discuss, so they are loaded once, with them. */
async function loadDemoArticles(
  ctx: Ctx,
  ids: { agentIds: Map<string, number>; topicIds: Map<string, number>; sourceIds: Map<string, number> },
) {
  for (const { lawSlugs, topicSlugs, sourceTitles, creditedAgentSlug, ...article } of demoArticles) {
    const lawIds = [];
    for (const slug of lawSlugs) {
      const [law] = await ctx.db.select({ id: laws.id }).from(laws).where(eq(laws.slug, slug));
      lawIds.push(law?.id);
    }
    const created = await createArticle(ctx, {
      ...article,
      creditedAgentId: creditedAgentSlug ? ids.agentIds.get(creditedAgentSlug) : undefined,
      lawIds,
      topicIds: topicSlugs.map((s) => ids.topicIds.get(s)),
      sourceIds: sourceTitles.map((t) => ids.sourceIds.get(t)),
    });
    await publishDemo(ctx, "article", created.id);
  }
  for (const { accounts, ...figure } of demoFigures) {
    const created = await createFigure(ctx, {
      ...figure,
      accounts: accounts.map(({ sourceTitle, ...a }) => ({ ...a, sourceId: ids.sourceIds.get(sourceTitle) })),
    });
    await approveFigure(ctx, created.id, created.updatedAt.toISOString());
  }
}

async function workingRevision(ctx: Ctx, type: ContentType, id: number): Promise<number> {
  return (await editorialStatus(ctx, type, id)).workingRevisionId;
}

/**
 * The demo goes through review like anything else; the operator who loads it is its reviewer, and
 * the audit log says so.
 */
/** The synopsis as a PDF on its text, its text read at once so that search finds it from the start. */
async function attachSynopsisDocument(ctx: Ctx, lawId: number, textId: number) {
  const bytes = synopsisPdf();
  const folder = incomingFolder();
  await mkdir(folder, { recursive: true });
  const file = path.join(folder, `demo-${process.pid}-${Date.now()}.pdf`);
  await writeFile(file, bytes);
  const stored = await admitFile(
    ctx,
    { path: file, size: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex") },
    synopsisDocument.name,
  );
  await extractNow(ctx.db, stored.sha256);
  await attachFiles(
    ctx,
    { type: "law", id: lawId },
    {
      baseRevision: await workingRevision(ctx, "law", lawId),
      textId,
      files: [
        {
          sha256: stored.sha256,
          name: synopsisDocument.name,
          role: "editorial",
          capturedOn: synopsisDocument.capturedOn,
        },
      ],
    },
  );
}

async function publishDemo(ctx: Ctx, type: ContentType, id: number) {
  for (const action of ["submit", "approve", "publish"] as const) {
    await moveItem(ctx, { type, id, action, baseRevision: await workingRevision(ctx, type, id) });
  }
}
