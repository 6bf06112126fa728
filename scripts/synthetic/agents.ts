import type { AgentKind } from "@/db/schema/vocabulary";
import { agentSnapshotVersion, type AgentSnapshot } from "@/modules/agents/snapshot-schema";
import { searchDocument } from "@/modules/workflow/project-search";
import { writeAgentRows } from "@/modules/system/bulk/agent-rows";
import type { BulkWriter } from "@/modules/system/bulk/writer";
import type { Ids } from "@/modules/system/bulk/ids";
import { pickState, type Publisher } from "./publication";
import { instant, toCyrillic, type Random } from "./random";
import { FROM, TO } from "./time";
import type { Jurisdiction } from "./vocabulary";

export type Agent = { id: number; kind: AgentKind; name: string; live: boolean; jurisdiction: string | null };

const kinds: [number, AgentKind][] = [
  [62, "person"],
  [14, "media_outlet"],
  [5, "publisher"],
  [10, "government_body"],
  [4, "movement"],
  [5, "other"],
];

const roles: Record<AgentKind, string> = {
  person: "Journalist and legal commentator",
  legislature: "The legislature",
  government_body: "A ministry",
  media_outlet: "A news outlet",
  publisher: "A publisher of legal and political commentary",
  movement: "A civic association",
  other: "An organisation",
};

/** People and organisations with name variants in Latin and Cyrillic script; one legislature per jurisdiction. */
export async function writeAgents(
  out: BulkWriter,
  publisher: Publisher,
  ids: Ids,
  rng: Random,
  options: { count: number; draftShare: number; jurisdictions: Jurisdiction[] },
): Promise<Agent[]> {
  const made: Agent[] = [];
  for (let i = 0; i < options.count; i++) {
    const id = ids.next("agents");
    const legislatureOf = i < options.jurisdictions.length ? options.jurisdictions[i]! : null;
    const kind: AgentKind = legislatureOf ? "legislature" : rng.weighted(kinds);
    const jurisdiction = legislatureOf ?? rng.weighted(options.jurisdictions.map((j) => [j.weight, j] as const));
    const core = rng.capital(rng.word());
    const given = rng.capital(rng.word());
    const name =
      kind === "person"
        ? `${given} ${core}ov`
        : kind === "legislature"
          ? `Parliament of ${jurisdiction.name}`
          : kind === "media_outlet"
            ? `${core} News`
            : kind === "publisher"
              ? `${core} Press`
              : kind === "government_body"
                ? `Ministry of ${rng.capital(rng.word())} Affairs (${jurisdiction.code})`
                : `${core} Initiative`;
    const names =
      kind === "person"
        ? [
            { name: `${toCyrillic(given)} ${toCyrillic(core)}ов`, lang: "ru" },
            { name: `${given[0]}. ${core}ov`, lang: "en" },
          ]
        : kind === "legislature"
          ? []
          : [{ name: toCyrillic(core), lang: "ru" }];
    const description = `${roles[kind]}${kind === "legislature" ? ` of ${jurisdiction.name}` : ` in ${jurisdiction.name}`}. A made-up record of a synthetic archive.`;
    const slug = `${name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")}-${id}`;
    const links = kind === "person" ? [] : [{ label: "Website", url: `https://example.org/agents/${id}` }];
    const createdAt = instant(rng, FROM, TO);
    const state = pickState(rng, options.draftShare);
    const working: AgentSnapshot = {
      schemaVersion: agentSnapshotVersion,
      slug,
      kind,
      preferredName: name,
      description: state === "pending" ? `${description} Revised description awaiting review.` : description,
      links,
      names,
    };
    await writeAgentRows(out, ids, { id, createdAt, createdById: null }, working);
    const liveSnapshot = { ...working, description };
    const live = await publisher.record(
      { type: "agent", id, createdAt },
      state,
      { working, live: liveSnapshot },
      "Description revised",
    );
    if (live) await publisher.search("agent", id, live, searchDocument("agent", liveSnapshot)!);
    made.push({ id, kind, name, live: live !== null, jurisdiction: jurisdiction.code });
  }
  return made;
}
