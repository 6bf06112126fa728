import { and, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { liveDocuments, publicSearch, searchWords } from "@/db/schema";
import type { ContentType } from "@/db/schema/vocabulary";
import { plainText } from "@/lib/search/plain-text";
import { foldForSearch } from "@/lib/text";
import { parseAgentSnapshot } from "@/modules/agents/snapshot-schema";
import { parseArticleSnapshot } from "@/modules/articles/snapshot-schema";
import { parseLawSnapshot } from "@/modules/laws/snapshot-schema";
import { agentIdsOf, creditsOf, liveAgents, namesAgent, type Credit } from "@/modules/public/live-agents";
import type { Snapshot } from "./revise";

/**
 * What an item contributes to search: its names (weighed most), a summary, its text (weighed
 * least), and the readable excerpt that result snippets are cut from.
 */
export type SearchDocument = {
  scope: string;
  slug: string;
  title: string;
  kind: string;
  jurisdictionCodes: string[];
  names: string[];
  summary: string;
  text: string;
  excerpt: string;
};

// tsvector holds at most 1 MB of lexemes; this leaves room for the longest codes.
const maxIndexedText = 400_000;
// Snippets are cut from the opening of long texts: reading all of a code for each result is slow.
const maxExcerpt = 50_000;

/** `agents`: the published agents an article names (liveAgents); the others are not searchable by it. */
export function searchDocument(
  type: ContentType,
  snapshot: Snapshot,
  agents: Map<number, Credit> = new Map(),
): SearchDocument | null {
  if (type === "law") {
    const law = parseLawSnapshot(snapshot);
    const text = law.texts.map((t) => plainText(t.body)).join("\n\n");
    return {
      scope: law.jurisdictionCode,
      slug: law.slug,
      title: law.title,
      kind: law.type,
      jurisdictionCodes: [law.jurisdictionCode],
      names: [law.title, ...law.titles.map((t) => t.title), ...law.identifiers.map((i) => i.value)],
      summary: plainText(law.summary),
      text,
      excerpt: [plainText(law.summary), text].filter(Boolean).join("\n\n"),
    };
  }
  if (type === "article") {
    const article = parseArticleSnapshot(snapshot);
    const text = plainText(article.body);
    return {
      scope: "",
      slug: article.slug,
      title: article.title,
      kind: article.kind,
      // The jurisdictions the article is filed under; those of the laws it discusses could be
      // of drafts, and would go stale when a law is withdrawn.
      jurisdictionCodes: article.jurisdictions.map((j) => j.code),
      names: [article.title],
      // Who wrote, published or is credited, by their live names: found by name, not shown in the snippet.
      summary: creditsOf(agents, [...article.authors, article.publisher, article.creditedAgent])
        .map((a) => a.name)
        .join(", "),
      text,
      excerpt: text,
    };
  }
  if (type === "agent") {
    const agent = parseAgentSnapshot(snapshot);
    const text = plainText(agent.description);
    return {
      scope: "",
      slug: agent.slug,
      title: agent.preferredName,
      kind: agent.kind,
      jurisdictionCodes: [],
      names: [agent.preferredName, ...agent.names.map((n) => n.name)],
      summary: "",
      text,
      excerpt: text,
    };
  }
  return null;
}

/** Writes an item's row of the public search index from the revision that just went live. */
export async function projectSearch(
  tx: Db | Tx,
  type: ContentType,
  itemId: number,
  revisionId: number,
  snapshot: Snapshot,
  publishedAt: Date,
): Promise<void> {
  const agents = type === "article" ? await liveAgents(tx, agentIdsOf(parseArticleSnapshot(snapshot))) : undefined;
  const doc = searchDocument(type, snapshot, agents);
  if (doc) await writeSearchRow(tx, type, itemId, revisionId, doc, publishedAt);
}

/**
 * Re-writes the search rows of the live articles that name an agent whose publication just
 * changed (published, renamed, withdrawn, archived), in the same transaction: they are found by
 * the agent's live name only, so a withdrawn name leaves the index with the agent.
 */
export async function reprojectArticlesNaming(tx: Db | Tx, agentId: number): Promise<void> {
  const rows = await tx
    .select({
      itemId: liveDocuments.itemId,
      revisionId: liveDocuments.revisionId,
      snapshot: liveDocuments.snapshot,
      publishedAt: liveDocuments.publishedAt,
    })
    .from(liveDocuments)
    .where(and(eq(liveDocuments.itemType, "article"), namesAgent(agentId, liveDocuments.itemId)));
  // One after another: a transaction's connection runs one query at a time.
  for (const row of rows) await projectSearch(tx, "article", row.itemId, row.revisionId, row.snapshot, row.publishedAt);
}

/**
 * A search document as its public_search row stores it, folded and cut to size, and the words it
 * adds to the vocabulary; `document` is built from the folded parts in SQL. Pure, so that bulk
 * loaders (scripts/synthetic) write exactly what publishing writes.
 */
export function searchRowValues(doc: SearchDocument) {
  const names = foldForSearch(doc.names.join(" "));
  // Short words (of, on, 12) are left out: corrections aim at names, and two letters are no clue.
  const words = [...new Set(names.split(" ").filter((w) => w.length >= 3))];
  return {
    names,
    summary: foldForSearch(doc.summary),
    text: foldForSearch(doc.text.slice(0, maxIndexedText)),
    aliases: [...new Set(doc.names.filter((n) => n && n !== doc.title))],
    body: doc.excerpt.slice(0, maxExcerpt),
    words,
  };
}

/** Writes one row of the public search index; annotations call it with a document of their own. */
export async function writeSearchRow(
  tx: Db | Tx,
  type: ContentType,
  itemId: number,
  revisionId: number,
  doc: SearchDocument,
  publishedAt: Date,
): Promise<void> {
  const { names, summary, text, aliases, body, words } = searchRowValues(doc);
  const values = {
    revisionId,
    scope: doc.scope,
    slug: doc.slug,
    title: doc.title,
    kind: doc.kind,
    jurisdictionCodes: doc.jurisdictionCodes,
    aliases,
    names,
    body,
    document: sql`setweight(to_tsvector('simple', ${names}), 'A') || setweight(to_tsvector('simple', ${summary}), 'B') || setweight(to_tsvector('simple', ${text}), 'C')`,
    publishedAt,
  };
  await tx
    .insert(publicSearch)
    .values({ itemType: type, itemId, ...values })
    .onConflictDoUpdate({ target: [publicSearch.itemType, publicSearch.itemId], set: values });
  if (words.length)
    await tx
      .insert(searchWords)
      .values(words.map((word) => ({ word })))
      .onConflictDoNothing();
}

/** Takes a withdrawn or archived item out of search. */
export async function unprojectSearch(tx: Db | Tx, type: ContentType, itemId: number): Promise<void> {
  await tx.delete(publicSearch).where(and(eq(publicSearch.itemType, type), eq(publicSearch.itemId, itemId)));
}
