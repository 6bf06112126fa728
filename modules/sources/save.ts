import { eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { agents, sources } from "@/db/schema";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { isRecordId, parseInput, type Unvalidated } from "@/lib/validation";
import { audit } from "@/modules/audit/record";
import { authorize } from "@/modules/auth/authorize";
import type { Ctx } from "@/modules/auth/context";
import { getSource, type Source } from "./read";
import { sourceInput, type SourceInput } from "./schemas";

export async function createSource(ctx: Ctx, input: Unvalidated<SourceInput>): Promise<Source> {
  const actor = authorize(ctx, "content.write");
  const values = parseInput(sourceInput, input);
  const id = await ctx.db.transaction(async (tx) => {
    await checkPublisher(tx, values.publisherId);
    const [row] = await tx
      .insert(sources)
      .values({ ...values, createdById: actor.id })
      .returning({ id: sources.id });
    await audit(tx, { actor, action: "source.create", targetType: "source", targetId: row!.id, ip: ctx.ip });
    return row!.id;
  });
  return getSource(ctx, id);
}

/** Edits a citation record. Sources are shared working material: anyone who drafts may correct one. */
export async function updateSource(ctx: Ctx, id: number, input: Unvalidated<SourceInput>): Promise<Source> {
  const actor = authorize(ctx, "content.write");
  const values = parseInput(sourceInput, input);
  if (!isRecordId(id)) throw new NotFoundError("No such source.");
  await ctx.db.transaction(async (tx) => {
    await checkPublisher(tx, values.publisherId);
    const rows = await tx
      .update(sources)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(sources.id, id))
      .returning({ id: sources.id });
    if (rows.length === 0) throw new NotFoundError("No such source.");
    await audit(tx, { actor, action: "source.update", targetType: "source", targetId: id, ip: ctx.ip });
  });
  return getSource(ctx, id);
}

async function checkPublisher(tx: Tx, publisherId: number | null): Promise<void> {
  if (publisherId === null) return;
  const [agent] = await tx.select({ id: agents.id }).from(agents).where(eq(agents.id, publisherId));
  if (!agent) throw new ValidationError({ publisherId: [`No agent has the id ${publisherId}.`] });
}
