import type { Ctx } from "@/modules/auth/context";
import { getAgent } from "./read";

/** Everything an editor can change about an agent, as one revision records it. */
export async function agentSnapshot(ctx: Ctx, id: number) {
  const { id: _id, createdById: _by, createdAt: _created, updatedAt: _updated, ...fields } = await getAgent(ctx, id);
  return fields satisfies Record<string, unknown>;
}

export type AgentSnapshot = Awaited<ReturnType<typeof agentSnapshot>>;
