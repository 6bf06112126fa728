"use server";

import { revalidatePath } from "next/cache";
import type { PickerOption } from "@/components/admin/entity-picker";
import { toActionResult, type ActionResult } from "@/lib/action-result";
import { formValues } from "@/lib/form-data";
import { requestId, searchText } from "@/lib/validation";
import { deleteArticle } from "@/modules/articles/delete";
import { createArticle, updateArticle } from "@/modules/articles/save";
import { requestContext } from "@/modules/auth/session";
import { searchLawOptions } from "@/modules/laws/options";
import { articleInputFrom } from "./form-input";

export type ArticleFormState = ActionResult<{ id: number }> | null;

export async function saveArticleAction(_previous: ArticleFormState, form: FormData): Promise<ArticleFormState> {
  const input = articleInputFrom(formValues(form));
  const id = requestId(form.get("articleId"));
  const ctx = await requestContext();
  const result = await toActionResult(async () => {
    const article = id ? await updateArticle(ctx, id, input) : await createArticle(ctx, input);
    return { id: article.id };
  }, "Saved.");
  if (result.ok) {
    revalidatePath("/admin/articles");
    revalidatePath(`/admin/articles/${result.data.id}`);
  }
  return result;
}

export async function deleteArticleAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const ctx = await requestContext();
  const result = await toActionResult(() => deleteArticle(ctx, requestId(form.get("id"))));
  if (result.ok) revalidatePath("/admin/articles");
  return result;
}

/** For the "laws discussed" picker: laws found by any of their titles. */
export async function searchLawsAction(q: string): Promise<PickerOption[]> {
  const ctx = await requestContext();
  const result = await toActionResult(() => searchLawOptions(ctx, searchText(q), { limit: 20 }));
  return result.ok ? result.data : [];
}
