import { forbidden, redirect } from "next/navigation";
import { authorize } from "@/modules/auth/authorize";
import type { Actor, Ctx } from "@/modules/auth/context";
import type { Permission } from "@/modules/auth/permissions";
import { requestContext } from "@/modules/auth/session";
import { ForbiddenError } from "@/lib/errors";

/**
 * The first line of every admin page: the signed-in user, re-read from the database, holding the
 * permission, or a redirect to sign in, or the 403 page. Actions check again in the domain.
 */
export async function pageContext(permission: Permission, path: string): Promise<Ctx & { actor: Actor }> {
  const ctx = await requestContext();
  try {
    const actor = authorize(ctx, permission);
    return { ...ctx, actor };
  } catch (error) {
    if (error instanceof ForbiddenError) forbidden();
    redirect(`/login?next=${encodeURIComponent(path)}`);
  }
}
