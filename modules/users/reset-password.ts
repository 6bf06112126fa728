import { audit } from "@/modules/audit/record";
import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { authorize } from "@/modules/auth/authorize";
import type { Ctx } from "@/modules/auth/context";
import { generatePassword, hashPassword } from "@/modules/auth/passwords";
import { NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { bumpSessionVersion } from "./admins";
import { userIdInput } from "./schemas";

/** Sets a new generated password, returned once, and signs the user out everywhere. */
export async function resetPassword(
  ctx: Ctx,
  input: { userId: unknown },
): Promise<{ email: string; password: string }> {
  const actor = authorize(ctx, "users.manage");
  const { userId } = parseInput(userIdInput, input);
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  const updated = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ passwordHash, sessionVersion: bumpSessionVersion, updatedAt: new Date() })
      .where(eq(users.id, userId))
      .returning({ email: users.email });
    if (!row) throw new NotFoundError("No such user.");
    await audit(tx, { actor, action: "user.password_reset", targetType: "user", targetId: userId });
    return row;
  });
  return { email: updated.email, password };
}
