import { and, count, eq } from "drizzle-orm";
import { agents, articles, editorialItems, laws, users } from "@/db/schema";
import { authorize } from "@/modules/auth/authorize";
import type { Ctx } from "@/modules/auth/context";
import { roleHas } from "@/modules/auth/permissions";

export type DashboardCounts = {
  laws: number;
  publishedLaws: number;
  articles: number;
  agents: number;
  activeUsers: number | null;
};

/** The numbers on the dashboard; account counts only for those who may see accounts. */
export async function dashboardCounts(ctx: Ctx): Promise<DashboardCounts> {
  const actor = authorize(ctx, "admin.access");
  // One after another: ctx.db may be a transaction, whose connection runs one query at a time.
  const [all] = await ctx.db.select({ n: count() }).from(laws);
  const [published] = await ctx.db
    .select({ n: count() })
    .from(editorialItems)
    .where(and(eq(editorialItems.itemType, "law"), eq(editorialItems.visibility, "live")));
  const [articleCount] = await ctx.db.select({ n: count() }).from(articles);
  const [agentCount] = await ctx.db.select({ n: count() }).from(agents);
  const activeUsers = roleHas(actor.role, "users.read")
    ? ((await ctx.db.select({ n: count() }).from(users).where(eq(users.active, true)))[0]?.n ?? 0)
    : null;
  return {
    laws: all?.n ?? 0,
    publishedLaws: published?.n ?? 0,
    articles: articleCount?.n ?? 0,
    agents: agentCount?.n ?? 0,
    activeUsers,
  };
}
