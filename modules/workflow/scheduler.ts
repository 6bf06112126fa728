import { and, asc, eq, isNotNull, lte } from "drizzle-orm";
import type { Db } from "@/db";
import { editorialItems } from "@/db/schema";
import { audit } from "@/modules/audit/record";
import { loggable } from "@/lib/describe-error";
import { publicationCommitted } from "@/modules/workflow/publication-committed";
import { makeLive } from "./publish";

/**
 * Publishes every approved item whose time has come. Each item is taken under a row lock and
 * re-checked, so two instances (or a restart mid-run) never publish one twice; anything that fell
 * due while the app was down is published on the first run after start.
 */
export async function publishDue(db: Db, now = new Date()): Promise<number> {
  const due = await db
    .select({ itemType: editorialItems.itemType, itemId: editorialItems.itemId })
    .from(editorialItems)
    .where(and(isNotNull(editorialItems.publishAt), lte(editorialItems.publishAt, now)))
    .orderBy(asc(editorialItems.publishAt))
    .limit(100);
  let published = 0;
  for (const item of due) {
    const done = await db.transaction(async (tx) => {
      const [row] = await tx
        .select()
        .from(editorialItems)
        .where(and(eq(editorialItems.itemType, item.itemType), eq(editorialItems.itemId, item.itemId)))
        .for("update", { skipLocked: true });
      if (!row || row.review !== "approved" || !row.publishAt || row.publishAt > now) return false;
      if (row.visibility === "archived") return false;
      await makeLive(tx, row, now);
      await audit(tx, {
        actor: null,
        action: `${row.itemType}.publish`,
        targetType: row.itemType,
        targetId: row.itemId,
        beforeRevision: row.liveRevisionId === null ? null : String(row.liveRevisionId),
        afterRevision: String(row.workingRevisionId),
        details: { scheduledFor: row.publishAt.toISOString(), scheduledById: row.scheduledById },
      });
      return true;
    });
    if (done) published++;
  }
  if (published > 0) publicationCommitted();
  return published;
}

/** Runs publishDue now and then every `everyMs`, in this process, for as long as it lives. */
export function startScheduler(db: Db, everyMs = 15_000): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await publishDue(db);
    } catch (error) {
      console.error("Scheduled publishing failed; will retry:", loggable(error));
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
