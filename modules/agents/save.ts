import { eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { agentNames, agents } from "@/db/schema";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { parseInput, type Unvalidated } from "@/lib/validation";
import { authorize } from "@/modules/auth/authorize";
import type { Ctx } from "@/modules/auth/context";
import {
  assertSlugFree,
  insertWithFreeSlug,
  isSlugClash,
  recordSlugChange,
  type SlugSpace,
} from "@/modules/content/slugs";
import { baseRevisionOf, beginEdit, recordRevision, startItem } from "@/modules/workflow/revise";
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
import { agentSnapshot } from "./snapshot";

const agentSlugs: SlugSpace = { itemType: "agent", table: agents, constraint: "agents_slug_unique" };
const slugTakenMessage = "Another agent has, or had, this address.";

export async function createAgent(ctx: Ctx, input: Unvalidated<AgentInput>): Promise<Agent> {
  const actor = authorize(ctx, "content.write");
  const values = parseInput(agentInput, input);
  const id = await ctx.db.transaction(async (tx) => {
    const id = await insertWithFreeSlug(
      tx,
      agentSlugs,
      { from: values.preferredName },
      (slug) =>
        tx
          .insert(agents)
          .values({ ...columnsOf(values), slug, createdById: actor.id })
          .onConflictDoNothing({ target: agents.slug })
          .returning({ id: agents.id })
          .then(([row]) => row),
      slugTakenMessage,
    );
    await writeNames(tx, id, values.names);
    const snapshot = await agentSnapshot({ db: tx, actor }, id);
    await startItem(tx, { actor, ip: ctx.ip }, { type: "agent", id }, snapshot, "agent.create");
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
export async function updateAgent(
  ctx: Ctx,
  id: number,
  input: Unvalidated<AgentUpdateInput & { baseRevision: number }>,
  more: { message?: string } = {},
): Promise<Agent> {
  const actor = authorize(ctx, "content.write");
  const { slug: wanted, ...values } = parseInput(agentUpdateInput, input);
  const base = baseRevisionOf(input);
  await getAgent(ctx, id);
  const saving = ctx.db.transaction(async (tx) => {
    const [current] = await tx.select({ slug: agents.slug }).from(agents).where(eq(agents.id, id)).for("update");
    if (!current) throw new NotFoundError("No such agent.");
    const row = await beginEdit(tx, { type: "agent", id }, base);
    const slug = wanted || current.slug;
    if (slug !== current.slug) {
      await assertSlugFree(tx, agentSlugs, slug, { exceptId: id, message: slugTakenMessage });
      await recordSlugChange(tx, { itemType: "agent", oldSlug: current.slug, newSlug: slug, itemId: id });
    }
    await tx
      .update(agents)
      .set({ ...columnsOf(values), slug, updatedAt: new Date() })
      .where(eq(agents.id, id));
    await tx.delete(agentNames).where(eq(agentNames.agentId, id));
    await writeNames(tx, id, values.names);
    const snapshot = await agentSnapshot({ db: tx, actor }, id);
    await recordRevision(tx, { actor, ip: ctx.ip }, row, snapshot, { action: "agent.update", message: more.message });
  });
  await saving.catch((error: unknown) => {
    // Another agent took the address between our check and our write.
    if (isSlugClash(error, agentSlugs)) throw new ValidationError({ slug: [slugTakenMessage] });
    throw error;
  });
  return getAgent(ctx, id);
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

async function writeNames(tx: Tx, agentId: number, names: AgentValues["names"]): Promise<void> {
  if (names.length === 0) return;
  await tx.insert(agentNames).values(names.map((n) => ({ agentId, name: n.name, lang: n.lang })));
}
