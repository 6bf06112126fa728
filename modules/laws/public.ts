import { and, desc, isNotNull, lte } from "drizzle-orm";
import { cacheLife, cacheTag } from "next/cache";
import { getDatabase } from "@/db";
import { laws, type LawStatus } from "@/db/schema";

/** A law as readers may see it. Only published laws ever come out of this module. */
export type PublicLawSummary = {
  slug: string;
  jurisdictionCode: string;
  title: string;
  summary: string;
  status: LawStatus;
  publishedAt: Date;
};

export const lawsCacheTag = "laws";

export async function latestPublishedLaws(limit = 10): Promise<PublicLawSummary[]> {
  "use cache";
  cacheTag(lawsCacheTag);
  cacheLife("hours");
  const { db } = await getDatabase();
  const rows = await db
    .select({
      slug: laws.slug,
      jurisdictionCode: laws.jurisdictionCode,
      title: laws.title,
      summary: laws.summary,
      status: laws.status,
      publishedAt: laws.publishedAt,
    })
    .from(laws)
    .where(and(isNotNull(laws.publishedAt), lte(laws.publishedAt, new Date())))
    .orderBy(desc(laws.publishedAt), desc(laws.id))
    .limit(limit);
  return rows.map((row) => ({ ...row, publishedAt: row.publishedAt! }));
}
