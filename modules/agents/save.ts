import { and, eq, ne } from "drizzle-orm";
import type { Tx } from "@/db";
import { agentNames, agents } from "@/db/schema";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { parseInput, type Unvalidated } from "@/lib/validation";
import { authorize } from "@/modules/auth/authorize";
import type { Ctx } from "@/modules/auth/context";
import { recordSlugChange, uniqueSlug } from "@/modules/content/slugs";
import { agentKindLabels } from "./labels";
import { searchTextOf } from "./match";
import { getAgent, type Agent } from "./read";
import {
  agentInput,
  agentUpdateInput,
  inlineAgentInput,
  type AgentInput,
  type AgentUpdateInput,
  type AgentValues,
} from "./schemas";
import type { AgentOption } from "./search";

export async function createAgent(ctx: Ctx, input: Unvalidated<AgentInput>): Promise<Agent> {
  const actor = authorize(ctx, "content.write");
  const values = parseInput(agentInput, input);
  const id = await ctx.db.transaction(async (tx) => {
    const id = await insertWithFreeSlug(tx, values, actor.id);
    await writeNames(tx, id, values.names);
    return id;
  });
  return getAgent(ctx, id);
}

/** Creates an agent from a picker's "create new": a name and, when the picker knows it, a kind. */
export async function createAgentInline(
  ctx: Ctx,
  input: Unvalidated<{ name: string; kind: string }>,
): Promise<AgentOption> {
  authorize(ctx, "content.write");
  const { name, kind } = parseInput(inlineAgentInput, input);
  const agent = await createAgent(ctx, { kind, preferredName: name });
  return { value: String(agent.id), label: agent.preferredName, hint: agentKindLabels[agent.kind] };
}

/**
 * Saves an agent and replaces its other names. The address changes only when the editor edits
 * it; the old one is kept as a redirect.
 */
export async function updateAgent(ctx: Ctx, id: number, input: Unvalidated<AgentUpdateInput>): Promise<Agent> {
  authorize(ctx, "content.write");
  const { slug: wanted, ...values } = parseInput(agentUpdateInput, input);
  await getAgent(ctx, id);
  const saving = ctx.db.transaction(async (tx) => {
    const [current] = await tx.select({ slug: agents.slug }).from(agents).where(eq(agents.id, id)).for("update");
    if (!current) throw new NotFoundError("No such agent.");
    const slug = wanted || current.slug;
    if (slug !== current.slug) {
      const [taken] = await tx
        .select({ id: agents.id })
        .from(agents)
        .where(and(eq(agents.slug, slug), ne(agents.id, id)));
      if (taken) throw new ValidationError({ slug: ["Another agent already has this address."] });
      await recordSlugChange(tx, { itemType: "agent", oldSlug: current.slug, newSlug: slug, itemId: id });
    }
    await tx
      .update(agents)
      .set({ ...columnsOf(values), slug, updatedAt: new Date() })
      .where(eq(agents.id, id));
    await tx.delete(agentNames).where(eq(agentNames.agentId, id));
    await writeNames(tx, id, values.names);
  });
  await saving.catch((error: unknown) => {
    // Another agent took the address between our check and our write.
    if (isUniqueViolation(error)) throw new ValidationError({ slug: ["Another agent already has this address."] });
    throw error;
  });
  return getAgent(ctx, id);
}

function isUniqueViolation(error: unknown): boolean {
  const codeOf = (e: unknown) => (e as { code?: unknown } | null)?.code;
  return codeOf(error) === "23505" || codeOf((error as { cause?: unknown } | null)?.cause) === "23505";
}

function columnsOf(values: AgentValues) {
  return {
    kind: values.kind,
    preferredName: values.preferredName,
    description: values.description,
    links: values.links,
    searchText: searchTextOf(values.preferredName, values.names),
  };
}

/** Inserts with a slug free at that moment; if a concurrent save takes it first, tries the next. */
async function insertWithFreeSlug(tx: Tx, values: AgentValues, createdById: number | null): Promise<number> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const slug = await uniqueSlug(tx, agents, values.preferredName);
    const [row] = await tx
      .insert(agents)
      .values({ ...columnsOf(values), slug, createdById })
      .onConflictDoNothing({ target: agents.slug })
      .returning({ id: agents.id });
    if (row) return row.id;
  }
  throw new ConflictError("Others are saving agents of this name right now. Please try again.");
}

async function writeNames(tx: Tx, agentId: number, names: AgentValues["names"]): Promise<void> {
  if (names.length === 0) return;
  await tx.insert(agentNames).values(names.map((n) => ({ agentId, name: n.name, lang: n.lang })));
}
