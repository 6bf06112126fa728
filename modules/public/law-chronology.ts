import { lawOutline } from "./law-outline";
import { and, eq, type SQL } from "drizzle-orm";
import type { Db } from "@/db";
import { jurisdictions, liveDocuments } from "@/db/schema";
import type { LawEventKind, LawStatus, LawType } from "@/db/schema/vocabulary";
import type { PartialDate } from "@/lib/partial-date";
import type { LawSnapshot } from "@/modules/laws/snapshot";
import { parseLawOutline } from "@/modules/laws/snapshot-schema";
import { placeOnTimeline } from "@/modules/laws/timeline-order";
import { publicLawPath } from "./law-view";

/** The step of its history that places a law among others, with its date at the precision known. */
export type Milestone = { kind: LawEventKind; date: PartialDate };

/**
 * The same step lawYear takes for the index's year: adoption, else signature, else the first dated
 * step; null when nothing in its history is dated.
 */
export function lawMilestone(revision: Pick<LawSnapshot, "events">): Milestone | null {
  const timeline = placeOnTimeline(revision.events);
  const dated = (kind?: LawEventKind) => timeline.find((e) => e.date && (!kind || e.kind === kind));
  const step = dated("adopted") ?? dated("signed") ?? dated();
  return step?.date ? { kind: step.kind, date: step.date } : null;
}

/** A published law on a jurisdiction's, topic's or agent's timeline. */
export type LawOnTimeline = {
  id: number;
  title: string;
  path: string;
  jurisdictionCode: string;
  jurisdictionName: string;
  type: LawType;
  status: LawStatus;
  milestone: Milestone | null;
  topics: { id: number; name: string }[];
};

/** Oldest first; laws with no dated step go last, by title. */
export function byMilestone(a: LawOnTimeline, b: LawOnTimeline): number {
  const [x, y] = [a.milestone?.date.date ?? "9999", b.milestone?.date.date ?? "9999"];
  return x.localeCompare(y) || a.title.localeCompare(b.title);
}

/** Published laws matching a condition on live_documents, in the order of their history. */
export async function liveLawsInOrder(db: Db, where: SQL): Promise<LawOnTimeline[]> {
  const rows = await db
    .select({
      id: liveDocuments.itemId,
      scope: liveDocuments.scope,
      slug: liveDocuments.slug,
      title: liveDocuments.title,
      snapshot: lawOutline,
      jurisdictionName: jurisdictions.name,
    })
    .from(liveDocuments)
    .innerJoin(jurisdictions, eq(jurisdictions.code, liveDocuments.scope))
    .where(and(eq(liveDocuments.itemType, "law"), where));
  return rows
    .map((row) => {
      const law = parseLawOutline(row.snapshot);
      return {
        id: row.id,
        title: row.title,
        path: publicLawPath({ jurisdictionCode: row.scope, slug: row.slug }),
        jurisdictionCode: row.scope,
        jurisdictionName: row.jurisdictionName,
        type: law.type,
        status: law.status,
        milestone: lawMilestone(law),
        topics: law.topics,
      };
    })
    .sort(byMilestone);
}
