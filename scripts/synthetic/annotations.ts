import { annotationKinds, type AnnotationKind } from "@/db/schema/vocabulary";
import { describePassage } from "@/lib/anchoring/selectors";
import { annotationKindLabels } from "@/modules/annotations/labels";
import { fromTarget, type Passage } from "@/modules/annotations/passage";
import { annotationSnapshotVersion, type AnnotationSnapshot } from "@/modules/annotations/snapshot-schema";
import { publicAnnotationValues } from "@/modules/workflow/project-annotations";
import type { Agent } from "./agents";
import type { BulkWriter, Table } from "@/modules/system/bulk/writer";
import type { Ids } from "@/modules/system/bulk/ids";
import type { Law, TextTarget } from "./laws";
import { pickState, type Publisher } from "./publication";
import { instant, type Random } from "./random";
import { FROM, TO } from "./time";
import type { Source } from "./vocabulary";

const passageFields = 'exact text, prefix text, suffix text, start int, "end" int';
const annotationRows: Table = {
  name: "annotations",
  fields: `id int, target_type content_type, target_id int, text_id int, kind annotation_kind, audience annotation_audience, body text, ${passageFields}, made_on_revision_id int, created_at timestamptz, updated_at timestamptz`,
  identity: true,
};
const linkRows: Table = {
  name: "annotation_links",
  fields: "annotation_id int, item_type content_type, item_id int, position int",
};
const sourceRows: Table = { name: "annotation_sources", fields: "annotation_id int, source_id int" };
const anchorRows: Table = {
  name: "annotation_anchors",
  fields: `annotation_revision_id int, target_revision_id int, annotation_id int, state anchor_state, method text, text_id int, ${passageFields}`,
};
const publicRows: Table = {
  name: "public_annotations",
  fields: `annotation_id int, revision_id int, target_type content_type, target_id int, target_revision_id int, text_id int, kind annotation_kind, body text, ${passageFields}, links jsonb, sources jsonb, first_published_at timestamptz, published_at timestamptz`,
};

/** Picks texts in proportion to their length: a long code gathers more notes than a short decree. */
function byLength(targets: TextTarget[]) {
  const ends: number[] = [];
  let total = 0;
  for (const target of targets) ends.push((total += target.text.length));
  return (rng: Random) => {
    const r = rng.next() * total;
    let low = 0;
    let high = ends.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (ends[middle]! > r) high = middle;
      else low = middle + 1;
    }
    return targets[low]!;
  };
}

/** Three to twelve whole words on one line of the text, as a reader would select them. */
function selectPassage(rng: Random, text: string): Passage {
  let start = rng.int(0, Math.max(0, text.length - 2));
  while (start > 0 && !/\s/.test(text[start - 1]!)) start--;
  while (start < text.length - 1 && /\s/.test(text[start]!)) start++;
  let end = start;
  for (let words = rng.int(3, 12); words > 0 && end < text.length && text[end] !== "\n"; words--) {
    while (end < text.length && !/\s/.test(text[end]!)) end++;
    if (words > 1 && text[end] === " ") end++;
  }
  end = Math.max(end, start + 1);
  return fromTarget(describePassage(text, start, text[end - 1] === " " ? end - 1 : end));
}

function bodyOf(rng: Random, kind: AnnotationKind, exact: string): string {
  const words = rng.words(3, 8);
  switch (kind) {
    case "context":
      return `Background: ${words}. The provision was discussed at the **second reading**.`;
    case "fact_check":
      return "The date and number given here match the official gazette.";
    case "cross_reference":
      return `Compare the corresponding provision of the earlier act on ${words}.`;
    case "translation":
      return `Unofficial translation of “${[...exact].slice(0, 40).join("")}”: ${words}.`;
    case "correction":
      return "An earlier published version of this text had a different article number here.";
    default:
      return `${rng.capital(words)}.`;
  }
}

/**
 * Annotations on law texts (about two thirds) and articles, at passages chosen on the text readers
 * see, made on the target's live revision (or working one, for a target never published). A live,
 * public note on a live target gets what publishing stores: its placement (anchored "position",
 * modules/annotations/placement.ts) and its public and search rows (publicAnnotationValues).
 */
