"use client";

import { useActionState, useCallback, useState } from "react";
import { EntityPicker } from "@/components/admin/entity-picker";
import { lawCreateFields } from "@/components/admin/law-create-fields";
import { submitWithoutReset } from "@/components/admin/submit-without-reset";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { lawRelationOptions } from "@/modules/laws/labels";
import {
  addRelationAction,
  removeRelationAction,
  searchRelatedLawsAction,
  type RelationFormState,
} from "../../relation-actions";
import { createLawInlineAction } from "../../actions";
import { ConfirmRemove } from "../texts/confirm-remove";
import { BaseRevisionInput } from "@/components/admin/base-revision";

type Jurisdiction = { value: string; label: string };

export function NewRelation({ lawId, jurisdictions }: { lawId: number; jurisdictions: Jurisdiction[] }) {
  // A new key after each addition clears the form, the picked law included.
  const [round, setRound] = useState(0);
  return (
    <details className="rounded-lg border border-dashed border-rule bg-surface p-4">
      <summary className="cursor-pointer font-semibold">Add a relation</summary>
      <div className="mt-4 space-y-4">
        {round > 0 && <Notice tone="success">Relation added.</Notice>}
        <RelationForm key={round} lawId={lawId} jurisdictions={jurisdictions} onSaved={() => setRound((r) => r + 1)} />
      </div>
    </details>
  );
}

function RelationForm({
  lawId,
  jurisdictions,
  onSaved,
}: {
  lawId: number;
  jurisdictions: Jurisdiction[];
  onSaved: () => void;
}) {
  const [state, dispatch, pending] = useActionState<RelationFormState, FormData>(async (previous, form) => {
    const result = await addRelationAction(previous, form).catch((): RelationFormState => ({
      ok: false,
      code: "network",
      message: "The relation could not be sent. Try again.",
    }));
    if (result?.ok) onSaved();
    return result;
  }, null);
  const search = useCallback((q: string) => searchRelatedLawsAction(q, lawId), [lawId]);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={dispatch} onSubmit={submitWithoutReset(dispatch)} className="space-y-4" noValidate>
      {state && !state.ok && <Notice tone="error">{state.message}</Notice>}
      <input type="hidden" name="lawId" value={lawId} />
      <BaseRevisionInput />
      <div className="grid gap-4 sm:grid-cols-[14rem_1fr]">
        <SelectField
          label="This law…"
          name="kind"
          options={lawRelationOptions}
          defaultValue="amends"
          errors={errors.kind}
        />
        <EntityPicker
          label="…the other law"
          name="toLawId"
          hint="Search by any of its titles."
          search={search}
          create={createLawInlineAction}
          createFields={lawCreateFields(jurisdictions)}
          errors={errors.toLawId}
        />
      </div>
      <TextField
        label="Note (optional)"
        name="note"
        hint="For instance which articles it amends."
        autoComplete="off"
        errors={errors.note}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Adding…" : "Add relation"}
      </Button>
    </form>
  );
}

export function RemoveRelation({ id, name, returnFocusTo }: { id: number; name: string; returnFocusTo: string }) {
  return (
    <ConfirmRemove
      action={removeRelationAction}
      fields={{ id }}
      name={name}
      title="Remove this relation?"
      returnFocusTo={returnFocusTo}
    >
      <p>“{name}” is removed from both laws. The laws themselves stay as they are.</p>
    </ConfirmRemove>
  );
}
