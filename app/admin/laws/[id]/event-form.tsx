"use client";

import { useActionState, useState } from "react";
import { EntityPicker, type PickerOption } from "@/components/admin/entity-picker";
import { submitWithoutReset } from "@/components/admin/submit-without-reset";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { lawEventKindOptions } from "@/modules/laws/labels";
import { createAgentInlineAction, searchAgentsAction } from "../../agents/actions";
import { createSourceInlineAction, searchSourcesAction } from "../../sources/actions";
import { saveEventAction, type EventFormState } from "../event-actions";
import { BaseRevisionInput } from "@/components/admin/base-revision";

export type EventFormValues = {
  id?: number;
  kind: string;
  agent: PickerOption | null;
  note: string;
  accounts: { date: string; source: PickerOption | null; note: string; preferred: boolean }[];
};

const blankAccount = { date: "", source: null, note: "", preferred: false };

/** Adds or edits one step of a law's history, with one or more sourced accounts of its date. */
export function EventForm({ lawId, event, onDone }: { lawId: number; event?: EventFormValues; onDone?: () => void }) {
  const [state, dispatch, pending] = useActionState<EventFormState, FormData>(async (previous, form) => {
    const result = await saveEventAction(previous, form);
    if (result?.ok) onDone?.();
    return result;
  }, null);
  const initial = event?.accounts.length ? event.accounts : [blankAccount];
  const [accounts, setAccounts] = useState(() => initial.map((a, key) => ({ key, ...a })));
  const [nextKey, setNextKey] = useState(initial.length);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const preferred = Math.max(
    0,
    initial.findIndex((a) => a.preferred),
  );

  return (
    <form action={dispatch} onSubmit={submitWithoutReset(dispatch)} className="space-y-4" noValidate>
      {state && !state.ok && <Notice tone="error">{state.message}</Notice>}
      <input type="hidden" name="lawId" value={lawId} />
      <BaseRevisionInput />
      {event?.id && <input type="hidden" name="eventId" value={event.id} />}
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label="What happened"
          name="kind"
          options={lawEventKindOptions}
          defaultValue={event?.kind ?? "adopted"}
          errors={errors.kind}
        />
        <EntityPicker
          label="Acting agent (optional)"
          name="agentId"
          initial={event?.agent ? [event.agent] : []}
          search={searchAgentsAction}
          create={(name) => createAgentInlineAction(name)}
          errors={errors.agentId}
        />
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold">When, according to whom</legend>
        <p className="text-sm text-muted">
          A year (2023), a month (2023-01) or a day (2023-01-15); ~ in front if approximate; empty if unknown. Where
          sources disagree, add an account for each and mark the one to show first.
        </p>
        {accounts.map((account, index) => (
          <div
            key={account.key}
            className="grid gap-2 rounded border border-rule bg-surface-muted p-3 sm:grid-cols-[9rem_1fr_1fr_auto]"
          >
            <TextField
              label="Date"
              name={`accounts.${index}.date`}
              defaultValue={account.date}
              placeholder="2024-12"
              errors={errors[`accounts.${index}.date`]}
            />
            <EntityPicker
              label="Source"
              name={`accounts.${index}.sourceId`}
              initial={account.source ? [account.source] : []}
              search={searchSourcesAction}
              create={createSourceInlineAction}
              errors={errors[`accounts.${index}.sourceId`]}
            />
            <TextField label="Note" name={`accounts.${index}.note`} defaultValue={account.note} />
            <div className="flex flex-col gap-1 pt-6 text-sm">
              <label className="flex items-center gap-1">
                <input type="radio" name="preferredAccount" value={index} defaultChecked={index === preferred} />{" "}
                Preferred
              </label>
              {accounts.length > 1 && (
                <button
                  type="button"
                  className="text-left text-muted underline"
                  onClick={() => setAccounts((list) => list.filter((a) => a.key !== account.key))}
                >
                  Remove account<span className="sr-only"> {index + 1}</span>
                </button>
              )}
            </div>
          </div>
        ))}
        <button
          type="button"
          className="rounded border border-dashed border-rule px-3 py-1.5 text-sm font-semibold hover:border-ink"
          onClick={() => {
            setAccounts((list) => [...list, { key: nextKey, ...blankAccount }]);
            setNextKey((k) => k + 1);
          }}
        >
          + Add another source&apos;s account
        </button>
        {errors.accounts && <p className="text-sm text-danger">{errors.accounts.join(" ")}</p>}
      </fieldset>
      <TextField label="Note (optional)" name="note" defaultValue={event?.note} errors={errors.note} />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : event?.id ? "Save event" : "Add event"}
      </Button>
    </form>
  );
}
