"use client";

import { useActionState } from "react";
import { BaseRevisionInput } from "@/components/admin/base-revision";
import { submitWithoutReset } from "@/components/admin/submit-without-reset";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { savePeriodAction, type PeriodFormState } from "../period-actions";
import { SourcedAccounts, type AccountValues } from "@/components/admin/sourced-accounts";
import { createSourceInlineAction, searchSourcesAction } from "../../sources/actions";

export type PeriodFormValues = { id?: number; note: string; accounts: AccountValues[] };

/** Adds or edits a span of time the law covers, with one or more sourced accounts of it. */
export function PeriodForm({
  lawId,
  period,
  onDone,
}: {
  lawId: number;
  period?: PeriodFormValues;
  onDone?: () => void;
}) {
  const [state, dispatch, pending] = useActionState<PeriodFormState, FormData>(async (previous, form) => {
    const result = await savePeriodAction(previous, form);
    if (result?.ok) onDone?.();
    return result;
  }, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};

  return (
    <form action={dispatch} onSubmit={submitWithoutReset(dispatch)} className="space-y-4" noValidate>
      <input type="hidden" name="lawId" value={lawId} />
      <BaseRevisionInput />
      {period?.id && <input type="hidden" name="periodId" value={period.id} />}
      <SourcedAccounts
        legend="From when to when, according to whom"
        hint="Each end a year (1917), a month (1986-12) or a day (1986-12-17); ~ in front if approximate. Where sources disagree, add an account for each and mark the one to show first."
        sources={{ search: searchSourcesAction, create: createSourceInlineAction }}
        fields={[
          { name: "start", label: "From", placeholder: "1917" },
          { name: "end", label: "To", placeholder: "1953" },
        ]}
        initial={period?.accounts ?? []}
        errors={errors}
      />
      <TextField
        label="Note (optional)"
        name="note"
        defaultValue={period?.note}
        hint="What the period is, if the law says: “repression decided in these years”."
        errors={errors.note}
      />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : period?.id ? "Save period" : "Add period"}
        </Button>
        {state && !state.ok && <Notice tone="error">{state.message}</Notice>}
      </div>
    </form>
  );
}
