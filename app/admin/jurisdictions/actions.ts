"use server";

import { revalidatePath } from "next/cache";
import { toActionResult, type ActionResult } from "@/lib/action-result";
import { formValues, rows, type FormValues } from "@/lib/form-data";
import { requestContext } from "@/modules/auth/session";
import { pageCacheCaughtUp } from "@/modules/system/page-cache-sync";
import { deleteJurisdiction } from "@/modules/jurisdictions/delete";
import { createJurisdiction, updateJurisdiction } from "@/modules/jurisdictions/save";

export type JurisdictionFormState = (ActionResult<{ code: string }> & { values?: FormValues }) | null;

export async function saveJurisdictionAction(
  _previous: JurisdictionFormState,
  form: FormData,
): Promise<JurisdictionFormState> {
  const values = formValues(form);
  const input = { ...values, otherNames: rows(values, "otherNames", ["name", "lang"]) };
  const existing = form.get("existingCode");
  const ctx = await requestContext();
  const result = await toActionResult(async () => {
    const saved =
      typeof existing === "string" && existing
        ? await updateJurisdiction(ctx, existing, input)
        : await createJurisdiction(ctx, input);
    return { code: saved.code };
  }, "Saved.");
  if (result.ok) {
    await pageCacheCaughtUp();
    revalidatePath("/admin/jurisdictions");
  }
  return result.ok ? result : { ...result, values };
}

export async function deleteJurisdictionAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const ctx = await requestContext();
  const result = await toActionResult(() => deleteJurisdiction(ctx, String(form.get("id") ?? "")));
  if (result.ok) {
    await pageCacheCaughtUp();
    revalidatePath("/admin/jurisdictions");
  }
  return result;
}
