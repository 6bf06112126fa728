import "server-only";
import { ForbiddenError, NotAuthenticatedError } from "@/lib/errors";
import type { Actor, Ctx } from "./context";
import { roleHas, type Permission } from "./permissions";

/** The guard every mutation and editorial read starts with. Returns the actor it let through. */
export function authorize(ctx: Ctx, permission: Permission): Actor {
  if (!ctx.actor) throw new NotAuthenticatedError();
  if (!roleHas(ctx.actor.role, permission)) throw new ForbiddenError();
  return ctx.actor;
}
