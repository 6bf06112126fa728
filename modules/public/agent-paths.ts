import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { liveDocuments } from "@/db/schema";
import { publicAgentPath } from "./addresses";

/**
 * The pages of published agents, by agent id. Lists, bylines and law timelines link a name only
 * when its agent is in here: an unpublished agent's name stays plain text.
 */
export async function liveAgentPaths(db: Db): Promise<Record<number, string>> {
  const rows = await db
    .select({ id: liveDocuments.itemId, slug: liveDocuments.slug })
    .from(liveDocuments)
    .where(eq(liveDocuments.itemType, "agent"));
  return Object.fromEntries(rows.map((r) => [r.id, publicAgentPath(r)]));
}
