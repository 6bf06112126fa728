import type { LawEventKind, LawRelationKind, LawStatus, LawType } from "@/db/schema/vocabulary";
import type { DatePrecision, PartialDate } from "@/lib/partial-date";
import { lawSnapshotVersion, type LawSnapshot } from "@/modules/laws/snapshot-schema";
import { placeOnTimeline } from "@/modules/laws/timeline-order";
import { searchDocument } from "@/modules/workflow/project-search";
import { slugify } from "@/lib/text";
import { registries, scriptOf, sentences, title, topicTable, type Shape } from "../bench/synthetic-archive";
import type { Agent } from "./agents";
import { writeLawRows } from "@/modules/system/bulk/law-rows";
import type { BulkWriter } from "@/modules/system/bulk/writer";
import type { Ids } from "@/modules/system/bulk/ids";
import { lawDocument, type Document } from "./markdown";
import { pickState, type Live, type Publisher } from "./publication";
import { writeLawReadModel } from "./read-model";
import type { Random } from "./random";
import { FROM, TO } from "./time";
import type { Vocabulary } from "./vocabulary";

/** A text readers (or, for a draft, only editors) can annotate: where it is and what it renders to. */
export type TextTarget = {
  type: "law" | "article";
  id: number;
  textId: number | null;
  text: string;
  /** The revision annotations are made on: the live one, or the working one of an unpublished item. */
  revisionId: number;
  live: boolean;
  scope: string;
  slug: string;
  title: string;
};

export type Law = { id: number; title: string; jurisdictionCode: string; live: boolean };

const statusWeights: [number, LawStatus][] = [
  [10, "bill"],
  [10, "adopted"],
  [45, "in_force"],
  [20, "amended"],
  [15, "repealed"],
];
const typeWeights: [number, LawType][] = [
  [50, "law"],
  [20, "decree"],
  [5, "code"],
  [15, "resolution"],
  [5, "bill"],
  [5, "other"],
];
const shapes: Shape[] = ["amendments", "dated", "plain"];
const relationKinds: LawRelationKind[] = ["amends", "repeals", "implements", "cites", "comparable"];

function partial(rng: Random, ms: number): PartialDate {
  const precision: DatePrecision = rng.weighted([
    [60, "day"],
    [30, "month"],
    [10, "year"],
  ] as const);
  const iso = new Date(ms).toISOString().slice(0, 10);
  const date = precision === "day" ? iso : precision === "month" ? `${iso.slice(0, 7)}-01` : `${iso.slice(0, 4)}-01-01`;
  return { date, precision, approximate: precision === "year" && rng.chance(0.3) };
}

/** The steps of a law's history up to its status, a few weeks to months apart. */
function historyOf(status: LawStatus): LawEventKind[] {
  const steps: LawEventKind[] = ["initiated", "reading"];
  if (status === "bill") return steps;
  steps.push("adopted", "signed", "published");
  if (status === "adopted") return steps;
  steps.push("in_force");
  if (status === "amended") steps.push("amended");
  if (status === "repealed") steps.push("repealed");
  return steps;
}

function textLength(rng: Random): number {
  return rng.weighted([
    [88, () => rng.int(1_000, 4_000)],
    [9, () => rng.int(8_000, 20_000)],
    [3, () => rng.int(25_000, 60_000)],
  ] as const)();
}

/**
 * Laws with titles, identifiers, periods, topics, sources, texts, a dated timeline whose steps
 * name agents, and relations to earlier laws; revisions as lawSnapshot records them; for the live
 * ones their rows of the public read model and search row.
 */
