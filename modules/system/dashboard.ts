import { count, eq, isNotNull } from "drizzle-orm";
import { laws, users } from "@/db/schema";
import { authorize } from "@/modules/auth/authorize";
import type { Ctx } from "@/modules/auth/context";
import { roleHas } from "@/modules/auth/permissions";

export type DashboardCounts = { laws: number; publishedLaws: number; activeUsers: number | null };

/** The numbers on the dashboard; account counts only for those who may see accounts. */
export async function dashboardCounts(ctx: Ctx): Promise<DashboardCounts> {
  const actor = authorize(ctx, "admin.access");
  const [[all], [published], activeUsers] = await Promise.all([
    ctx.db.select({ n: count() }).from(laws),
    ctx.db.select({ n: count() }).from(laws).where(isNotNull(laws.publishedAt)),
    roleHas(actor.role, "users.read")
      ? ctx.db
          .select({ n: count() })
          .from(users)
          .where(eq(users.active, true))
          .then(([row]) => row?.n ?? 0)
      : Promise.resolve(null),
  ]);
  return { laws: all?.n ?? 0, publishedLaws: published?.n ?? 0, activeUsers };
}
