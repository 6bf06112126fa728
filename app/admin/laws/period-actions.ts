"use server";

import { refreshLaws } from "./refresh";
import { toActionResult, type ActionResult } from "@/lib/action-result";
import { formValues, one, rows } from "@/lib/form-data";
import { requestId } from "@/lib/validation";
import { requestContext } from "@/modules/auth/session";
import { addPeriod, removePeriod, updatePeriod } from "@/modules/laws/periods";

export type PeriodFormState = ActionResult<void> | null;

export async function savePeriodAction(_previous: PeriodFormState, form: FormData): Promise<PeriodFormState> {
  const values = formValues(form);
  const input = {
    note: one(values, "note"),
    accounts: rows(values, "accounts", ["start", "end", "sourceId", "note"]),
    preferredAccount: one(values, "preferredAccount"),
    baseRevision: one(values, "baseRevision"),
  };
  const lawId = requestId(one(values, "lawId"));
  const periodId = requestId(one(values, "periodId"));
  const ctx = await requestContext();
  const result = await toActionResult(async () => {
    if (periodId) await updatePeriod(ctx, periodId, input);
    else await addPeriod(ctx, lawId, input);
  }, "Saved.");
  if (result.ok) refreshLaws(lawId);
  return result;
}

export async function removePeriodAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const ctx = await requestContext();
  const result = await toActionResult(() => removePeriod(ctx, requestId(form.get("id")), form.get("baseRevision")));
  if (result.ok) refreshLaws(String(form.get("lawId")));
  return result;
}
