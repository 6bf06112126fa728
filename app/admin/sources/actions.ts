"use server";

import { revalidatePath } from "next/cache";
import { toActionResult, type ActionResult } from "@/lib/action-result";
import { formValues, type FormValues } from "@/lib/form-data";
import { requestId, searchText } from "@/lib/validation";
import { requestContext } from "@/modules/auth/session";
import { captureSource, type CaptureResult } from "@/modules/captures/capture";
import { deleteSource } from "@/modules/sources/delete";
import { createSourceInline, searchSourceOptions, type SourceOption } from "@/modules/sources/picker";
import { createSource, updateSource } from "@/modules/sources/save";

export type SourceFormState = (ActionResult<{ id: number }> & { values?: FormValues }) | null;

export async function saveSourceAction(_previous: SourceFormState, form: FormData): Promise<SourceFormState> {
  const values = formValues(form);
  const existing = form.get("existingId");
  const ctx = await requestContext();
  const result = await toActionResult(async () => {
    const saved =
      typeof existing === "string" && existing
        ? await updateSource(ctx, requestId(existing), values)
        : await createSource(ctx, values);
    return { id: saved.id };
  }, "Saved.");
  if (result.ok) revalidatePath("/admin/sources");
  return result.ok ? result : { ...result, values };
}

export async function deleteSourceAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const ctx = await requestContext();
  const result = await toActionResult(() => deleteSource(ctx, requestId(form.get("id"))));
  if (result.ok) revalidatePath("/admin/sources");
  return result;
}

/** For pickers: an empty list when the search is refused, so the picker says "No matches". */
export async function searchSourcesAction(q: string): Promise<SourceOption[]> {
  const ctx = await requestContext();
  const result = await toActionResult(() => searchSourceOptions(ctx, searchText(q), 20));
  return result.ok ? result.data : [];
}

/** A source from a picker: what was typed becomes its title, or its address if it is one. */
export async function createSourceInlineAction(title: string): Promise<ActionResult<SourceOption>> {
  const ctx = await requestContext();
  const typed = String(title ?? "").trim();
  const input = /^https?:\/\/\S+$/i.test(typed) ? { title: typed, url: typed } : { title: typed };
  const result = await toActionResult(() => createSourceInline(ctx, input));
  if (result.ok) revalidatePath("/admin/sources");
  return result;
}

export type CaptureState = ActionResult<CaptureResult> | null;

/** Captures the source's page now; the capture is kept and listed whether it worked or not. */
export async function captureSourceAction(_previous: CaptureState, form: FormData): Promise<CaptureState> {
  const ctx = await requestContext();
  const id = form.get("id");
  const result = await toActionResult(() => captureSource(ctx, requestId(id)));
  if (result.ok) revalidatePath(`/admin/sources/${String(id)}`);
  return result;
}
