"use server";

import { refreshLaws } from "./refresh";
import type { PickerOption } from "@/components/admin/entity-picker";
import { toActionResult, type ActionResult } from "@/lib/action-result";
import { formValues, one } from "@/lib/form-data";
import { toIsoPartial } from "@/lib/partial-date";
import { requestId } from "@/lib/validation";
import { requestContext } from "@/modules/auth/session";
import { addLawTextVersion, getLawTextVersion, removeLawTextVersion, updateLawTextVersion } from "@/modules/laws/texts";

export type TextVersionFormState = ActionResult<{ id: number }> | null;

/** A text version as its edit form shows it. */
export type TextVersionFormValues = {
  id: number;
  lang: string;
  official: boolean;
  effectiveDate: string;
  source: PickerOption | null;
  body: string;
};

function inputFrom(form: FormData) {
  const values = formValues(form);
  return {
    lang: one(values, "lang"),
    official: one(values, "official"),
    effectiveDate: one(values, "effectiveDate"),
    sourceId: one(values, "sourceId"),
    body: one(values, "body"),
    baseRevision: one(values, "baseRevision"),
  };
}

function revalidateLaw(lawId: number) {
  refreshLaws(lawId);
}

export async function addTextVersionAction(
  _previous: TextVersionFormState,
  form: FormData,
): Promise<TextVersionFormState> {
  const ctx = await requestContext();
  const result = await toActionResult(
    () => addLawTextVersion(ctx, requestId(form.get("lawId")), inputFrom(form)),
    "Text version added.",
  );
  if (!result.ok) return result;
  revalidateLaw(result.data.lawId);
  return { ...result, data: { id: result.data.id } };
}

export async function updateTextVersionAction(
  _previous: TextVersionFormState,
  form: FormData,
): Promise<TextVersionFormState> {
  const ctx = await requestContext();
  const result = await toActionResult(
    () => updateLawTextVersion(ctx, requestId(form.get("versionId")), inputFrom(form)),
    "Saved.",
  );
  if (!result.ok) return result;
  revalidateLaw(result.data.lawId);
  return { ...result, data: { id: result.data.id } };
}

export async function removeTextVersionAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const ctx = await requestContext();
  const result = await toActionResult(() =>
    removeLawTextVersion(ctx, requestId(form.get("id")), form.get("baseRevision")),
  );
  if (!result.ok) return result;
  revalidateLaw(result.data.lawId);
  return { ok: true, data: undefined };
}

/** The whole body for the edit form, fetched when the editor opens it rather than with the page. */
export async function loadTextVersionAction(id: number): Promise<ActionResult<TextVersionFormValues>> {
  const ctx = await requestContext();
  return toActionResult(async () => {
    const version = await getLawTextVersion(ctx, requestId(id));
    return {
      id: version.id,
      lang: version.lang,
      official: version.official,
      effectiveDate: version.effectiveDate ? toIsoPartial(version.effectiveDate) : "",
      source: version.sourceId ? { value: String(version.sourceId), label: version.sourceTitle ?? "" } : null,
      body: version.body,
    };
  });
}
