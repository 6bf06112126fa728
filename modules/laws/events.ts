import { eq, inArray, max } from "drizzle-orm";
import type { Tx } from "@/db";
import { agents, lawEventAccounts, lawEvents, sources } from "@/db/schema";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { authorize } from "@/modules/auth/authorize";
import { eventInput, type EventValues } from "./event-input";
import { baseRevisionOf } from "@/modules/workflow/revise";
import { closeLaw, openLaw, touchLaw } from "./revise";
import { readTimeline, type LawEvent } from "./timeline";
import { chronologicalPlace, datesOverlap, placeOnTimeline } from "./timeline-order";
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
    await placeChronologically(tx, lawId, event!.id);
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
    const before = (await readTimeline(tx, event.lawId)).find((e) => e.id === eventId)?.date ?? null;
    await tx
      .update(lawEvents)
      .set({ kind: values.kind, agentId: values.agentId, note: values.note })
      .where(eq(lawEvents.id, eventId));
    await tx.delete(lawEventAccounts).where(eq(lawEventAccounts.eventId, eventId));
    await writeAccounts(tx, eventId, values);
    const after = (values.accounts[values.preferredAccount] ?? values.accounts[0])?.date ?? null;
    if (before?.date !== after?.date || before?.precision !== after?.precision) {
      await placeChronologically(tx, event.lawId, eventId);
    }
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
 * Moves an event one place up or down past a neighbour whose date overlaps its own ("2024" and
 * "June 2024"): an event wholly before another always comes first, so only those have an order of
 * the editor's choosing.
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
    const timeline = await readTimeline(tx, lawId);
    const from = timeline.findIndex((e) => e.id === eventId);
    const to = direction === "up" ? from - 1 : from + 1;
    const [moving, neighbour] = [timeline[from], timeline[to]];
    if (!moving || !neighbour || !datesOverlap(moving.date, neighbour.date)) {
      throw new ConflictError(
        "Events are ordered by date: an event can only be moved past one whose date overlaps its own.",
      );
    }
    [timeline[from], timeline[to]] = [neighbour, moving];
    await renumber(tx, timeline);
    await closeLaw(tx, ctx, actor, row, "law.event.move");
  });
}

/** Puts a new or re-dated event where its date falls, and keeps the positions in timeline order. */
async function placeChronologically(tx: Tx, lawId: number, eventId: number) {
  const timeline = await readTimeline(tx, lawId);
  const event = timeline.find((e) => e.id === eventId)!;
  const others = timeline.filter((e) => e.id !== eventId);
  others.splice(chronologicalPlace(others, event.date), 0, event);
  await renumber(tx, placeOnTimeline(others));
}

/** Positions are the timeline's order, so that the order shown is the order stored. */
async function renumber(tx: Tx, timeline: readonly { id: number }[]) {
  for (const [position, event] of timeline.entries()) {
    await tx.update(lawEvents).set({ position }).where(eq(lawEvents.id, event.id));
  }
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
