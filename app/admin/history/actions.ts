"use server";

import { revalidatePath } from "next/cache";
import { toActionResult, type ActionResult } from "@/lib/action-result";
import { requestId } from "@/lib/validation";
import { restoreAgentRevision } from "@/modules/agents/restore";
import { restoreArticleRevision } from "@/modules/articles/restore";
import type { Ctx } from "@/modules/auth/context";
import { requestContext } from "@/modules/auth/session";
import { restoreLawRevision } from "@/modules/laws/restore";

type Restorer = (ctx: Ctx, id: number, number: number, baseRevision: unknown) => Promise<unknown>;

// A Map, not an object: a client-sent type such as "constructor" or "__proto__" must find nothing.
const restorers = new Map<string, { restore: Restorer; adminPath: string }>([
  ["law", { restore: restoreLawRevision, adminPath: "/admin/laws" }],
  ["article", { restore: restoreArticleRevision, adminPath: "/admin/articles" }],
  ["agent", { restore: restoreAgentRevision, adminPath: "/admin/agents" }],
]);

export async function restoreRevisionAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const type = String(form.get("type"));
  const id = requestId(form.get("id"));
  const ctx = await requestContext();
  const restorer = restorers.get(type);
  if (!restorer) return { ok: false, code: "not_found", message: "Nothing to restore here." };
  const result = await toActionResult(async () => {
    await restorer.restore(ctx, id, requestId(form.get("number")), form.get("baseRevision"));
  }, "Restored as a new working revision.");
  if (result.ok) {
    revalidatePath(`${restorer.adminPath}/${id}`);
    revalidatePath(`/admin/history/${type}/${id}`);
  }
  return result;
}
