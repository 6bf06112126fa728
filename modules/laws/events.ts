import { eq, inArray, max } from "drizzle-orm";
import type { Tx } from "@/db";
import { agents, lawEventAccounts, lawEvents, laws, sources } from "@/db/schema";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import type { PartialDate } from "@/lib/partial-date";
import { parseInput } from "@/lib/validation";
import { authorize } from "@/modules/auth/authorize";
import { eventInput, type EventValues } from "./event-input";
import { baseRevisionOf } from "@/modules/workflow/revise";
import { closeLaw, openLaw } from "./revise";
import { readTimeline, type LawEvent } from "./timeline";
import { recordId } from "./schemas";
import type { Ctx } from "@/modules/auth/context";

export type { EventAccount, LawEvent } from "./timeline";

/** A law's timeline, for signed-in users. */
export async function listEvents(ctx: Ctx, lawId: number): Promise<LawEvent[]> {
  authorize(ctx, "admin.access");
  return readTimeline(ctx.db, lawId);
}

export async function addEvent(ctx: Ctx, lawId: number, input: unknown): Promise<number> {
  const actor = authorize(ctx, "content.write");
  const values = parseInput(eventInput, input);
  const base = baseRevisionOf(input);
  await assertLinks(ctx, values);
  return ctx.db.transaction(async (tx) => {
    await touchLaw(tx, lawId);
    const row = await openLaw(tx, lawId, base);
    const [last] = await tx
      .select({ position: max(lawEvents.position) })
      .from(lawEvents)
      .where(eq(lawEvents.lawId, lawId));
    const [event] = await tx
      .insert(lawEvents)
      .values({
        lawId,
        kind: values.kind,
        agentId: values.agentId,
        note: values.note,
        position: (last?.position ?? -1) + 1,
      })
      .returning({ id: lawEvents.id });
    await writeAccounts(tx, event!.id, values);
    await closeLaw(tx, ctx, actor, row, "law.event.add");
    return event!.id;
  });
}

export async function updateEvent(ctx: Ctx, eventId: number, input: unknown): Promise<void> {
  const actor = authorize(ctx, "content.write");
  const values = parseInput(eventInput, input);
  const base = baseRevisionOf(input);
  await assertLinks(ctx, values);
  await ctx.db.transaction(async (tx) => {
    const event = await findEvent(tx, eventId);
    await touchLaw(tx, event.lawId);
    const row = await openLaw(tx, event.lawId, base);
    await tx
      .update(lawEvents)
      .set({ kind: values.kind, agentId: values.agentId, note: values.note })
      .where(eq(lawEvents.id, eventId));
    await tx.delete(lawEventAccounts).where(eq(lawEventAccounts.eventId, eventId));
    await writeAccounts(tx, eventId, values);
    await closeLaw(tx, ctx, actor, row, "law.event.update");
  });
}

export async function removeEvent(ctx: Ctx, eventId: number, baseRevision: unknown): Promise<void> {
  const actor = authorize(ctx, "content.write");
  const base = baseRevisionOf({ baseRevision });
  await ctx.db.transaction(async (tx) => {
    const event = await findEvent(tx, eventId);
    await touchLaw(tx, event.lawId);
    const row = await openLaw(tx, event.lawId, base);
    await tx.delete(lawEvents).where(eq(lawEvents.id, eventId));
    await closeLaw(tx, ctx, actor, row, "law.event.remove");
  });
}

/**
 * Moves an event one place up or down among events of the same date: the timeline is ordered by
 * date, so only ties (and unknown dates) have an order of the editor's choosing.
 */
export async function moveEvent(
  ctx: Ctx,
  eventId: number,
  direction: "up" | "down",
  baseRevision: unknown,
): Promise<void> {
  const actor = authorize(ctx, "content.write");
  const base = baseRevisionOf({ baseRevision });
  await ctx.db.transaction(async (tx) => {
    const { lawId } = await findEvent(tx, eventId);
    // Updating the law first locks it: two moves on one timeline take turns.
    await touchLaw(tx, lawId);
    const row = await openLaw(tx, lawId, base);
    const timeline = await listEvents({ db: tx, actor }, lawId);
    const from = timeline.findIndex((e) => e.id === eventId);
    const to = direction === "up" ? from - 1 : from + 1;
    const [moving, neighbour] = [timeline[from], timeline[to]];
    if (!moving || !neighbour || !sameDate(moving.date, neighbour.date)) {
      throw new ConflictError("Events are ordered by date: only events with the same date can be moved.");
    }
    [timeline[from], timeline[to]] = [neighbour, moving];
    for (const [position, event] of timeline.entries()) {
      await tx.update(lawEvents).set({ position }).where(eq(lawEvents.id, event.id));
    }
    await closeLaw(tx, ctx, actor, row, "law.event.move");
  });
}

/** Whether two events share a place on the timeline; `undefined` (no neighbour) never does. */
export function sameDate(a: PartialDate | null | undefined, b: PartialDate | null | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  return a?.date === b?.date && a?.precision === b?.precision;
}

async function writeAccounts(tx: Tx, eventId: number, values: EventValues) {
  await tx.insert(lawEventAccounts).values(
    values.accounts.map((a, i) => ({
      eventId,
      date: a.date?.date ?? null,
      precision: a.date?.precision ?? null,
      approximate: a.date?.approximate ?? false,
      sourceId: a.sourceId,
      note: a.note,
      preferred: i === values.preferredAccount,
    })),
  );
}

async function findEvent(db: Ctx["db"] | Tx, eventId: number) {
  if (!recordId.safeParse(eventId).success) throw new NotFoundError("No such event.");
  const [event] = await db.select({ lawId: lawEvents.lawId }).from(lawEvents).where(eq(lawEvents.id, eventId));
  if (!event) throw new NotFoundError("No such event.");
  return event;
}

async function touchLaw(tx: Tx, lawId: number) {
  if (!recordId.safeParse(lawId).success) throw new NotFoundError("No such law.");
  const [law] = await tx
    .update(laws)
    .set({ updatedAt: new Date() })
    .where(eq(laws.id, lawId))
    .returning({ id: laws.id });
  if (!law) throw new NotFoundError("No such law.");
}

async function assertLinks(ctx: Ctx, values: EventValues) {
  const errors: Record<string, string[]> = {};
  if (values.agentId) {
    const [agent] = await ctx.db.select({ id: agents.id }).from(agents).where(eq(agents.id, values.agentId));
    if (!agent) errors.agentId = ["That agent no longer exists."];
  }
  const sourceIds = values.accounts.map((a) => a.sourceId).filter((id): id is number => id !== null);
  if (sourceIds.length) {
    const found = new Set(
      (await ctx.db.select({ id: sources.id }).from(sources).where(inArray(sources.id, sourceIds))).map((s) => s.id),
    );
    values.accounts.forEach((a, i) => {
      if (a.sourceId && !found.has(a.sourceId)) errors[`accounts.${i}.sourceId`] = ["That source no longer exists."];
    });
  }
  if (Object.keys(errors).length) throw new ValidationError(errors);
}
