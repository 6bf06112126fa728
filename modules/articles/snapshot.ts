import type { Ctx } from "@/modules/auth/context";
import { getArticle } from "./read";

/** Everything an editor can change about an article, as one revision records it. */
export async function articleSnapshot(ctx: Ctx, id: number) {
  const { id: _id, createdById: _by, createdAt: _created, updatedAt: _updated, ...fields } = await getArticle(ctx, id);
  return fields satisfies Record<string, unknown>;
}

export type ArticleSnapshot = Awaited<ReturnType<typeof articleSnapshot>>;
