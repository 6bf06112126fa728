import { and, asc, desc, eq } from "drizzle-orm";
import { auditLog, revisions, users } from "@/db/schema";
import type { ContentType } from "@/db/schema/vocabulary";
import { NotFoundError } from "@/lib/errors";
import { isRecordId } from "@/lib/validation";
import { authorize } from "@/modules/auth/authorize";
import type { Ctx } from "@/modules/auth/context";
import { parseSnapshot } from "./snapshots";

/** Every revision of an item, newest first, with who made it and why: an editorial read. */
export async function listRevisions(ctx: Ctx, type: ContentType, id: number) {
  authorize(ctx, "admin.access");
  if (!isRecordId(id)) throw new NotFoundError(`No such ${type}.`);
  const rows = await ctx.db
    .select({
      id: revisions.id,
      number: revisions.number,
      createdAt: revisions.createdAt,
      message: revisions.message,
      hash: revisions.hash,
      author: users.name,
    })
    .from(revisions)
    .leftJoin(users, eq(users.id, revisions.authorId))
    .where(and(eq(revisions.itemType, type), eq(revisions.itemId, id)))
    .orderBy(desc(revisions.number));
  if (rows.length === 0) throw new NotFoundError(`No such ${type}.`);
  return rows;
}

/** Two revisions of one item (by number), for a diff. */
export async function revisionPair(ctx: Ctx, type: ContentType, id: number, from: number, to: number) {
  authorize(ctx, "admin.access");
  const rows = await ctx.db
    .select({ number: revisions.number, snapshot: revisions.snapshot })
    .from(revisions)
    .where(and(eq(revisions.itemType, type), eq(revisions.itemId, id)))
    .orderBy(asc(revisions.number));
  const pick = (n: number) => rows.find((r) => r.number === n);
  const before = pick(from);
  const after = pick(to);
  if (!before || !after) throw new NotFoundError("No such revision.");
  return { before: parseSnapshot(type, before.snapshot), after: parseSnapshot(type, after.snapshot) };
}

/** One revision's snapshot, by number, for restoring it. */
export async function revisionSnapshot(ctx: Ctx, type: ContentType, id: number, number: number) {
  authorize(ctx, "content.write");
  if (!isRecordId(id) || !isRecordId(number)) throw new NotFoundError("No such revision.");
  const [row] = await ctx.db
    .select({ snapshot: revisions.snapshot })
    .from(revisions)
    .where(and(eq(revisions.itemType, type), eq(revisions.itemId, id), eq(revisions.number, number)));
  if (!row) throw new NotFoundError("No such revision.");
  return row.snapshot;
}

const activityLabels: Record<string, string> = {
  create: "created",
  update: "saved",
  backfill: "given its first revision",
  submit: "submitted for review",
  request_changes: "sent back for changes",
  approve: "approved",
  publish: "published",
  schedule: "scheduled",
  unschedule: "schedule cancelled",
  withdraw: "withdrawn",
  archive: "archived",
  comment: "commented",
  "comment.resolve": "resolved a comment",
};

/**
 * What happened to an item, newest first: saves and every status change, with who and when, from
 * the audit log. Editors see their items' trail; the whole log stays an admin's.
 */
export async function itemActivity(ctx: Ctx, type: ContentType, id: number) {
  authorize(ctx, "admin.access");
  if (!isRecordId(id)) return [];
  const rows = await ctx.db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actor: auditLog.actorLabel,
      action: auditLog.action,
      afterRevision: auditLog.afterRevision,
      details: auditLog.details,
    })
    .from(auditLog)
    .where(and(eq(auditLog.targetType, type), eq(auditLog.targetId, String(id))))
    .orderBy(desc(auditLog.id))
    .limit(200);
  return rows.map((r) => {
    const verb = r.action.slice(type.length + 1);
    const label =
      activityLabels[verb] ??
      (verb.startsWith("event.") || verb.startsWith("text.") || verb.startsWith("relation.") ? "saved" : verb);
    return {
      ...r,
      // An audit label is "Name <email>": the name is enough here.
      actor: r.actor.replace(/\s*<[^>]*>$/, ""),
      label,
      override: typeof r.details.override === "string" ? r.details.override : null,
      scheduledFor: typeof r.details.scheduledFor === "string" ? r.details.scheduledFor : null,
    };
  });
}
