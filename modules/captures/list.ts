import "server-only";
import { desc, eq, inArray } from "drizzle-orm";
import { attachments, captures, storedFiles, users } from "@/db/schema";
import type { AttachmentRole } from "@/db/schema/vocabulary";
import { isRecordId } from "@/lib/validation";
import { authorize } from "@/modules/auth/authorize";
import type { Ctx } from "@/modules/auth/context";

export type CapturedFile = { sha256: string; name: string; role: AttachmentRole; mediaType: string; size: number };

export type Capture = {
  id: number;
  requestedUrl: string;
  finalUrl: string | null;
  httpStatus: number | null;
  responseType: string | null;
  fetchedAt: Date;
  error: string | null;
  by: string | null;
  files: CapturedFile[];
};

/** A source's captures, newest first, each with the files it kept; for editors. */
export async function listCaptures(ctx: Ctx, sourceId: number, limit = 50): Promise<Capture[]> {
  authorize(ctx, "admin.access");
  if (!isRecordId(sourceId)) return [];
  const rows = await ctx.db
    .select({
      id: captures.id,
      requestedUrl: captures.requestedUrl,
      finalUrl: captures.finalUrl,
      httpStatus: captures.httpStatus,
      responseType: captures.responseType,
      fetchedAt: captures.fetchedAt,
      error: captures.error,
      by: users.name,
    })
    .from(captures)
    .leftJoin(users, eq(users.id, captures.createdById))
    .where(eq(captures.sourceId, sourceId))
    .orderBy(desc(captures.fetchedAt), desc(captures.id))
    .limit(limit);
  if (!rows.length) return [];
  const files = await ctx.db
    .select({
      captureId: attachments.captureId,
      sha256: attachments.sha256,
      name: attachments.name,
      role: attachments.role,
      mediaType: storedFiles.mediaType,
      size: storedFiles.size,
    })
    .from(attachments)
    .innerJoin(storedFiles, eq(storedFiles.sha256, attachments.sha256))
    .where(
      inArray(
        attachments.captureId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(attachments.position);
  return rows.map((row) => ({
    ...row,
    files: files.filter((f) => f.captureId === row.id).map(({ captureId: _, ...file }) => file),
  }));
}
