"use client";

import { useActionState } from "react";
import { EntityPicker, type PickerOption } from "@/components/admin/entity-picker";
import { submitWithoutReset } from "@/components/admin/submit-without-reset";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { lawEventKindOptions } from "@/modules/laws/labels";
import { createAgentInlineAction, searchAgentsAction } from "../../agents/actions";
import { saveEventAction, type EventFormState } from "../event-actions";
import { SourcedAccounts, type AccountValues } from "@/components/admin/sourced-accounts";
import { createSourceInlineAction, searchSourcesAction } from "../../sources/actions";
import { BaseRevisionInput } from "@/components/admin/base-revision";

export type EventFormValues = {
  id?: number;
  kind: string;
  agent: PickerOption | null;
  note: string;
  accounts: AccountValues[];
};

/** Adds or edits one step of a law's history, with one or more sourced accounts of its date. */
export function EventForm({ lawId, event, onDone }: { lawId: number; event?: EventFormValues; onDone?: () => void }) {
  const [state, dispatch, pending] = useActionState<EventFormState, FormData>(async (previous, form) => {
    const result = await saveEventAction(previous, form);
    if (result?.ok) onDone?.();
    return result;
  }, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};

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
      <SourcedAccounts
        legend="When, according to whom"
        hint="A year (2023), a month (2023-01) or a day (2023-01-15); ~ in front if approximate; empty if unknown. Where sources disagree, add an account for each and mark the one to show first."
        fields={[{ name: "date", label: "Date", placeholder: "2024-12" }]}
        sources={{ search: searchSourcesAction, create: createSourceInlineAction }}
        initial={event?.accounts ?? []}
        errors={errors}
      />
      <TextField label="Note (optional)" name="note" defaultValue={event?.note} errors={errors.note} />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : event?.id ? "Save event" : "Add event"}
      </Button>
    </form>
  );
}
