import { audit } from "@/modules/audit/record";
import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { authorize } from "@/modules/auth/authorize";
import type { Ctx } from "@/modules/auth/context";
import { parseInput } from "@/lib/validation";
import { releaseAssignments } from "@/modules/workflow/assign";
import { assertAnotherActiveAdmin, lockUser } from "./admins";
import { changeRoleInput } from "./schemas";
import { toUserSummary, type UserSummary } from "./summary";

/** A role that does not review gives the items assigned to the user back to nobody (`unassigned` counts them). */
export async function changeRole(
  ctx: Ctx,
  input: { userId: unknown; role: unknown },
): Promise<UserSummary & { unassigned: number }> {
  const actor = authorize(ctx, "users.manage");
  const { userId, role } = parseInput(changeRoleInput, input);
  return ctx.db.transaction(async (tx) => {
    const user = await lockUser(tx, userId);
    if (user.role === "admin" && role !== "admin" && user.active) await assertAnotherActiveAdmin(tx, userId);
    const [updated] = await tx
      .update(users)
      .set({ role, updatedAt: new Date() })
      .where(eq(users.id, userId))
      .returning();
    await audit(tx, {
      actor,
      action: "user.role",
      targetType: "user",
      targetId: userId,
      details: { from: user.role, to: role },
    });
    const unassigned = await releaseAssignments(tx, updated!, { actor, ip: ctx.ip, because: "user.role" });
    return { ...toUserSummary(updated!), unassigned };
  });
}
