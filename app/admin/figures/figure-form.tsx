"use client";

import { UnsavedChangesGuard } from "@/components/admin/unsaved-changes";
import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { submitWithoutReset } from "@/components/admin/submit-without-reset";
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { toIsoPartial } from "@/lib/partial-date";
import type { Figure } from "@/modules/figures/read";
import { EntityPicker } from "@/components/admin/entity-picker";
import { SourcedAccounts } from "@/components/admin/sourced-accounts";
import { searchLawsAction } from "../articles/actions";
import { createSourceInlineAction, searchSourcesAction } from "../sources/actions";
import { saveFigureAction, type FigureFormState } from "./actions";

/** Creates or edits a sourced number. A failed save keeps everything typed. */
export function FigureForm({
  figure,
  jurisdictions,
}: {
  figure?: Figure;
  jurisdictions: { code: string; name: string }[];
}) {
  const [state, dispatch, pending] = useActionState<FigureFormState, FormData>(saveFigureAction, null);
  const router = useRouter();
  const createdId = !figure && state?.ok ? state.data.id : null;
  useEffect(() => {
    if (createdId) router.push(`/admin/figures/${createdId}`);
  }, [createdId, router]);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={dispatch} onSubmit={submitWithoutReset(dispatch)} className="max-w-3xl space-y-6" noValidate>
      <UnsavedChangesGuard saved={state?.ok ? state : null} />
      {figure && <input type="hidden" name="figureId" value={figure.id} />}
      <TextField
        label="What is counted"
        name="label"
        hint="For example: people acquitted in Uzbekistan."
        defaultValue={figure?.label}
        errors={errors.label}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label="Jurisdiction (optional)"
          name="jurisdictionCode"
          options={[
            { value: "", label: "None" },
            ...jurisdictions.map((j) => ({ value: j.code, label: `${j.name} (${j.code})` })),
          ]}
          defaultValue={figure?.jurisdictionCode ?? ""}
          errors={errors.jurisdictionCode}
        />
        <TextField
          label="Unit (optional)"
          name="unit"
          hint="people, cases, %…"
          defaultValue={figure?.unit}
          errors={errors.unit}
        />
      </div>
      <SourcedAccounts
        legend="Values, according to whom"
        hint="The number as the source prints it (856, 311,000, 18 000, 12.5 or 2.4 million), and as of when: a year (2023), a month (2023-01) or a day (2023-01-15); ~ in front if approximate; empty if unknown. Where sources disagree, add an account for each and mark the one to show first."
        fields={[
          { name: "value", label: "Value", placeholder: "311,000" },
          { name: "asOf", label: "As of", placeholder: "2024-12" },
        ]}
        withNote={false}
        initial={(figure?.accounts ?? []).map((a) => ({
          fields: { value: a.wording, asOf: a.asOf ? toIsoPartial(a.asOf) : "" },
          source: a.sourceId && a.sourceTitle ? { value: String(a.sourceId), label: a.sourceTitle } : null,
          preferred: a.preferred,
        }))}
        errors={errors}
        sources={{ search: searchSourcesAction, create: createSourceInlineAction }}
        rowTestId="figure-account"
      />
      <EntityPicker
        label="Laws it concerns (optional)"
        name="lawIds"
        multiple
        hint="The figure is shown on their pages once they are published, as well as on its jurisdiction's."
        initial={(figure?.laws ?? []).map((l) => ({ value: String(l.id), label: l.title }))}
        search={searchLawsAction}
        errors={errors.lawIds}
      />
      <TextAreaField
        label="Note (optional)"
        name="note"
        hint="What the number covers and how the sources count it."
        rows={4}
        defaultValue={figure?.note}
        errors={errors.note}
      />
      {/* Beside the button that was pressed: on a long form the top is out of sight. */}
      {state?.ok && figure && <Notice tone="success">Saved.</Notice>}
      {state && !state.ok && <Notice tone="error">{state.message}</Notice>}
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : figure ? "Save changes" : "Create figure"}
      </Button>
    </form>
  );
}
