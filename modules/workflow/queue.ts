import { and, desc, eq, gt, inArray, ne, or, sql, type SQL } from "drizzle-orm";
import { alias, type PgSelect } from "drizzle-orm/pg-core";
import { agents, annotations, articles, editorialItems, laws, reviewViews } from "@/db/schema";
import type { AnnotationKind, ContentType, ReviewState, Visibility } from "@/db/schema/vocabulary";
import { annotationTitle } from "@/modules/annotations/title";
import { authorize } from "@/modules/auth/authorize";
import type { Actor, Ctx } from "@/modules/auth/context";
import { roleHas } from "@/modules/auth/permissions";
import { itemKey } from "./item-keys";
import { queueDetails, type QueueDetails } from "./queue-details";

export type QueueItem = {
  type: ContentType;
  id: number;
  title: string;
  review: ReviewState;
  visibility: Visibility;
  changedAt: Date;
  publishAt: Date | null;
  /** Assigned to the signed-in user (modules/workflow/assign.ts): first in "Waiting for me". */
  assignedToMe: boolean;
};

const annotatedLaw = alias(laws, "annotated_law");
const annotatedArticle = alias(articles, "annotated_article");

function columns(actor: Actor) {
  return {
    type: editorialItems.itemType,
    id: editorialItems.itemId,
    ownTitle: sql<string | null>`coalesce(${laws.title}, ${articles.title}, ${agents.preferredName})`,
    annotationKind: annotations.kind,
    annotationQuote: annotations.exact,
    annotatedTitle: sql<string | null>`coalesce(${annotatedLaw.title}, ${annotatedArticle.title})`,
    review: editorialItems.review,
    visibility: editorialItems.visibility,
    changedAt: editorialItems.changedAt,
    publishAt: editorialItems.publishAt,
    assignedToMe:
      actor.id === null
        ? sql<boolean>`false`
        : sql<boolean>`coalesce(${editorialItems.assignedToId} = ${actor.id}, false)`,
  };
}

/** Joins what names each item: its own record, or an annotation and the law or article it annotates. */
function withNames<T extends PgSelect>(query: T) {
  return query
    .leftJoin(laws, and(eq(editorialItems.itemType, "law"), eq(laws.id, editorialItems.itemId)))
    .leftJoin(articles, and(eq(editorialItems.itemType, "article"), eq(articles.id, editorialItems.itemId)))
    .leftJoin(agents, and(eq(editorialItems.itemType, "agent"), eq(agents.id, editorialItems.itemId)))
    .leftJoin(annotations, and(eq(editorialItems.itemType, "annotation"), eq(annotations.id, editorialItems.itemId)))
    .leftJoin(annotatedLaw, and(eq(annotations.targetType, "law"), eq(annotatedLaw.id, annotations.targetId)))
    .leftJoin(
      annotatedArticle,
      and(eq(annotations.targetType, "article"), eq(annotatedArticle.id, annotations.targetId)),
    );
}

type Row = Omit<QueueItem, "title"> & {
  ownTitle: string | null;
  annotationKind: AnnotationKind | null;
  annotationQuote: string | null;
  annotatedTitle: string | null;
};

function toItem({ ownTitle, annotationKind, annotationQuote, annotatedTitle, ...item }: Row): QueueItem {
  const title =
    annotationKind !== null && annotationQuote !== null
      ? annotationTitle({ kind: annotationKind, exact: annotationQuote, targetTitle: annotatedTitle })
      : ownTitle;
  return { ...item, title: title ?? "(untitled)" };
}

async function select(ctx: Ctx, actor: Actor, where: SQL | undefined, { assignedFirst = false } = {}) {
  const first = columns(actor).assignedToMe;
  const rows = await withNames(ctx.db.select(columns(actor)).from(editorialItems).$dynamic())
    .where(and(ne(editorialItems.visibility, "archived"), where))
    .orderBy(...(assignedFirst ? [desc(first)] : []), desc(editorialItems.changedAt))
    .limit(50);
  return rows.map(toItem);
}

