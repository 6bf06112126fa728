"use server";

import { revalidatePath } from "next/cache";
import { requestContext } from "@/modules/auth/session";
import { changeRole } from "@/modules/users/change-role";
import { createUser } from "@/modules/users/create";
import { resetPassword } from "@/modules/users/reset-password";
import { setActive } from "@/modules/users/set-active";
import { toActionResult, type ActionResult } from "@/lib/action-result";

export type CreatedAccount = { email: string; password: string };
export type CreateUserState = ActionResult<CreatedAccount> & { values?: Record<string, string> };

export async function createUserAction(_previous: CreateUserState | null, form: FormData): Promise<CreateUserState> {
  const values = {
    email: String(form.get("email") ?? ""),
    name: String(form.get("name") ?? ""),
    role: String(form.get("role") ?? ""),
  };
  const ctx = await requestContext();
  const result = await toActionResult(async () => {
    const { user, password } = await createUser(ctx, values);
    return { email: user.email, password };
  });
  if (result.ok) revalidatePath("/admin/users");
  // On failure the form gets back what was typed, so nothing is lost.
  return result.ok ? result : { ...result, values };
}

export async function changeRoleAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const ctx = await requestContext();
  const result = await toActionResult(() => changeRole(ctx, { userId: form.get("userId"), role: form.get("role") }));
  if (!result.ok) return result;
  revalidatePath("/admin/users");
  return { ok: true, data: undefined, message: `Role saved.${released(result.data.unassigned)}` };
}

export async function setActiveAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const ctx = await requestContext();
  const active = form.get("active") === "true";
  const result = await toActionResult(() => setActive(ctx, { userId: form.get("userId"), active }));
  if (!result.ok) return result;
  revalidatePath("/admin/users");
  const done = active ? "Account reactivated." : "Account deactivated; its sessions have ended.";
  return { ok: true, data: undefined, message: `${done}${released(result.data.unassigned)}` };
}

/** Said when an account change gave the items assigned to the person back to nobody. */
function released(unassigned: number): string {
  if (unassigned === 0) return "";
  return unassigned === 1
    ? " The item assigned to them is now assigned to nobody."
    : ` The ${unassigned} items assigned to them are now assigned to nobody.`;
}

export async function resetPasswordAction(
  _previous: ActionResult<CreatedAccount> | null,
  form: FormData,
): Promise<ActionResult<CreatedAccount>> {
  const ctx = await requestContext();
  return toActionResult(() => resetPassword(ctx, { userId: form.get("userId") }));
}
