import { count, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db";
import { jurisdictions, publicLaws, topics } from "@/db/schema";
import type { LawEventKind, LawStatus, LawType } from "@/db/schema/vocabulary";
import { fromColumns, type PartialDate } from "@/lib/partial-date";
import type { LawSnapshot } from "@/modules/laws/snapshot";
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

/** How many laws a page's timeline shows; the laws index lists them all, with filters. */
export const lawsOnTimelineShown = 20;

/**
 * Published laws matching a condition on public_laws, in the order of their history: all of them,
 * or the `latest` (by the date that places them; undated ones only when too few are dated).
 */
export async function liveLawsInOrder(db: Db, where: SQL, latest?: number): Promise<LawOnTimeline[]> {
  const query = db
    .select({
      id: publicLaws.lawId,
      scope: publicLaws.jurisdictionCode,
      slug: publicLaws.slug,
      title: publicLaws.title,
      type: publicLaws.type,
      status: publicLaws.status,
      topicIds: publicLaws.topicIds,
      milestoneKind: publicLaws.milestoneKind,
      milestoneDate: publicLaws.milestoneDate,
      milestonePrecision: publicLaws.milestonePrecision,
      milestoneApproximate: publicLaws.milestoneApproximate,
      jurisdictionName: jurisdictions.name,
    })
    .from(publicLaws)
    .innerJoin(jurisdictions, eq(jurisdictions.code, publicLaws.jurisdictionCode))
    .where(where);
  const rows =
    latest === undefined
      ? await query
      : await query.orderBy(sql`${publicLaws.milestoneDate} desc nulls last`, desc(publicLaws.title)).limit(latest);
  // Topics named as the vocabulary has them now, in each law's own order.
  const topicIds = [...new Set(rows.flatMap((r) => r.topicIds))];
  const names = new Map(
    topicIds.length
      ? (await db.select({ id: topics.id, name: topics.name }).from(topics).where(inArray(topics.id, topicIds))).map(
          (t) => [t.id, t.name],
        )
      : [],
  );
  return rows
    .map((row) => {
      const date = fromColumns(row.milestoneDate, row.milestonePrecision, row.milestoneApproximate);
      return {
        id: row.id,
        title: row.title,
        path: publicLawPath({ jurisdictionCode: row.scope, slug: row.slug }),
        jurisdictionCode: row.scope,
        jurisdictionName: row.jurisdictionName,
        type: row.type,
        status: row.status,
        milestone: row.milestoneKind && date ? { kind: row.milestoneKind, date } : null,
        topics: row.topicIds.flatMap((id) => (names.has(id) ? [{ id, name: names.get(id)! }] : [])),
      };
    })
    .sort(byMilestone);
}

/** How many published laws match a condition on public_laws. */
export async function countLiveLaws(db: Db, where: SQL): Promise<number> {
  const [row] = await db.select({ n: count() }).from(publicLaws).where(where);
  return row?.n ?? 0;
}
