import { eq } from "drizzle-orm";
import { agents, annotations, articles, figures, jurisdictions, laws, sources, topics } from "@/db/schema";
import { authorize } from "@/modules/auth/authorize";
import type { Ctx } from "@/modules/auth/context";
import { isRecordId } from "@/lib/validation";

const tables = { laws, articles, agents, annotations, figures, sources, topics };
// /admin/history/<type>/<id> names its record by content type.
const byContentType: Record<string, string> = {
  law: "laws",
  article: "articles",
  agent: "agents",
  annotation: "annotations",
};

/**
 * Whether the record an admin address names exists (a deleted law's page does not), or null for
 * an address that names no record. Asked by proxy.ts, since the admin pages stream their content
 * under a loading state and so could only say "not found" with a 200.
 */
export async function adminRecordExists(ctx: Ctx, pathname: string): Promise<boolean | null> {
  authorize(ctx, "admin.access");
  const named = recordNamed(pathname);
  if (!named) return null;
  if (named.kind === "jurisdictions") {
    const code = named.key.toUpperCase();
    const [row] = await ctx.db
      .select({ code: jurisdictions.code })
      .from(jurisdictions)
      .where(eq(jurisdictions.code, code));
    return row !== undefined;
  }
  if (!Object.hasOwn(tables, named.kind)) return named.kind === "history" ? false : null;
  // Ids are canonical decimals: "0x10" or "016" name no record.
  const id = /^[1-9]\d*$/.test(named.key) ? Number(named.key) : NaN;
  if (!isRecordId(id)) return false;
  const table = tables[named.kind as keyof typeof tables];
  const [row] = await ctx.db.select({ id: table.id }).from(table).where(eq(table.id, id));
  return row !== undefined;
}

function recordNamed(pathname: string): { kind: string; key: string } | null {
  const history = /^\/admin\/history\/([^/]+)\/([^/]+)\/?$/.exec(pathname);
  if (history) {
    const type = history[1]!;
    return { kind: Object.hasOwn(byContentType, type) ? byContentType[type]! : "history", key: history[2]! };
  }
  const page = /^\/admin\/([a-z]+)\/([^/]+)(?:\/|$)/.exec(pathname);
  return page && page[2] !== "new" ? { kind: page[1]!, key: page[2]! } : null;
}
