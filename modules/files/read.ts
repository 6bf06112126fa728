import "server-only";
import { eq } from "drizzle-orm";
import { storedFiles } from "@/db/schema";
import { authorize } from "@/modules/auth/authorize";
import type { Ctx } from "@/modules/auth/context";

/** Any stored file, for editors (a draft's document, an internal scan): its type and size, or null. */
export async function storedFileForEditors(
  ctx: Ctx,
  sha256: string,
): Promise<{ mediaType: string; size: number } | null> {
  authorize(ctx, "admin.access");
  const [file] = await ctx.db
    .select({ mediaType: storedFiles.mediaType, size: storedFiles.size })
    .from(storedFiles)
    .where(eq(storedFiles.sha256, sha256));
  return file ?? null;
}
