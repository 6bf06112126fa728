import { and, desc, eq, gte, ilike, like, lt, type SQL } from "drizzle-orm";
import { z } from "zod";
import { auditLog } from "@/db/schema";
import { ValidationError } from "@/lib/errors";
import { likePattern } from "@/lib/text";
import { parseInput, parseRecordId, text } from "@/lib/validation";
import { authorize } from "@/modules/auth/authorize";
import type { Ctx } from "@/modules/auth/context";
import { decodeCursor, encodeCursor, isDateKey } from "@/modules/content/cursor";

export type AuditLogEntry = {
  id: number;
  at: Date;
  actorId: number | null;
  actorLabel: string;
  action: string;
  targetType: string;
  targetId: string;
  beforeRevision: string | null;
  afterRevision: string | null;
  ip: string | null;
  details: Record<string, unknown>;
};

export type AuditLogPage = { entries: AuditLogEntry[]; nextAfter: string | null };

// A field left empty in the GET form arrives as "": that means "any", not an error.
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

const day = text()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date as YYYY-MM-DD.")
  .refine(isDateKey, "This date does not exist.");

export const listAuditLogInput = z
  .object({
    // "law." is every action of that group; anything else is one exact action.
    action: optional(text().trim().max(100, "Use at most 100 characters.")),
    // An account number, or part of the name or email the row was written with.
    actor: optional(text().trim().max(200, "Use at most 200 characters.")),
    targetType: optional(text().trim().max(50, "Use at most 50 characters.")),
    targetId: optional(text().trim().max(200, "Use at most 200 characters.")),
    from: optional(day),
    to: optional(day),
    after: optional(text().max(200, "This page link is not valid.")),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  })
  .refine((input) => !input.from || !input.to || input.from <= input.to, {
    path: ["to"],
    message: "The end date is before the start date.",
  });

/**
 * The audit log for admins, newest first, with filters, in pages keyed by id: rows are appended
 * in id order under a lock (record.ts), so id order is the order they happened in.
 */
export async function listAuditLog(ctx: Ctx, input: Record<string, unknown> = {}): Promise<AuditLogPage> {
  authorize(ctx, "audit.read");
  const { action, actor, targetType, targetId, from, to, after, limit } = parseInput(listAuditLogInput, input);
  const where: SQL[] = [];
  if (action)
    where.push(action.endsWith(".") ? like(auditLog.action, prefixPattern(action)) : eq(auditLog.action, action));
  if (actor) {
    const id = parseRecordId(actor.replace(/^#/, ""));
    where.push(id !== null ? eq(auditLog.actorId, id) : ilike(auditLog.actorLabel, likePattern(actor)));
  }
  if (targetType) where.push(eq(auditLog.targetType, targetType));
  if (targetId) where.push(eq(auditLog.targetId, targetId));
  // Days are UTC days, as the page shows the times; "to" includes the whole of its day.
  if (from) where.push(gte(auditLog.at, new Date(`${from}T00:00:00Z`)));
  if (to) where.push(lt(auditLog.at, new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000)));
  if (after !== undefined) where.push(lt(auditLog.id, cursorId(after)));

  const rows = await ctx.db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorId: auditLog.actorId,
      actorLabel: auditLog.actorLabel,
      action: auditLog.action,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      beforeRevision: auditLog.beforeRevision,
      afterRevision: auditLog.afterRevision,
      ip: auditLog.ip,
      details: auditLog.details,
    })
    .from(auditLog)
    .where(and(...where))
    .orderBy(desc(auditLog.id))
    .limit(limit + 1);
  const entries = rows.slice(0, limit);
  const last = entries.at(-1);
  return { entries, nextAfter: rows.length > limit && last ? encodeCursor(last.id, last.id) : null };
}

export type AuditFacets = {
  /** Every action name in the log, sorted. */
  actions: string[];
  /** The groups those names fall into, as prefixes for the action filter: "auth.", "user.". */
  actionGroups: string[];
  targetTypes: string[];
};

/** The values the page offers in its filter selects: only those the log holds. */
export async function auditFacets(ctx: Ctx): Promise<AuditFacets> {
  authorize(ctx, "audit.read");
  const [actionRows, typeRows] = await Promise.all([
    ctx.db.selectDistinct({ value: auditLog.action }).from(auditLog),
    ctx.db.selectDistinct({ value: auditLog.targetType }).from(auditLog),
  ]);
  // Sorted here, not by the database's collation, which may ignore the dots ("lawful" before "law.").
  const actions = actionRows.map((r) => r.value).sort();
  const groups = new Set(actions.filter((a) => a.includes(".")).map((a) => a.slice(0, a.indexOf(".") + 1)));
  return { actions, actionGroups: [...groups].sort(), targetTypes: typeRows.map((r) => r.value).sort() };
}

// The id of the last row of the previous page. The cursor carries it twice (as sort value and id),
// so a cursor from another list, whose sort value is a title or a time, is refused.
function cursorId(after: string): number {
  const cursor = decodeCursor(after);
  if (!cursor || cursor.sortValue !== cursor.id) {
    throw new ValidationError({ after: ["This page link is out of date or was changed. Start from the first page."] });
  }
  return cursor.id;
}

function prefixPattern(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