/** What waits for this user: reviews and publications for editors, requested changes for authors. */
function waitingFor(actor: Actor): SQL | undefined {
  const mine = actor.id === null ? sql`false` : eq(editorialItems.submittedById, actor.id);
  const sentBack = and(eq(editorialItems.review, "changes_requested"), mine);
  if (!roleHas(actor.role, "workflow.review")) return sentBack;
  const others =
    actor.id === null
      ? sql`true`
      : or(sql`${editorialItems.submittedById} is null`, ne(editorialItems.submittedById, actor.id));
  return or(
    sentBack,
    and(eq(editorialItems.review, "in_review"), others),
    and(eq(editorialItems.review, "approved"), sql`${editorialItems.publishAt} is null`),
  );
}

export type QueueEntry = QueueItem & { details: QueueDetails | null };

/**
 * The review queue: what waits for me, what I submitted, and what changed since I last opened it,
 * each item with who submitted it, their note, its jurisdictions and the size of the change.
 */
export async function reviewQueue(ctx: Ctx) {
  const actor = authorize(ctx, "admin.access");
  const lists = await queueLists(ctx, actor);
  const all = Object.values(lists).flat();
  const unique = [...new Map(all.map((item) => [itemKey(item.type, item.id), item])).values()];
  const details = await queueDetails(ctx, unique);
  const withDetails = (items: QueueItem[]): QueueEntry[] =>
    items.map((item) => ({ ...item, details: details.get(itemKey(item.type, item.id)) ?? null }));
  return {
    waiting: withDetails(lists.waiting),
    submitted: withDetails(lists.submitted),
    changed: withDetails(lists.changed),
    scheduled: withDetails(lists.scheduled),
  };
}

async function queueLists(ctx: Ctx, actor: Actor) {
  // What is assigned to me comes first, so that the 50 shown always include it.
  const waiting = await select(ctx, actor, waitingFor(actor), { assignedFirst: true });
  const submitted =
    actor.id === null
      ? []
      : await select(
          ctx,
          actor,
          and(
            eq(editorialItems.submittedById, actor.id),
            inArray(editorialItems.review, ["in_review", "changes_requested", "approved"]),
          ),
        );
  const changed = actor.id === null ? [] : await changedSinceSeen(ctx, actor, actor.id);
  const scheduled = await select(ctx, actor, sql`${editorialItems.publishAt} is not null`);
  return { waiting, submitted, changed, scheduled };
}

async function changedSinceSeen(ctx: Ctx, actor: Actor, userId: number) {
  const seen = ctx.db
    .select(columns(actor))
    .from(reviewViews)
    .innerJoin(
      editorialItems,
      and(eq(editorialItems.itemType, reviewViews.itemType), eq(editorialItems.itemId, reviewViews.itemId)),
    )
    .$dynamic();
  const rows = await withNames(seen)
    .where(and(eq(reviewViews.userId, userId), gt(editorialItems.changedAt, reviewViews.seenAt)))
    .orderBy(desc(editorialItems.changedAt))
    .limit(50);
  return rows.map(toItem);
}

/** The dashboard's counts of the queue. */
export async function queueCounts(ctx: Ctx) {
  const { waiting, submitted, changed, scheduled } = await queueLists(ctx, authorize(ctx, "admin.access"));
  return { waiting: waiting.length, submitted: submitted.length, changed: changed.length, scheduled: scheduled.length };
}

/** Remembers that this user has seen the item as it is now. */
export async function markSeen(ctx: Ctx, type: ContentType, id: number): Promise<void> {
  const actor = authorize(ctx, "admin.access");
  if (actor.id === null) return;
  const now = new Date();
  await ctx.db
    .insert(reviewViews)
    .values({ userId: actor.id, itemType: type, itemId: id, seenAt: now })
    .onConflictDoUpdate({
      target: [reviewViews.userId, reviewViews.itemType, reviewViews.itemId],
      set: { seenAt: now },
    });
}
