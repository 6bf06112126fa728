import { attachmentsOf } from "@/modules/attachments/snapshot";
import type { Ctx } from "@/modules/auth/context";
import { getArticle } from "./read";
import { articleSnapshotVersion, type ArticleSnapshot } from "./snapshot-schema";

export type { ArticleSnapshot } from "./snapshot-schema";

/** Everything an editor can change about an article, as one revision records it. */
export async function articleSnapshot(ctx: Ctx, id: number) {
  const { id: _id, createdById: _by, createdAt: _created, updatedAt: _updated, ...fields } = await getArticle(ctx, id);
  const attachments = await attachmentsOf(ctx.db, { type: "article", id });
  return { schemaVersion: articleSnapshotVersion, ...fields, attachments } satisfies ArticleSnapshot;
}
