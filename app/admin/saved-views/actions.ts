"use server";

import { revalidatePath } from "next/cache";
import { toActionResult, type ActionResult } from "@/lib/action-result";
import { formValues, one } from "@/lib/form-data";
import { requestContext } from "@/modules/auth/session";
import type { SavedView } from "@/modules/saved-views/read";
import { deleteView, saveView } from "@/modules/saved-views/save";

export type SavedViewState = ActionResult<SavedView> | null;

const listPaths: Record<string, string> = { laws: "/admin/laws", articles: "/admin/articles" };

export async function saveViewAction(_previous: SavedViewState, form: FormData): Promise<SavedViewState> {
  const values = formValues(form);
  const ctx = await requestContext();
  return toActionResult(async () => {
    const view = await saveView(ctx, {
      list: one(values, "list"),
      name: one(values, "name"),
      query: one(values, "query") ?? "",
    });
    revalidatePath(listPaths[one(values, "list") ?? ""] ?? "/admin");
    return view;
  }, "View saved.");
}

export async function deleteViewAction(_previous: SavedViewState, form: FormData): Promise<SavedViewState> {
  const values = formValues(form);
  const ctx = await requestContext();
  return toActionResult(async () => {
    const view = await deleteView(ctx, { id: one(values, "id") });
    revalidatePath(listPaths[one(values, "list") ?? ""] ?? "/admin");
    return view;
  }, "View deleted.");
}
