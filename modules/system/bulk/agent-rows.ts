import { searchTextOf } from "@/modules/agents/match";
import type { AgentSnapshot } from "@/modules/agents/snapshot-schema";
import type { Ids } from "./ids";
import type { BulkWriter, Table } from "./writer";

const agentRows: Table = {
  name: "agents",
  fields:
    "id int, slug text, kind agent_kind, preferred_name text, description text, links jsonb, search_text text, created_by_id int, created_at timestamptz, updated_at timestamptz",
  identity: true,
  replaceOn: "id",
};
const nameRows: Table = { name: "agent_names", fields: "id int, agent_id int, name text, lang text", identity: true };

/** The agent tables' rows that record `agent`, as the editors' form writes them. */
export async function writeAgentRows(
  out: BulkWriter,
  ids: Ids,
  row: { id: number; createdAt: string; createdById: number | null },
  agent: AgentSnapshot,
): Promise<void> {
  await out.add(agentRows, {
    id: row.id,
    slug: agent.slug,
    kind: agent.kind,
    preferred_name: agent.preferredName,
    description: agent.description,
    links: agent.links,
    search_text: searchTextOf(agent.preferredName, agent.names),
    created_by_id: row.createdById,
    created_at: row.createdAt,
    updated_at: row.createdAt,
  });
  for (const n of agent.names) await out.add(nameRows, { id: ids.next("agent_names"), agent_id: row.id, ...n });
}
