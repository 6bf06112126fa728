import { parseRecordId } from "@/lib/validation";

// The admin page of each kind of record that has one. Accounts have none of their own (the users
// list is searched by name or email, which an audit row's target does not carry).
const adminPaths: Record<string, string> = {
  law: "/admin/laws",
  article: "/admin/articles",
  agent: "/admin/agents",
  annotation: "/admin/annotations",
};

/** Where the admin edits an audit row's target, or null (no page, or not a record's id). */
export function targetHref(targetType: string, targetId: string): string | null {
  const path = adminPaths[targetType];
  if (!path || parseRecordId(targetId) === null) return null;
  return `${path}/${targetId}`;
}

/** This page filtered to one record's history. */
export function historyHref(targetType: string, targetId: string): string {
  return `/admin/audit?${new URLSearchParams({ targetType, targetId })}`;
}