export async function writeAnnotations(
  out: BulkWriter,
  publisher: Publisher,
  ids: Ids,
  rng: Random,
  options: {
    count: number;
    draftShare: number;
    targets: TextTarget[];
    laws: Law[];
    agents: Agent[];
    sources: Source[];
  },
): Promise<{ live: number; public: number }> {
  const onLaws = options.targets.filter((t) => t.type === "law");
  const onArticles = options.targets.filter((t) => t.type === "article");
  const pickLaw = onLaws.length ? byLength(onLaws) : null;
  const pickArticle = onArticles.length ? byLength(onArticles) : null;
  let live = 0;
  let shown = 0;
  for (let n = 0; n < options.count; n++) {
    const target = (pickArticle && (rng.chance(0.35) || !pickLaw) ? pickArticle : pickLaw)?.(rng);
    if (!target) break;
    const id = ids.next("annotations");
    const kind = rng.pick(annotationKinds);
    const audience = rng.chance(0.9) ? "public" : "internal";
    const passage = selectPassage(rng, target.text);
    const body = bodyOf(rng, kind, passage.exact);
    const links: AnnotationSnapshot["links"] = [];
    if (rng.chance(0.3)) {
      const law = rng.pick(options.laws);
      if (law.id !== target.id || target.type !== "law") links.push({ type: "law", id: law.id, title: law.title });
    }
    if (rng.chance(0.05)) {
      const agent = rng.pick(options.agents);
      links.push({ type: "agent", id: agent.id, title: agent.name });
    }
    const sources = rng.chance(0.2)
      ? [rng.pick(options.sources)].map(({ id: s, title, url }) => ({ id: s, title, url }))
      : [];
    const quote = [...passage.exact.replace(/\s+/g, " ").trim()];
    const snapshot: AnnotationSnapshot = {
      schemaVersion: annotationSnapshotVersion,
      slug: String(id),
      title: `${annotationKindLabels[kind]} on “${quote.length > 60 ? `${quote.slice(0, 60).join("")}…` : quote.join("")}”`,
      target: { type: target.type, id: target.id, textId: target.textId },
      kind,
      audience,
      body,
      passage: { ...passage, revisionId: target.revisionId },
      links,
      sources,
    };
    // A note on a text nobody published yet is a draft too.
    const state = target.live ? pickState(rng, options.draftShare) : "draft";
    const working = state === "pending" ? { ...snapshot, body: `${body} A revised wording awaits review.` } : snapshot;
    const createdAt = instant(rng, FROM, TO);
    await out.add(annotationRows, {
      id,
      target_type: target.type,
      target_id: target.id,
      text_id: target.textId,
      kind,
      audience,
      body: working.body,
      ...passage,
      made_on_revision_id: target.revisionId,
      created_at: createdAt,
      updated_at: createdAt,
    });
    for (const [position, link] of links.entries())
      await out.add(linkRows, { annotation_id: id, item_type: link.type, item_id: link.id, position });
    for (const s of sources) await out.add(sourceRows, { annotation_id: id, source_id: s.id });
    const published = await publisher.record(
      { type: "annotation", id, createdAt },
      state,
      { working, live: snapshot },
      "Wording revised",
    );
    if (!published) continue;
    live++;
    if (audience !== "public" || !target.live) continue;
    shown++;
    const { row, search } = publicAnnotationValues(
      {
        ...published,
        firstPublishedAt: new Date(published.firstPublishedAt),
        publishedAt: new Date(published.publishedAt),
        snapshot,
      },
      {
        itemType: target.type,
        revisionId: target.revisionId,
        scope: target.scope,
        slug: target.slug,
        title: target.title,
      },
      { textId: target.textId, passage },
    );
    await out.add(anchorRows, {
      annotation_revision_id: published.revisionId,
      target_revision_id: target.revisionId,
      annotation_id: id,
      state: "anchored",
      method: "position",
      text_id: target.textId,
      ...passage,
    });
    await out.add(publicRows, {
      ...row,
      annotation_id: id,
      revision_id: row.revisionId,
      target_type: row.targetType,
      target_id: row.targetId,
      target_revision_id: row.targetRevisionId,
      text_id: row.textId,
      first_published_at: published.firstPublishedAt,
      published_at: published.publishedAt,
    });
    await publisher.search("annotation", id, published, search);
  }
  return { live, public: shown };
}
