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
  authorize(ctx, "users.manage");
  const { userId } = parseInput(userIdInput, input);
  const password = generatePassword();
  const [updated] = await ctx.db
    .update(users)
    .set({ passwordHash: await hashPassword(password), sessionVersion: bumpSessionVersion, updatedAt: new Date() })
    .where(eq(users.id, userId))
    .returning({ email: users.email });
  if (!updated) throw new NotFoundError("No such user.");
  return { email: updated.email, password };
}
