import { eq } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { publicLaws } from "@/db/schema";
import type { LawSnapshot } from "@/modules/laws/snapshot";
import { lawYear } from "@/modules/laws/year";

/** A law's row of the public index, from the revision that went live. Pure: bulk loaders write the same. */
export function publicLawValues(revisionId: number, revision: LawSnapshot, publishedAt: Date) {
  return {
    revisionId,
    jurisdictionCode: revision.jurisdictionCode,
    slug: revision.slug,
    title: revision.title,
    summary: revision.summary,
    type: revision.type,
    status: revision.status,
    year: lawYear(revision),
    topicIds: revision.topics.map((t) => t.id),
    publishedAt,
  };
}

/** Writes a law's row of the public index from the revision that just went live. */
export async function projectLaw(
  tx: Db | Tx,
  lawId: number,
  revisionId: number,
  revision: LawSnapshot,
  publishedAt: Date,
): Promise<void> {
  const values = publicLawValues(revisionId, revision, publishedAt);
  await tx
    .insert(publicLaws)
    .values({ lawId, ...values })
    .onConflictDoUpdate({ target: publicLaws.lawId, set: values });
}

/** Takes a withdrawn or archived law out of the public index. */
export async function unprojectLaw(tx: Db | Tx, lawId: number): Promise<void> {
  await tx.delete(publicLaws).where(eq(publicLaws.lawId, lawId));
}
