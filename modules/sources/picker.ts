import { desc, eq, ilike, or } from "drizzle-orm";
import { agents, sources } from "@/db/schema";
import { likePattern } from "@/lib/text";
import { parseInput } from "@/lib/validation";
import { authorize } from "@/modules/auth/authorize";
import type { Ctx } from "@/modules/auth/context";
import { createSource } from "./save";
import { inlineSourceInput } from "./schemas";

export type SourceOption = { value: string; label: string; hint?: string };

function host(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return "";
  }
}

function hintOf(row: { url: string; publisherName: string | null; accessedOn: string | null }): string | undefined {
  const parts = [row.publisherName ?? host(row.url), row.accessedOn ? `accessed ${row.accessedOn}` : ""];
  return parts.filter(Boolean).join(", ") || undefined;
}

/** Sources for a picker: titles or addresses containing the query, most recently changed first. */
export async function searchSourceOptions(ctx: Ctx, q: string, limit = 20): Promise<SourceOption[]> {
  authorize(ctx, "admin.access");
  const query = q.trim().slice(0, 200);
  const pattern = likePattern(query);
  const rows = await ctx.db
    .select({
      id: sources.id,
      title: sources.title,
      url: sources.url,
      accessedOn: sources.accessedOn,
      publisherName: agents.preferredName,
    })
    .from(sources)
    .leftJoin(agents, eq(agents.id, sources.publisherId))
    .where(query ? or(ilike(sources.title, pattern), ilike(sources.url, pattern)) : undefined)
    .orderBy(desc(sources.updatedAt), desc(sources.id))
    .limit(Math.min(Math.max(1, Math.trunc(limit) || 20), 100));
  return rows.map((r) => ({ value: String(r.id), label: r.title, hint: hintOf(r) }));
}

/** Adds a source from a picker with a title and, optionally, its address. */
export async function createSourceInline(ctx: Ctx, input: { title?: unknown; url?: unknown }): Promise<SourceOption> {
  authorize(ctx, "content.write");
  const values = parseInput(inlineSourceInput, input);
  const source = await createSource(ctx, values);
  return { value: String(source.id), label: source.title, hint: hintOf(source) };
}
