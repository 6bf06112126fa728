import { asc, eq, inArray } from "drizzle-orm";
import { agentNames, agents } from "@/db/schema";
import type { AgentKind } from "@/db/schema/enums";
import { NotFoundError } from "@/lib/errors";
import { isRecordId } from "@/lib/validation";
import { authorize } from "@/modules/auth/authorize";
import type { Ctx } from "@/modules/auth/context";

export type AgentName = { name: string; lang: string };

export type Agent = {
  id: number;
  slug: string;
  kind: AgentKind;
  preferredName: string;
  description: string;
  links: { label: string; url: string }[];
  names: AgentName[];
  createdById: number | null;
  createdAt: Date;
  updatedAt: Date;
};

/** One agent with its other names, in the order they were entered. */
export async function getAgent(ctx: Ctx, id: number): Promise<Agent> {
  authorize(ctx, "admin.access");
  if (!isRecordId(id)) throw new NotFoundError("No such agent.");
  const [row] = await ctx.db
    .select({
      id: agents.id,
      slug: agents.slug,
      kind: agents.kind,
      preferredName: agents.preferredName,
      description: agents.description,
      links: agents.links,
      createdById: agents.createdById,
      createdAt: agents.createdAt,
      updatedAt: agents.updatedAt,
    })
    .from(agents)
    .where(eq(agents.id, id));
  if (!row) throw new NotFoundError("No such agent.");
  const names = await ctx.db
    .select({ name: agentNames.name, lang: agentNames.lang })
    .from(agentNames)
    .where(eq(agentNames.agentId, id))
    .orderBy(asc(agentNames.id));
  return { ...row, names };
}

/** The other names of several agents, for lists and pickers. */
export async function namesByAgent(ctx: Ctx, ids: number[]): Promise<Map<number, string[]>> {
  authorize(ctx, "admin.access");
  const byAgent = new Map<number, string[]>();
  if (ids.length === 0) return byAgent;
  const rows = await ctx.db
    .select({ agentId: agentNames.agentId, name: agentNames.name })
    .from(agentNames)
    .where(inArray(agentNames.agentId, ids))
    .orderBy(asc(agentNames.id));
  for (const row of rows) byAgent.set(row.agentId, [...(byAgent.get(row.agentId) ?? []), row.name]);
  return byAgent;
}
