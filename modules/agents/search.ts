import { asc, desc, sql } from "drizzle-orm";
import { agents } from "@/db/schema";
import { authorize } from "@/modules/auth/authorize";
import type { Ctx } from "@/modules/auth/context";
import { agentKindLabels } from "./labels";
import { isShort, matchClass, nameFilter, trigramSimilarity } from "./match";
import { namesByAgent } from "./read";

/** An agent as a picker shows it: the preferred name, its kind and the name that matched. */
export type AgentOption = { value: string; label: string; hint: string };

/**
 * Agents for a picker, best first: exact names, then names starting with the query, then
 * substrings, then near misses; a preferred name before a variant of the same strength.
 * An empty query lists the recently updated ones.
 */
export async function searchAgentOptions(ctx: Ctx, q: string, limit = 10): Promise<AgentOption[]> {
  authorize(ctx, "admin.access");
  const size = Math.max(1, Math.min(Math.trunc(limit) || 10, 50));
  const filter = nameFilter(q);
  const base = { id: agents.id, kind: agents.kind, preferredName: agents.preferredName };
  if (!filter) {
    const recent = await ctx.db.select(base).from(agents).orderBy(desc(agents.updatedAt), desc(agents.id)).limit(size);
    return recent.map((a) => ({ value: String(a.id), label: a.preferredName, hint: agentKindLabels[a.kind] }));
  }
  const { folded, where } = filter;
  if (!folded) return [];
  // A first ranking in SQL (whole word, word start, other), refined below with every name in hand.
  const padded = sql`' ' || ${agents.searchText} || ' '`;
  const rank = sql<number>`case when ${padded} like ${`% ${folded} %`} then 0 when ${padded} like ${`% ${folded}%`} then 1 else 2 end`;
  const closest = isShort(folded) ? [] : [desc(sql`word_similarity(${folded}, ${agents.searchText})`)];
  const candidates = await ctx.db
    .select(base)
    .from(agents)
    .where(where)
    .orderBy(rank, ...closest, asc(agents.preferredName), asc(agents.id))
    .limit(size * 3);
  const variants = await namesByAgent(
    ctx,
    candidates.map((c) => c.id),
  );
  return candidates
    .map((c, order) => ({ ...c, order, ...bestName(c.preferredName, variants.get(c.id) ?? [], q, folded) }))
    .sort((a, b) => a.score - b.score || a.order - b.order)
    .slice(0, size)
    .map((c) => ({
      value: String(c.id),
      label: c.preferredName,
      hint: c.variant ? `${agentKindLabels[c.kind]} · ${c.variant}` : agentKindLabels[c.kind],
    }));
}

/**
 * How well an agent matches (its best name's score), and which variant to show: one that holds
 * the query as typed (Жапаров Садыр for "Жапаров"), else the best match; none for the preferred.
 */
function bestName(preferred: string, variants: string[], q: string, folded: string) {
  const typed = q.trim().normalize("NFC").toLocaleLowerCase();
  const scored = [preferred, ...variants].map((name, index) => {
    const strength = matchClass(name, folded);
    // The preferred name goes first among equals, except among near misses: there the closest wins.
    const score = strength * 2 + (strength < 3 && index > 0 ? 1 : 0);
    const literal = name.normalize("NFC").toLocaleLowerCase().includes(typed);
    return { name, index, score, literal, fuzzy: trigramSimilarity(name, folded) };
  });
  scored.sort((a, b) => a.score - b.score || b.fuzzy - a.fuzzy || a.index - b.index);
  const best = scored[0]!;
  const shown = scored.find((s) => s.literal) ?? best;
  return { score: best.score, variant: shown.index === 0 ? undefined : shown.name };
}
