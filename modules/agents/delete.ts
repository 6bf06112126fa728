import { eq, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { agents, articleAuthors, articles, lawEvents, sources } from "@/db/schema";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { authorize } from "@/modules/auth/authorize";
import type { Ctx } from "@/modules/auth/context";
import { assertCanDelete } from "@/modules/content/ownership";
import { forgetSlugs } from "@/modules/content/slugs";
import { forgetItem } from "@/modules/workflow/forget";
import { lockItem } from "@/modules/workflow/revise";
import { getAgent } from "./read";

/**
 * Deletes an agent nothing refers to; otherwise says what still does. The row is locked first,
 * so that no article or event can start referring to it before the delete; the uses are counted
 * after the lock, in a statement of their own, so that they include any save the lock waited for.
 */
export async function deleteAgent(ctx: Ctx, id: number): Promise<void> {
  const actor = authorize(ctx, "content.write");
  const agent = await getAgent(ctx, id);
  await ctx.db.transaction(async (tx) => {
    const [locked] = await tx.select({ id: agents.id }).from(agents).where(eq(agents.id, id)).for("update");
    if (!locked) throw new NotFoundError("No such agent.");
    const row = await lockItem(tx, { type: "agent", id });
    assertCanDelete(ctx, { createdById: agent.createdById, everPublished: row.liveRevisionId !== null });
    // Drizzle writes a column in a select list unqualified; inside the subquery it names that table.
    const uses = (table: PgTable, column: PgColumn) =>
      sql<number>`(select count(*)::int from ${table} where ${column} = ${id})`;
    const [counts] = await tx
      .select({
        authored: uses(articleAuthors, articleAuthors.agentId),
        published: uses(articles, articles.publisherId),
        credited: uses(articles, articles.creditedAgentId),
        acted: uses(lawEvents, lawEvents.agentId),
        cited: uses(sources, sources.publisherId),
      })
      .from(agents)
      .where(eq(agents.id, id));
    const inUse = (
      [
        [counts!.authored, "author of", "article"],
        [counts!.published, "publisher of", "article"],
        [counts!.credited, "credited by", "article"],
        [counts!.acted, "actor in", "law event"],
        [counts!.cited, "publisher of", "source"],
      ] as const
    )
      .filter(([n]) => n > 0)
      .map(([n, role, what]) => `${role} ${n} ${what}${n === 1 ? "" : "s"}`);
    if (inUse.length > 0) {
      throw new ConflictError(`${agent.preferredName} cannot be deleted: still ${inUse.join(", ")}.`);
    }
    await forgetItem(tx, { actor, ip: ctx.ip }, row, agent.preferredName);
    await tx.delete(agents).where(eq(agents.id, id));
    await forgetSlugs(tx, "agent", id);
  });
}
