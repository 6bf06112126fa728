import { and, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { attachments, lawTextVersions, storedFiles } from "@/db/schema";
import { ValidationError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { authorize } from "@/modules/auth/authorize";
import type { Ctx } from "@/modules/auth/context";
import { closeOwner, openOwner, ownerColumn, type AttachmentOwner } from "./owner";
import { attachInput } from "./schemas";

/**
 * Attaches uploaded files to a law (or one of its text versions) or an article, as one change of
 * it: one new working revision for all of them, which goes through review like any other. A
 * source's files are attached at once.
 */
export async function attachFiles(ctx: Ctx, owner: AttachmentOwner, input: unknown): Promise<{ ids: number[] }> {
  const actor = authorize(ctx, "content.write");
  const values = parseInput(attachInput, input);
  if (owner.type !== "law" && values.textId !== null) {
    throw new ValidationError({
      textId: [`A${owner.type === "article" ? "n article" : " source"} has no text versions.`],
    });
  }
  return ctx.db.transaction(async (tx) => {
    const row = await openOwner(tx, owner, input);
    if (values.textId !== null) await assertTextOfLaw(tx, owner.id, values.textId);
    await assertStored(
      tx,
      values.files.map((file) => file.sha256),
    );
    const [last] = await tx
      .select({ position: sql<number>`coalesce(max(${attachments.position}), -1)`.mapWith(Number) })
      .from(attachments)
      .where(eq(ownerColumn(owner), owner.id));
    const inserted = await tx
      .insert(attachments)
      .values(
        values.files.map((file, index) => ({
          lawId: owner.type === "law" ? owner.id : null,
          articleId: owner.type === "article" ? owner.id : null,
          sourceId: owner.type === "source" ? owner.id : null,
          lawTextId: values.textId,
          sha256: file.sha256,
          role: file.role,
          name: file.name,
          capturedOn: file.capturedOn,
          // A source's files are kept for editors: sources have no publication to carry them.
          internal: owner.type === "source" || file.internal,
          position: (last?.position ?? -1) + 1 + index,
          createdById: actor.id,
        })),
      )
      .returning({ id: attachments.id });
    await closeOwner(
      tx,
      ctx,
      actor,
      owner,
      row,
      "attachment.add",
      values.files.map((file, index) => ({
        id: inserted[index]?.id,
        sha256: file.sha256,
        name: file.name,
        role: file.role,
      })),
    );
    return { ids: inserted.map((r) => r.id) };
  });
}

async function assertTextOfLaw(tx: Tx, lawId: number, textId: number) {
  const [text] = await tx
    .select({ id: lawTextVersions.id })
    .from(lawTextVersions)
    .where(and(eq(lawTextVersions.id, textId), eq(lawTextVersions.lawId, lawId)));
  if (!text) throw new ValidationError({ textId: ["This text version is no longer part of the law."] });
}

async function assertStored(tx: Tx, hashes: string[]) {
  const found = await tx
    .select({ sha256: storedFiles.sha256 })
    .from(storedFiles)
    .where(inArray(storedFiles.sha256, hashes));
  const known = new Set(found.map((f) => f.sha256));
  const errors: Record<string, string[]> = {};
  hashes.forEach((hash, index) => {
    if (!known.has(hash)) errors[`files.${index}.sha256`] = ["This file was not uploaded. Upload it again."];
  });
  if (Object.keys(errors).length) throw new ValidationError(errors);
}
