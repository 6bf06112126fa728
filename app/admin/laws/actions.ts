"use server";

import { refreshLaws } from "./refresh";
import { toActionResult, type ActionResult } from "@/lib/action-result";
import { formValues } from "@/lib/form-data";
import { requestId } from "@/lib/validation";
import { requestContext } from "@/modules/auth/session";
import { createLawInline } from "@/modules/laws/create-inline";
import { deleteLaw } from "@/modules/laws/delete";
import { createLaw, updateLaw } from "@/modules/laws/save";
import { lawInputFrom } from "./form-input";

export type LawFormState = ActionResult<{ id: number }> | null;

export async function saveLawAction(_previous: LawFormState, form: FormData): Promise<LawFormState> {
  const input = lawInputFrom(formValues(form));
  const id = requestId(form.get("lawId"));
  const ctx = await requestContext();
  const result = await toActionResult(async () => {
    const law = id ? await updateLaw(ctx, id, input) : await createLaw(ctx, input);
    return { id: law.id };
  }, "Saved.");
  if (result.ok) refreshLaws(result.data.id);
  return result;
}

export async function deleteLawAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const ctx = await requestContext();
  const result = await toActionResult(() => deleteLaw(ctx, requestId(form.get("id"))));
  if (result.ok) refreshLaws();
  return result;
}

/** A law created from a picker, with the jurisdiction and status the picker asked for. */
export async function createLawInlineAction(title: string, extra: Record<string, string>) {
  const ctx = await requestContext();
  const result = await toActionResult(() => createLawInline(ctx, { title, ...extra }));
  if (result.ok) refreshLaws();
  return result;
}
