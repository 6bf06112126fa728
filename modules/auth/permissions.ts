import { roles, type Role } from "@/db/schema/vocabulary";

export { roles, type Role };

/** Every permission and the roles that hold it: the one table to read to know who may do what. */
export const permissions = {
  "admin.access": ["contributor", "editor", "admin"],
  // Laws, articles, agents and sources: everyone drafts.
  "content.write": ["contributor", "editor", "admin"],
  // Deleting someone else's unpublished item; anyone may delete their own.
  "content.delete.any": ["editor", "admin"],
  // Requesting changes, approving, publishing, scheduling and withdrawing someone else's change.
  "workflow.review": ["editor", "admin"],
  // Archiving, and publishing or approving one's own change with a written reason.
  "workflow.override": ["admin"],
  // Bulk import of laws, articles, agents and sources as drafts; publishing them at once needs workflow.override.
  "archive.import": ["editor", "admin"],
  // Jurisdictions and topics are the controlled vocabularies.
  "vocabulary.manage": ["admin"],
  "users.read": ["admin"],
  "users.manage": ["admin"],
  "audit.read": ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

export function roleHas(role: Role, permission: Permission): boolean {
  return (permissions[permission] as readonly Role[]).includes(role);
}
