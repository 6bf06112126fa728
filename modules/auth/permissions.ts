import { roles, type Role } from "@/db/schema/enums";

export { roles, type Role };

/** Every permission and the roles that hold it: the one table to read to know who may do what. */
export const permissions = {
  "admin.access": ["contributor", "editor", "admin"],
  "users.read": ["admin"],
  "users.manage": ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

export function roleHas(role: Role, permission: Permission): boolean {
  return (permissions[permission] as readonly Role[]).includes(role);
}
