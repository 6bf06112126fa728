import { and, count, eq, inArray, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import {
  articleJurisdictions,
  editorialComments,
  editorialItems,
  jurisdictions,
  laws,
  revisions,
  users,
} from "@/db/schema";
import type { ContentType } from "@/db/schema/vocabulary";
import { diffSize, type DiffSize } from "@/lib/diff/size";
import { diffSnapshots } from "@/lib/diff/snapshot";
import { parseAnnotationSnapshot } from "@/modules/annotations/snapshot-schema";
import { authorize } from "@/modules/auth/authorize";
import type { Ctx } from "@/modules/auth/context";
import { changeAuthorsOf } from "./change-authors";
import { itemIn, itemKey as key, type ItemKey } from "./item-keys";
import { decide } from "./machine";
import type { ActionOption } from "./options";
import { parseSnapshot } from "./snapshots";
import { stateOf } from "./transitions";

/** "new" when the item was never published; otherwise the working revision against the live one. */
export type ChangeSize = { kind: "new" } | ({ kind: "changed" } & DiffSize);
export type Jurisdiction = { code: string; name: string };

export type QueueDetails = {
  workingRevisionId: number;
  workingNumber: number;
  liveNumber: number | null;
  submittedBy: string | null;
  submittedAt: Date | null;
  /** The comment the submitter gave with the submission, if any. */
  note: string | null;
  jurisdictions: Jurisdiction[];
  size: ChangeSize;
  /** The review moves this user could make from the queue, decided as the domain will decide them. */
  reviewMoves: ActionOption[];
};

const working = alias(revisions, "working");
const live = alias(revisions, "live");
const submitter = alias(users, "submitter");

/**
 * What a reviewer needs beside each queue item, keyed by itemKey: who submitted it and when, with
 * their note, the jurisdictions it concerns, how big the change is, and the review moves open to
 * this user. A fixed number of queries whatever the number of items.
 */
export async function queueDetails(ctx: Ctx, keys: ItemKey[]): Promise<Map<string, QueueDetails>> {
  const actor = authorize(ctx, "admin.access");
  const out = new Map<string, QueueDetails>();
  if (keys.length === 0) return out;
  const rows = await ctx.db
    .select({
      item: editorialItems,
      workingNumber: working.number,
      workingSnapshot: working.snapshot,
      liveNumber: live.number,
      liveSnapshot: live.snapshot,
      submittedBy: submitter.name,
    })
    .from(editorialItems)
    .innerJoin(working, eq(working.id, editorialItems.workingRevisionId))
    .leftJoin(live, eq(live.id, editorialItems.liveRevisionId))
    .leftJoin(submitter, eq(submitter.id, editorialItems.submittedById))
    .where(itemIn(editorialItems.itemType, editorialItems.itemId, keys));
  const [notes, places, authors, open] = await Promise.all([
    submitNotes(ctx, keys),
    jurisdictionsOf(ctx, rows),
    changeAuthorsOf(ctx.db, keys),
    openCommentsOf(ctx, keys),
  ]);
  for (const row of rows) {
    const { itemType: type, itemId: id } = row.item;
    const k = key(type, id);
    const isAuthor =
      actor.id !== null && (row.item.submittedById === actor.id || (authors.get(k) ?? []).includes(actor.id));
    out.set(k, {
      workingRevisionId: row.item.workingRevisionId!,
      workingNumber: row.workingNumber,
      liveNumber: row.liveNumber,
      submittedBy: row.submittedBy,
      submittedAt: row.item.submittedAt,
      note: notes.get(k) ?? null,
      jurisdictions: places.get(k) ?? [],
      size: sizeOf(type, row.liveSnapshot, row.workingSnapshot),
      reviewMoves: (["approve", "request_changes"] as const).flatMap((action): ActionOption[] => {
        const who = { role: actor.role, isAuthor, unresolvedComments: open.get(k) ?? 0 };
        const plain = decide(action, stateOf(row.item), who);
        if (plain.ok) return [{ action, allowed: true, needsReason: false }];
        const withReason = decide(action, stateOf(row.item), { ...who, overrideReason: "reason" });
        return withReason.ok ? [{ action, allowed: true, needsReason: true, reason: plain.reason }] : [];
      }),
    });
  }
  return out;
}

function sizeOf(type: ContentType, liveSnapshot: unknown, workingSnapshot: unknown): ChangeSize {
  if (liveSnapshot === null) return { kind: "new" };
  const changes = diffSnapshots(parseSnapshot(type, liveSnapshot), parseSnapshot(type, workingSnapshot));
  return { kind: "changed", ...diffSize(changes) };
}

/** The submitter's note: the comment moveItem wrote with the submission, at its very time. */
async function submitNotes(ctx: Ctx, keys: ItemKey[]) {
  const rows = await ctx.db
    .select({ type: editorialComments.itemType, id: editorialComments.itemId, body: editorialComments.body })
    .from(editorialComments)
    .innerJoin(
      editorialItems,
      and(
        eq(editorialItems.itemType, editorialComments.itemType),
        eq(editorialItems.itemId, editorialComments.itemId),
        eq(editorialItems.submittedById, editorialComments.authorId),
        eq(editorialItems.submittedAt, editorialComments.createdAt),
        eq(editorialItems.workingRevisionId, editorialComments.revisionId),
      ),
    )
    .where(
      and(eq(editorialComments.kind, "comment"), itemIn(editorialComments.itemType, editorialComments.itemId, keys)),
    )
    .orderBy(editorialComments.id);
  return new Map(rows.map((r) => [key(r.type, r.id), r.body]));
}

/**
 * A law's jurisdiction, an article's jurisdictions, and for an annotation those of the law or
 * article it annotates (as its working revision says); an agent has none. As the records stand now.
 */
async function jurisdictionsOf(
  ctx: Ctx,
  rows: { item: { itemType: ContentType; itemId: number }; workingSnapshot: unknown }[],
) {
  const concerns = new Map<string, ItemKey>();
  for (const { item, workingSnapshot } of rows) {
    if (item.itemType === "law" || item.itemType === "article")
      concerns.set(key(item.itemType, item.itemId), { type: item.itemType, id: item.itemId });
    if (item.itemType === "annotation") {
      const { target } = parseAnnotationSnapshot(workingSnapshot);
      concerns.set(key(item.itemType, item.itemId), target);
    }
  }
  const ids = (type: ContentType) => [
    ...new Set([...concerns.values()].filter((c) => c.type === type).map((c) => c.id)),
  ];
  const [lawIds, articleIds] = [ids("law"), ids("article")];
  const [lawRows, articleRows] = await Promise.all([
    lawIds.length === 0
      ? []
      : ctx.db
          .select({ id: laws.id, code: jurisdictions.code, name: jurisdictions.name })
          .from(laws)
          .innerJoin(jurisdictions, eq(jurisdictions.code, laws.jurisdictionCode))
          .where(inArray(laws.id, lawIds)),
    articleIds.length === 0
      ? []
      : ctx.db
          .select({ id: articleJurisdictions.articleId, code: jurisdictions.code, name: jurisdictions.name })
          .from(articleJurisdictions)
          .innerJoin(jurisdictions, eq(jurisdictions.code, articleJurisdictions.jurisdictionCode))
          .where(inArray(articleJurisdictions.articleId, articleIds))
          .orderBy(jurisdictions.name),
  ]);
  const found = new Map<string, Jurisdiction[]>();
  for (const [type, list] of [
    ["law", lawRows],
    ["article", articleRows],
  ] as const) {
    for (const r of list)
      found.set(key(type, r.id), [...(found.get(key(type, r.id)) ?? []), { code: r.code, name: r.name }]);
  }
  return new Map([...concerns].map(([k, target]) => [k, found.get(key(target.type, target.id)) ?? []]));
}

async function openCommentsOf(ctx: Ctx, keys: ItemKey[]) {
  const rows = await ctx.db
    .select({ type: editorialComments.itemType, id: editorialComments.itemId, n: count() })
    .from(editorialComments)
    .where(
      and(isNull(editorialComments.resolvedAt), itemIn(editorialComments.itemType, editorialComments.itemId, keys)),
    )
    .groupBy(editorialComments.itemType, editorialComments.itemId);
  return new Map(rows.map((r) => [key(r.type, r.id), r.n]));
}
