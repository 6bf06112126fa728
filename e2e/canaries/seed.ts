import type { Db } from "@/db";
import { markdownText } from "@/lib/markdown";
import { quotePassage } from "@/modules/annotations/passage";
import { createAnnotation } from "@/modules/annotations/save";
import { createArticle } from "@/modules/articles/save";
import { commandLineActor, type Ctx } from "@/modules/auth/context";
import { createJurisdiction } from "@/modules/jurisdictions/save";
import { addEvent } from "@/modules/laws/events";
import { createLaw } from "@/modules/laws/save";
import { addLawTextVersion, listLawTextVersions } from "@/modules/laws/texts";
import { createSource, updateSource } from "@/modules/sources/save";
import { createTopic } from "@/modules/topics/save";
import { CanaryBook, type Canary } from "./book";
import {
  canaryAgent,
  canaryAnnotation,
  canaryArticle,
  canaryJurisdiction,
  canaryLaw,
  finishAgent,
  hostQuote,
  type Hosts,
} from "./items";
import { bringTo, hiddenStates, workingRevision, type HiddenState } from "./states";

const hostText = `## Article 1\n\nThis provision ${hostQuote} of the leak test.\n\n## Article 2\n\nNothing else.`;

/**
 * Plants canaries in everything readers must not see, through the same domain functions as the
 * demo content, as the command line (an admin who is never an author). Published "host" items,
 * written without canaries, link to the unpublished ones: the crawler then finds every door.
 */
export async function seedCanaries(db: Db): Promise<Canary[]> {
  const ctx: Ctx = { db, actor: commandLineActor };
  const book = new CanaryBook();
  await createJurisdiction(ctx, { code: canaryJurisdiction, name: "Leak-test Republic", kind: "country" });

  const agents = new Map<HiddenState, number>();
  for (const state of hiddenStates) agents.set(state, await canaryAgent(ctx, book, state));
  const agent = (state: HiddenState) => agents.get(state)!;
  // Sources have no workflow: readers see them as approved with the item. Topics are admin-curated
  // vocabulary, public as they stand (docs/adr/0005-references-to-unpublished-records.md).
  const topic = await createTopic(ctx, { name: "Leak-test topic", description: "Linked from published items." });
  const source = await createSource(ctx, {
    title: "Leak-test source",
    url: "https://example.org/leak-test-source",
    publisherId: agent("draft"),
  });

  const hosts = await publishHosts(ctx, book, {
    agents: [...agents.values()],
    topicId: topic.id,
    sourceId: source.id,
    publisherId: agent("in_review"),
    creditedId: agent("withdrawn"),
  });

  const unpublished = { law: 0, article: 0 };
  for (const state of hiddenStates) {
    const lawId = await canaryLaw(ctx, book, state, hosts);
    const articleId = await canaryArticle(ctx, book, state, hosts);
    if (state === "draft") Object.assign(unpublished, { law: lawId, article: articleId });
  }
  for (const [i, state] of hiddenStates.entries()) await canaryAnnotation(ctx, book, state, hosts, i % 2 === 0);
  await publishedNotes(ctx, book, hosts, { agentId: agent("draft"), sourceId: source.id, ...unpublished });

  for (const state of hiddenStates) await finishAgent(ctx, book, state, agent(state));
  await publishLater(ctx, book, agent);
  await updateSource(ctx, source.id, {
    title: book.mark("source", "edited", "title"),
    url: `https://example.org/${book.mark("source", "edited", "url")}`,
    note: book.mark("source", "edited", "note"),
    publisherId: agent("draft"),
  });
  return book.canaries;
}

type Links = { agents: number[]; topicId: number; sourceId: number; publisherId: number; creditedId: number };

