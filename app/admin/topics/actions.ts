"use server";

import { revalidatePath } from "next/cache";
import { toActionResult, type ActionResult } from "@/lib/action-result";
import { formValues, type FormValues } from "@/lib/form-data";
import { requestId, searchText } from "@/lib/validation";
import { requestContext } from "@/modules/auth/session";
import { pageCacheCaughtUp } from "@/modules/system/page-cache-sync";
import { deleteTopic } from "@/modules/topics/delete";
import { createTopicInline, searchTopicOptions, type TopicOption } from "@/modules/topics/picker";
import { createTopic, updateTopic } from "@/modules/topics/save";

export type TopicFormState = (ActionResult<{ id: number }> & { values?: FormValues }) | null;

export async function saveTopicAction(_previous: TopicFormState, form: FormData): Promise<TopicFormState> {
  const values = formValues(form);
  const existing = form.get("existingId");
  const ctx = await requestContext();
  const result = await toActionResult(async () => {
    const saved =
      typeof existing === "string" && existing
        ? await updateTopic(ctx, requestId(existing), values)
        : await createTopic(ctx, values);
    return { id: saved.id };
  }, "Saved.");
  if (result.ok) {
    await pageCacheCaughtUp();
    revalidatePath("/admin/topics");
  }
  return result.ok ? result : { ...result, values };
}

export async function deleteTopicAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const ctx = await requestContext();
  const result = await toActionResult(() => deleteTopic(ctx, requestId(form.get("id"))));
  if (result.ok) {
    await pageCacheCaughtUp();
    revalidatePath("/admin/topics");
  }
  return result;
}

/** For pickers: an empty list when the search is refused, so the picker says "No matches". */
export async function searchTopicsAction(q: string): Promise<TopicOption[]> {
  const ctx = await requestContext();
  const result = await toActionResult(() => searchTopicOptions(ctx, searchText(q), 20));
  return result.ok ? result.data : [];
}

export async function createTopicInlineAction(name: string): Promise<ActionResult<TopicOption>> {
  const ctx = await requestContext();
  const result = await toActionResult(() => createTopicInline(ctx, { name }));
  if (result.ok) revalidatePath("/admin/topics");
  return result;
}
