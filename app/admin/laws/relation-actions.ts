"use server";

import { refreshLaws } from "./refresh";
import { toActionResult, type ActionResult } from "@/lib/action-result";
import { formValues, one } from "@/lib/form-data";
import { requestId, searchText } from "@/lib/validation";
import { requestContext } from "@/modules/auth/session";
import { searchLawOptions, type LawOption } from "@/modules/laws/options";
import { addLawRelation, removeLawRelation } from "@/modules/laws/relations";

export type RelationFormState = ActionResult | null;

// A relation shows on both laws' pages.
function revalidateLaws(...ids: number[]) {
  refreshLaws(...ids);
}

export async function addRelationAction(_previous: RelationFormState, form: FormData): Promise<RelationFormState> {
  const values = formValues(form);
  const ctx = await requestContext();
  const result = await toActionResult(
    () =>
      addLawRelation(ctx, requestId(one(values, "lawId")), {
        toLawId: one(values, "toLawId"),
        kind: one(values, "kind"),
        note: one(values, "note"),
        baseRevision: one(values, "baseRevision"),
      }),
    "Relation added.",
  );
  if (!result.ok) return result;
  revalidateLaws(result.data.fromLawId, result.data.toLawId);
  return { ok: true, data: undefined, message: result.message };
}

export async function removeRelationAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const ctx = await requestContext();
  const result = await toActionResult(() =>
    removeLawRelation(ctx, requestId(form.get("id")), form.get("baseRevision")),
  );
  if (!result.ok) return result;
  revalidateLaws(result.data.fromLawId, result.data.toLawId);
  return { ok: true, data: undefined };
}

/** For the relation picker: laws by any title, never the law itself; empty when refused. */
export async function searchRelatedLawsAction(q: string, exceptId: number): Promise<LawOption[]> {
  const ctx = await requestContext();
  const result = await toActionResult(() => searchLawOptions(ctx, searchText(q), { exceptId: requestId(exceptId) }));
  return result.ok ? result.data : [];
}
