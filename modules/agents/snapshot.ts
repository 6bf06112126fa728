import type { Ctx } from "@/modules/auth/context";
import { getAgent } from "./read";
import { agentSnapshotVersion, type AgentSnapshot } from "./snapshot-schema";

export type { AgentSnapshot } from "./snapshot-schema";

/** Everything an editor can change about an agent, as one revision records it. */
export async function agentSnapshot(ctx: Ctx, id: number) {
  const { id: _id, createdById: _by, createdAt: _created, updatedAt: _updated, ...fields } = await getAgent(ctx, id);
  return { schemaVersion: agentSnapshotVersion, ...fields } satisfies AgentSnapshot;
}
