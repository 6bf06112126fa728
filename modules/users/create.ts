import { audit } from "@/modules/audit/record";
import { users } from "@/db/schema";
import { authorize } from "@/modules/auth/authorize";
import type { Ctx } from "@/modules/auth/context";
import { generatePassword, hashPassword } from "@/modules/auth/passwords";
import { ValidationError } from "@/lib/errors";
import { parseInput, type Unvalidated } from "@/lib/validation";
import { createUserInput, type CreateUserInput } from "./schemas";
import { toUserSummary, type UserSummary } from "./summary";

/**
 * Creates an account. Without a password one is generated: it is returned once, for the admin to
 * hand over, and only its hash is kept.
 */
export async function createUser(
  ctx: Ctx,
  input: Unvalidated<CreateUserInput>,
): Promise<{ user: UserSummary; password: string }> {
  const actor = authorize(ctx, "users.manage");
  const { email, name, role, password: given } = parseInput(createUserInput, input);
  const password = given ?? generatePassword();
  const passwordHash = await hashPassword(password);

  const user = await ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(users)
      .values({ email, name, role, passwordHash })
      .onConflictDoNothing()
      .returning();
    if (!created) throw new ValidationError({ email: ["An account with this email already exists."] });
    await audit(tx, {
      actor,
      action: "user.create",
      targetType: "user",
      targetId: created.id,
      details: { email, role },
    });
    return created;
  });
  return { user: toUserSummary(user), password };
}
