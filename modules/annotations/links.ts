import { inArray } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { agents, annotations, articles, laws } from "@/db/schema";
import type { LinkRef } from "./schemas";

// What each kind of link points to, and the name it is shown by.
const linkTables = {
  law: { table: laws, id: laws.id, name: laws.title },
  article: { table: articles, id: articles.id, name: articles.title },
  agent: { table: agents, id: agents.id, name: agents.preferredName },
  annotation: { table: annotations, id: annotations.id, name: annotations.exact },
};

/**
 * The names of the records links point to, by "type:id"; a record deleted since is absent.
 * `lock` keeps them from being deleted until the caller's transaction ends (a save's check).
 */
export async function linkedNames(db: Db | Tx, refs: LinkRef[], lock = false): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  // One type after another: a transaction's connection runs one query at a time.
  for (const [type, { table, id, name }] of Object.entries(linkTables)) {
    const ids = refs.filter((r) => r.type === type).map((r) => r.id);
    if (ids.length === 0) continue;
    const query = db.select({ id, name }).from(table).where(inArray(id, ids));
    const rows = lock ? await query.for("share") : await query;
    // A passage is named by its quote.
    rows.forEach((row) => names.set(`${type}:${row.id}`, type === "annotation" ? `“${row.name}”` : row.name));
  }
  return names;
}
