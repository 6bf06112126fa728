"use server";

import { revalidatePath, updateTag } from "next/cache";
import { toActionResult, type ActionResult } from "@/lib/action-result";
import { restoreAgentRevision } from "@/modules/agents/restore";
import { restoreArticleRevision } from "@/modules/articles/restore";
import { requestContext } from "@/modules/auth/session";
import { restoreLawRevision } from "@/modules/laws/restore";
import { publicCacheTag } from "@/modules/public/clock";

const restorers = { law: restoreLawRevision, article: restoreArticleRevision, agent: restoreAgentRevision };
const itemPaths = { law: "/admin/laws", article: "/admin/articles", agent: "/admin/agents" };

export async function restoreRevisionAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const type = String(form.get("type"));
  const id = Number(form.get("id"));
  const ctx = await requestContext();
  if (!(type in restorers)) return { ok: false, code: "not_found", message: "Nothing to restore here." };
  const kind = type as keyof typeof restorers;
  const result = await toActionResult(async () => {
    await restorers[kind](ctx, id, Number(form.get("number")), form.get("baseRevision"));
  }, "Restored as a new working revision.");
  if (result.ok) {
    revalidatePath(`${itemPaths[kind]}/${id}`);
    revalidatePath(`/admin/history/${kind}/${id}`);
    updateTag(publicCacheTag);
  }
  return result;
}
