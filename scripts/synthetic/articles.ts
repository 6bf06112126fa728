import type { ArticleKind } from "@/db/schema/vocabulary";
import { slugify } from "@/lib/text";
import { articleSnapshotVersion, type ArticleSnapshot } from "@/modules/articles/snapshot-schema";
import { publicAgentPath } from "@/modules/public/addresses";
import type { Credit } from "@/modules/public/live-agents";
import { searchDocument } from "@/modules/workflow/project-search";
import type { Agent } from "./agents";
import { writeArticleRows } from "@/modules/system/bulk/article-rows";
import type { BulkWriter } from "@/modules/system/bulk/writer";
import type { Ids } from "@/modules/system/bulk/ids";
import type { Law, TextTarget } from "./laws";
import { articleDocument } from "./markdown";
import { pickState, type Publisher } from "./publication";
import { writeArticleReadModel } from "./read-model";
import { instant, type Random } from "./random";
import { FROM, TO } from "./time";
import type { Vocabulary } from "./vocabulary";

const kinds: [number, ArticleKind][] = [
  [50, "news"],
  [20, "opinion"],
  [20, "analysis"],
  [10, "statement"],
];
const headlines: Record<ArticleKind, string[]> = {
  news: ["adopted", "signed into law", "sent back for a second reading", "published in the official gazette"],
  opinion: ["what it changes and what it leaves open", "a view on its first year", "the questions it leaves"],
  analysis: ["how it compares with its neighbours", "the procedure in detail", "ten years of practice"],
  statement: ["a statement on its entry into force", "the ministry's explanation"],
};

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);

/**
 * News, commentary, analyses and statements, each discussing one to three laws (some laws far
 * more discussed than others), with authors, a publisher, sometimes a credited agency, topics,
 * the laws' jurisdictions and sources; the live ones' rows of the public read model and search.
 * Returns the live articles' ids.
 */
export async function writeArticles(
  out: BulkWriter,
  publisher: Publisher,
  ids: Ids,
  rng: Random,
  options: {
    count: number;
    draftShare: number;
    vocabulary: Vocabulary;
    agents: Agent[];
    laws: Law[];
    onText: (t: TextTarget) => void;
  },
): Promise<number[]> {
  const { topics, sources, jurisdictions } = options.vocabulary;
  const people = options.agents.filter((a) => a.kind === "person");
  const outlets = options.agents.filter((a) => a.kind === "media_outlet" || a.kind === "publisher");
  const liveAgents = new Map<number, Credit>(
    options.agents
      .filter((a) => a.live)
      .map((a) => [a.id, { id: a.id, name: a.name, path: publicAgentPath({ slug: "" }) }]),
  );
  const jurisdictionName = new Map(jurisdictions.map((j) => [j.code, j.name]));
  const live: number[] = [];
  for (let n = 0; n < options.count; n++) {
    const id = ids.next("articles");
    const kind = rng.weighted(kinds);
    // A few laws draw most of the commentary.
    const laws = [
      ...new Map(
        Array.from(
          { length: rng.int(1, 3) },
          () => options.laws[Math.floor(options.laws.length * rng.next() ** 3)]!,
        ).map((l) => [l.id, l]),
      ).values(),
    ];
    const main = laws[0]!;
    const title = `${main.title.slice(0, 90)}: ${rng.pick(headlines[kind])}`;
    const long = kind !== "news" && rng.chance(0.05);
    const doc = articleDocument(
      rng,
      long ? rng.int(8_000, 15_000) : kind === "news" ? rng.int(600, 2_500) : rng.int(1_500, 5_000),
    );
    const authors =
      kind === "statement" || !people.length
        ? []
        : [...new Set(Array.from({ length: rng.int(1, 2) }, () => rng.pick(people)))];
    const outlet = outlets.length ? rng.pick(outlets) : null;
    const credited = kind === "news" && outlets.length && rng.chance(0.2) ? rng.pick(outlets) : null;
    const createdMs = FROM + Math.floor(rng.next() * (TO - FROM));
    const original = rng.chance(0.05)
      ? null
      : {
          date: new Date(createdMs - rng.int(0, 20) * 86_400_000).toISOString().slice(0, 10),
          precision: rng.chance(0.85) ? ("day" as const) : ("month" as const),
          approximate: false,
        };
    if (original?.precision === "month") original.date = `${original.date.slice(0, 7)}-01`;
    const articleTopics = [
      ...new Map(Array.from({ length: rng.int(1, 2) }, () => rng.pick(topics)).map((x) => [x.id, x])).values(),
    ];
    const codes = [...new Set(laws.map((l) => l.jurisdictionCode))];
    const articleSources = rng.chance(0.4) ? [rng.pick(sources)] : [];
    const slug = `${slugify(title, 60)}-${id}`;
    const state = pickState(rng, options.draftShare);
    const snapshot: ArticleSnapshot = {
      schemaVersion: articleSnapshotVersion,
      slug,
      kind,
      title,
      body: doc.markdown,
      lang: "en",
      originalDate: original,
      originalUrl: `https://example.org/${kind}/${id}`,
      authors: authors.map((a) => ({ id: a.id, name: a.name })),
      publisher: outlet && { id: outlet.id, name: outlet.name },
      creditedAgent: credited && { id: credited.id, name: credited.name },
      laws: laws
        .map((l) => ({ id: l.id, title: l.title, jurisdictionCode: l.jurisdictionCode }))
        .sort((a, b) => a.title.localeCompare(b.title) || a.id - b.id),
      topics: articleTopics.map(({ id: topicId, name }) => ({ id: topicId, name })).sort(byName),
      jurisdictions: codes.map((code) => ({ code, name: jurisdictionName.get(code)! })).sort(byName),
      sources: articleSources.map(({ id: sourceId, title: sourceTitle }) => ({ id: sourceId, title: sourceTitle })),
      attachments: [],
    };
    const working = state === "pending" ? { ...snapshot, title: `${title} (updated)` } : snapshot;
    const createdAt = instant(rng, createdMs, createdMs + 86_400_000);
    await writeArticleRows(out, { id, createdAt, createdById: null }, working);
    const published = await publisher.record(
      { type: "article", id, createdAt },
      state,
      { working, live: snapshot },
      "Headline updated",
    );
    if (published) {
      live.push(id);
      await writeArticleReadModel(out, id, published, snapshot);
      await publisher.search("article", id, published, searchDocument("article", snapshot, liveAgents)!);
    }
    if (rng.chance(0.25))
      options.onText({
        type: "article",
        id,
        textId: null,
        text: doc.text,
        revisionId: published?.revisionId ?? ids.peek("revisions"),
        live: published !== null,
        scope: "",
        slug,
        title,
      });
  }
  return live;
}