export async function writeLaws(
  out: BulkWriter,
  publisher: Publisher,
  ids: Ids,
  rng: Random,
  options: {
    count: number;
    draftShare: number;
    vocabulary: Vocabulary;
    agents: Agent[];
    onText: (t: TextTarget) => void;
  },
): Promise<Law[]> {
  const { jurisdictions, topics, sources } = options.vocabulary;
  const weightedJurisdictions = jurisdictions.map((j) => [j.weight, j] as const);
  const legislatureOf = new Map(options.agents.filter((a) => a.kind === "legislature").map((a) => [a.jurisdiction, a]));
  const bodies = options.agents.filter((a) => a.kind === "government_body");
  const made: Law[] = [];
  for (let n = 0; n < options.count; n++) {
    const id = ids.next("laws");
    const jurisdiction = rng.weighted(weightedJurisdictions);
    const type = rng.weighted(typeWeights);
    const status = type === "bill" ? "bill" : rng.weighted(statusWeights);
    const topicIndex = rng.int(0, topicTable.length - 1);
    const createdMs = FROM + Math.floor(rng.next() * (TO - FROM));
    const startMs = createdMs - rng.int(0, 25 * 365) * 86_400_000;
    const shape = rng.pick(shapes);
    const langs = [...new Set([jurisdiction.lang, ...(rng.chance(0.5) ? ["ru", "en"] : ["en"])])].slice(
      0,
      rng.int(1, 3),
    );
    const titles = langs.map((lang, i) => ({
      lang,
      title: title(scriptOf[lang as keyof typeof scriptOf], type, shape, topicTable[topicIndex]!, new Date(startMs)),
      preferred: i === 0,
    }));
    const lawTitle = titles[0]!.title;
    const identifiers = Array.from({ length: rng.int(0, 2) }, (_, i) => ({
      registry: registries[i === 0 ? rng.int(0, 1) : rng.int(2, 3)]!,
      value:
        i === 0
          ? `№ ${rng.int(1, 999)}-${rng.pick(["I", "II", "III", "IV", "V"])}`
          : `${jurisdiction.code}-${new Date(startMs).getUTCFullYear()}-${id}`,
    }));
    const summary = Array.from({ length: rng.int(1, 3) }, () => rng.pick(sentences)).join(" ");
    const wholeYear = (year: number) => ({ date: `${year}-01-01`, precision: "year" as const, approximate: false });
    const periods = rng.chance(0.2)
      ? [
          {
            note: "",
            accounts: [
              {
                start: wholeYear(1917 + rng.int(0, 20)),
                end: wholeYear(1940 + rng.int(0, 20)),
                sourceId: null,
                sourceTitle: null,
                preferred: true,
                note: "",
              },
            ],
          },
        ]
      : [];
    const lawTopics = [
      ...new Map(
        [topics[topicIndex]!, ...(rng.chance(0.4) ? [rng.pick(topics)] : [])].map((tp) => [tp.id, tp]),
      ).values(),
    ].sort((a, b) => a.name.localeCompare(b.name));
    const lawSources = [
      ...new Map(Array.from({ length: rng.int(0, 2) }, () => rng.pick(sources)).map((s) => [s.id, s])).values(),
    ].sort((a, b) => a.title.localeCompare(b.title) || a.id - b.id);
    const createdAt = new Date(createdMs).toISOString();

    // The timeline: steps some weeks apart, sometimes two sources that disagree on a date.
    let at = startMs;
    const events = historyOf(status).map((kind, position) => {
      at += rng.int(10, 120) * 86_400_000;
      const agent =
        kind === "reading" || kind === "adopted"
          ? (legislatureOf.get(jurisdiction.code) ?? null)
          : kind === "initiated" && bodies.length
            ? rng.pick(bodies)
            : null;
      const disputed = rng.chance(0.1);
      const accounts = Array.from({ length: disputed ? 2 : 1 }, (_, i) => {
        const source = rng.chance(0.5) ? rng.pick(sources) : null;
        return {
          id: ids.next("law_event_accounts"),
          date: rng.chance(0.05) ? null : partial(rng, at + i * rng.int(1, 40) * 86_400_000),
          sourceId: source?.id ?? null,
          sourceTitle: source?.title ?? null,
          preferred: disputed && i === 0,
          note: disputed && i === 1 ? "This source gives a different date." : "",
        };
      });
      return {
        id: ids.next("law_events"),
        kind,
        agentId: agent?.id ?? null,
        agentName: agent?.name ?? null,
        note: "",
        position,
        accounts,
      };
    });

    const documents: (Document & {
      id: number;
      lang: string;
      official: boolean;
      effectiveDate: PartialDate | null;
      source: (typeof sources)[number] | null;
    })[] = [];
    const textCount = rng.weighted([
      [5, 0],
      [85, 1],
      [10, 2],
    ] as const);
    for (let i = 0; i < textCount; i++) {
      const lang = i === 0 ? jurisdiction.lang : "en";
      const doc = lawDocument(rng, scriptOf[lang] === "ru", textLength(rng));
      const source = rng.chance(0.5) ? rng.pick(sources) : null;
      documents.push({
        ...doc,
        id: ids.next("law_text_versions"),
        lang,
        official: i === 0,
        effectiveDate: rng.chance(0.7) ? partial(rng, at) : null,
        source,
      });
    }
    const relations =
      made.length && rng.chance(0.2)
        ? [
            ...new Map(
              Array.from({ length: rng.int(1, 2) }, () => ({ to: rng.pick(made), kind: rng.pick(relationKinds) })).map(
                (r) => [`${r.to.id}:${r.kind}`, r],
              ),
            ).values(),
          ].map((r) => ({
            id: ids.next("law_relations"),
            kind: r.kind,
            note: r.kind === "comparable" ? "Covers a similar subject." : "",
            toLawId: r.to.id,
            toTitle: r.to.title,
          }))
        : [];

    const state = pickState(rng, options.draftShare);
    const slug = `${slugify(lawTitle, 60)}-${id}`;
    const live: LawSnapshot = {
      schemaVersion: lawSnapshotVersion,
      slug,
      jurisdictionCode: jurisdiction.code,
      type,
      status,
      title: lawTitle,
      summary,
      titles,
      identifiers,
      periods,
      topics: lawTopics.map(({ id: topicId, name }) => ({ id: topicId, name })),
      sources: lawSources.map(({ id: sourceId, title: sourceTitle, url, archivedUrl }) => ({
        id: sourceId,
        title: sourceTitle,
        url,
        archivedUrl,
      })),
      events: placeOnTimeline(events.map(({ position: _p, ...e }) => e)).map(({ date: _d, disputed: _x, ...e }) => e),
      texts: documents.map((d) => ({
        id: d.id,
        lang: d.lang,
        official: d.official,
        effectiveDate: d.effectiveDate,
        sourceId: d.source?.id ?? null,
        sourceTitle: d.source?.title ?? null,
        body: d.markdown,
      })),
      relations,
      attachments: [],
    };
    const working = state === "pending" ? { ...live, summary: `${summary} A revised summary awaits review.` } : live;
    const earlier =
      state !== "draft" && live.events.length > 2 && rng.chance(0.1)
        ? { ...live, events: live.events.slice(0, -1) }
        : undefined;

    await writeLawRows(out, ids, { id, createdAt, createdById: null }, working);

    const published: Live = await publisher.record(
      { type: "law", id, createdAt },
      state,
      { working, live, earlier },
      "Summary revised",
    );
    if (published) {
      await writeLawReadModel(out, id, published, live);
      await publisher.search("law", id, published, searchDocument("law", live)!);
    }
    for (const d of documents)
      options.onText({
        type: "law",
        id,
        textId: d.id,
        text: d.text,
        revisionId: published?.revisionId ?? ids.peek("revisions"),
        live: published !== null,
        scope: jurisdiction.code,
        slug,
        title: lawTitle,
      });
    made.push({ id, title: lawTitle, jurisdictionCode: jurisdiction.code, live: published !== null });
  }
  return made;
}
