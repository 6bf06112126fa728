import { and, asc, gt, ilike, or, type SQL } from "drizzle-orm";
import { users } from "@/db/schema";
import { authorize } from "@/modules/auth/authorize";
import type { Ctx } from "@/modules/auth/context";
import { likePattern } from "@/lib/text";
import { parseInput } from "@/lib/validation";
import { listUsersInput } from "./schemas";
import { toUserSummary, type UserSummary } from "./summary";

export type UserPage = { users: UserSummary[]; nextAfter: number | null };

/** A page of accounts in creation order, keyed by id so that later pages stay cheap. */
export async function listUsers(
  ctx: Ctx,
  input: { q?: string; after?: number | string; limit?: number } = {},
): Promise<UserPage> {
  authorize(ctx, "users.read");
  const { q, after, limit } = parseInput(listUsersInput, input);
  const filters: SQL[] = [];
  if (q) {
    const pattern = likePattern(q);
    filters.push(or(ilike(users.email, pattern), ilike(users.name, pattern))!);
  }
  if (after) filters.push(gt(users.id, after));
  const rows = await ctx.db
    .select()
    .from(users)
    .where(and(...filters))
    .orderBy(asc(users.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit).map(toUserSummary);
  return { users: page, nextAfter: rows.length > limit ? (page.at(-1)?.id ?? null) : null };
}
