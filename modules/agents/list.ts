import { and, asc, desc, eq, sql, type SQL } from "drizzle-orm";
import { agents } from "@/db/schema";
import { agentKinds, type AgentKind } from "@/db/schema/enums";
import { authorize } from "@/modules/auth/authorize";
import type { Ctx } from "@/modules/auth/context";
import type { AgentSort } from "./labels";
import { nameFilter } from "./match";
import { namesByAgent } from "./read";

export const agentPageSize = 50;

export type AgentListFilter = { q?: string; kind?: string; sort?: string; after?: string };

export type AgentListRow = {
  id: number;
  slug: string;
  kind: AgentKind;
  preferredName: string;
  otherNames: string[];
  updatedAt: Date;
};

export type AgentPage = { rows: AgentListRow[]; nextAfter: string | null; sort: AgentSort };

type Cursor = { key: string; id: number };

/**
 * A page of agents, filtered by any of their names and by kind, in keyset order: the cursor is
 * the last row's sort key and id, so a page costs the same at row 100,000 as at row 1.
 */
export async function listAgents(ctx: Ctx, filter: AgentListFilter = {}): Promise<AgentPage> {
  authorize(ctx, "admin.access");
  const sort: AgentSort = filter.sort === "updated" ? "updated" : "name";
  const byUpdate = sort === "updated";
  // The updated key travels as whole microseconds since the epoch: a JS Date would drop them.
  const key = byUpdate
    ? sql<string>`(extract(epoch from ${agents.updatedAt}) * 1000000)::bigint::text`
    : sql<string>`${agents.preferredName}`;
  const cursor = decodeCursor(filter.after, byUpdate);
  const where: (SQL | undefined)[] = [nameFilter(filter.q)?.where];
  if (agentKinds.includes(filter.kind as AgentKind)) where.push(eq(agents.kind, filter.kind as AgentKind));
  if (cursor && byUpdate) {
    where.push(
      sql`(${agents.updatedAt}, ${agents.id}) < (timestamptz 'epoch' + ${cursor.key}::bigint * interval '1 microsecond', ${cursor.id}::integer)`,
    );
  } else if (cursor) {
    where.push(sql`(${agents.preferredName}, ${agents.id}) > (${cursor.key}::text, ${cursor.id}::integer)`);
  }
  const rows = await ctx.db
    .select({
      id: agents.id,
      slug: agents.slug,
      kind: agents.kind,
      preferredName: agents.preferredName,
      updatedAt: agents.updatedAt,
      key,
    })
    .from(agents)
    .where(and(...where))
    .orderBy(...(byUpdate ? [desc(agents.updatedAt), desc(agents.id)] : [asc(agents.preferredName), asc(agents.id)]))
    .limit(agentPageSize + 1);
  const page = rows.slice(0, agentPageSize);
  const last = page.at(-1);
  const nextAfter = rows.length > agentPageSize && last ? encodeCursor({ key: last.key, id: last.id }) : null;
  const names = await namesByAgent(
    ctx,
    page.map((r) => r.id),
  );
  return {
    rows: page.map(({ key: _key, ...row }) => ({ ...row, otherNames: names.get(row.id) ?? [] })),
    nextAfter,
    sort,
  };
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.key, cursor.id])).toString("base64url");
}

/** A cursor from a URL: anything malformed, or made for the other sort, means the first page. */
function decodeCursor(after: string | undefined, byUpdate: boolean): Cursor | null {
  if (!after) return null;
  try {
    const [key, id] = JSON.parse(Buffer.from(after, "base64url").toString("utf8")) as unknown[];
    if (typeof key !== "string" || !Number.isSafeInteger(id) || (id as number) < 0) return null;
    // Microseconds since 1970: up to 17 digits stays inside PostgreSQL's timestamp range.
    if (byUpdate && !/^\d{1,17}$/.test(key)) return null;
    return { key, id: Math.min(id as number, 2 ** 31 - 1) };
  } catch {
    return null;
  }
}