/** A published law (with a text and a timeline acted by every canary agent) and an article by them all. */
async function publishHosts(ctx: Ctx, book: CanaryBook, links: Links): Promise<Hosts> {
  const law = await createLaw(ctx, {
    jurisdictionCode: canaryJurisdiction,
    type: "law",
    status: "adopted",
    titles: [{ lang: "en", title: "Leak-test host law" }],
    summary: "A published law that links to unpublished records.",
    topicIds: [links.topicId],
    sourceIds: [links.sourceId],
  });
  for (const agentId of links.agents)
    await addEvent(ctx, law.id, {
      baseRevision: await workingRevision(ctx, "law", law.id),
      kind: "signed",
      agentId,
      accounts: [{ date: "2024" }],
    });
  await addLawTextVersion(ctx, law.id, {
    baseRevision: await workingRevision(ctx, "law", law.id),
    lang: "en",
    body: hostText,
  });
  await bringTo(ctx, book, "law", law.id, "live", "host");
  const [text] = await listLawTextVersions(ctx, law.id);

  const articleBody = `A published article whose byline ${hostQuote} of the leak test.`;
  const article = await createArticle(ctx, {
    kind: "news",
    lang: "en",
    title: "Leak-test host article",
    body: articleBody,
    authorIds: links.agents,
    publisherId: links.publisherId,
    creditedAgentId: links.creditedId,
    lawIds: [law.id],
    topicIds: [links.topicId],
    sourceIds: [links.sourceId],
    jurisdictionCodes: [canaryJurisdiction],
  });
  await bringTo(ctx, book, "article", article.id, "live", "host");
  return { lawId: law.id, textId: text!.id, articleId: article.id, articleBody, lawText: hostText };
}

/**
 * A law and an article published after the agents they credit were renamed (unpublished), withdrawn
 * or archived: what a new publication copies of an agent must be only what is public of it.
 */
async function publishLater(ctx: Ctx, book: CanaryBook, agent: (state: HiddenState) => number) {
  const law = await createLaw(ctx, {
    jurisdictionCode: canaryJurisdiction,
    type: "decree",
    status: "adopted",
    titles: [{ lang: "en", title: "Leak-test later law" }],
  });
  for (const state of ["working", "withdrawn", "archived", "draft"] as const)
    await addEvent(ctx, law.id, {
      baseRevision: await workingRevision(ctx, "law", law.id),
      kind: "signed",
      agentId: agent(state),
      accounts: [{ date: "2025" }],
    });
  await bringTo(ctx, book, "law", law.id, "live", "host");
  const article = await createArticle(ctx, {
    kind: "analysis",
    lang: "en",
    title: "Leak-test later article",
    body: "Published after the agents it credits changed.",
    authorIds: [agent("working"), agent("withdrawn")],
    publisherId: agent("archived"),
    creditedAgentId: agent("working"),
    lawIds: [law.id],
    jurisdictionCodes: [canaryJurisdiction],
  });
  await bringTo(ctx, book, "article", article.id, "live", "host");
}

/** Published notes on the hosts: an internal one full of canaries, a public one linking to drafts. */
async function publishedNotes(
  ctx: Ctx,
  book: CanaryBook,
  hosts: Hosts,
  to: { agentId: number; sourceId: number; law: number; article: number },
) {
  const passage = async () => ({
    targetRevision: await workingRevision(ctx, "article", hosts.articleId),
    ...quotePassage(markdownText(hosts.articleBody), hostQuote),
  });
  const internal = await createAnnotation(ctx, {
    targetType: "article",
    targetId: hosts.articleId,
    kind: "note",
    audience: "internal",
    body: book.mark("annotation", "internal", "body"),
    passage: await passage(),
  });
  await bringTo(ctx, book, "annotation", internal.id, "live", "internal");
  const linking = await createAnnotation(ctx, {
    targetType: "article",
    targetId: hosts.articleId,
    kind: "cross_reference",
    audience: "public",
    body: "A published note that links to unpublished records.",
    links: [`agent:${to.agentId}`, `law:${to.law}`, `article:${to.article}`],
    sourceIds: [to.sourceId],
    passage: await passage(),
  });
  await bringTo(ctx, book, "annotation", linking.id, "live", "host");
}
