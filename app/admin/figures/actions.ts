"use server";

import { revalidatePath } from "next/cache";
import { toActionResult, type ActionResult } from "@/lib/action-result";
import { formValues, one } from "@/lib/form-data";
import { requestId } from "@/lib/validation";
import { requestContext } from "@/modules/auth/session";
import { deleteFigure } from "@/modules/figures/delete";
import { approveFigure } from "@/modules/figures/approve";
import { createFigure, updateFigure } from "@/modules/figures/save";
import { pageCacheCaughtUp } from "@/modules/system/page-cache-sync";
import { figureInputFrom } from "./form-input";

export type FigureFormState = ActionResult<{ id: number }> | null;

export async function saveFigureAction(_previous: FigureFormState, form: FormData): Promise<FigureFormState> {
  const values = formValues(form);
  const input = figureInputFrom(values);
  const id = requestId(one(values, "figureId"));
  const ctx = await requestContext();
  const result = await toActionResult(async () => {
    const figure = id ? await updateFigure(ctx, id, input) : await createFigure(ctx, input);
    return { id: figure.id };
  }, "Saved.");
  if (result.ok) {
    // Its jurisdiction's and its laws' pages show it: the editor's next look at them is current.
    await pageCacheCaughtUp();
    revalidatePath("/admin/figures");
    revalidatePath(`/admin/figures/${result.data.id}`);
  }
  return result;
}

export async function deleteFigureAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const ctx = await requestContext();
  const result = await toActionResult(() => deleteFigure(ctx, requestId(form.get("id"))));
  if (result.ok) {
    await pageCacheCaughtUp();
    revalidatePath("/admin/figures");
  }
  return result;
}

/** An editor other than the last to save it shows the figure to readers. */
export async function approveFigureAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const ctx = await requestContext();
  const id = requestId(form.get("id"));
  const result = await toActionResult(() => approveFigure(ctx, id, form.get("seenAt")), "Shown to readers.");
  if (result.ok) {
    await pageCacheCaughtUp();
    revalidatePath(`/admin/figures/${id}`);
    revalidatePath("/admin/figures");
  }
  return result;
}
