"use client";

import { useActionState } from "react";
import { EntityPicker } from "@/components/admin/entity-picker";
import { submitWithoutReset } from "@/components/admin/submit-without-reset";
import { Button } from "@/components/ui/button";
import { CheckboxField, TextAreaField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { createSourceInlineAction, searchSourcesAction } from "../../../sources/actions";
import {
  addTextVersionAction,
  updateTextVersionAction,
  type TextVersionFormState,
  type TextVersionFormValues,
} from "../../text-actions";
import { BaseRevisionInput } from "@/components/admin/base-revision";

const unsent =
  "The text could not be sent: the connection failed, or the text is larger than the server accepts. What you typed is still here.";

/**
 * Adds a text version to a law, or edits one. The form keeps everything typed when the server
 * refuses it; `onSaved` lets the caller start afresh after an addition.
 */
export function TextVersionForm({
  lawId,
  version,
  onSaved,
}: {
  lawId: number;
  version?: TextVersionFormValues;
  onSaved?: () => void;
}) {
  const [state, dispatch, pending] = useActionState<TextVersionFormState, FormData>(async (previous, form) => {
    // A failed request (the connection, or a body over the server's size limit) must not take the
    // form down with what was typed in it.
    const result = await (version ? updateTextVersionAction : addTextVersionAction)(previous, form).catch(
      (): TextVersionFormState => ({ ok: false, code: "network", message: unsent }),
    );
    if (result?.ok) onSaved?.();
    return result;
  }, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={dispatch} onSubmit={submitWithoutReset(dispatch)} className="space-y-4" noValidate>
      <input type="hidden" name="lawId" value={lawId} />
      <BaseRevisionInput />
      {version && <input type="hidden" name="versionId" value={version.id} />}
      <div className="grid gap-4 sm:grid-cols-[10rem_1fr]">
        <TextField
          label="Language"
          name="lang"
          hint="ky, ru, en, uz-Latn…"
          defaultValue={version?.lang ?? ""}
          autoComplete="off"
          spellCheck={false}
          required
          errors={errors.lang}
        />
        <TextField
          label="Effective date"
          name="effectiveDate"
          hint="A year (2024), a month (2024-12) or a day (2024-12-27); put ~ before it if approximate. Empty if unknown."
          defaultValue={version?.effectiveDate ?? ""}
          autoComplete="off"
          errors={errors.effectiveDate}
        />
      </div>
      <CheckboxField
        label="Official text"
        name="official"
        hint="Leave unticked for an unofficial translation."
        defaultChecked={version?.official ?? false}
      />
      <EntityPicker
        label="Source (optional)"
        name="sourceId"
        hint="Where this text was taken from: the official gazette, a registry, a translation's publisher."
        initial={version?.source ? [version.source] : []}
        search={searchSourcesAction}
        create={createSourceInlineAction}
        errors={errors.sourceId}
      />
      <TextAreaField
        label="Text"
        name="body"
        hint="Markdown, with a heading for each article: ## Article 1"
        rows={24}
        defaultValue={version?.body ?? ""}
        spellCheck={false}
        required
        errors={errors.body}
      />
      {/* Beside the button that was pressed: on a long form the top is out of sight. */}
      {state?.ok && version && <Notice tone="success">Saved.</Notice>}
      {state && !state.ok && <Notice tone="error">{state.message}</Notice>}
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : version ? "Save text version" : "Add text version"}
      </Button>
    </form>
  );
}
