"use client";

import { useActionState } from "react";
import { updateAttachmentAction } from "@/app/admin/attachments/actions";
import { BaseRevisionInput } from "@/components/admin/base-revision";
import { submitWithoutReset } from "@/components/admin/submit-without-reset";
import { Button } from "@/components/ui/button";
import { CheckboxField, SelectField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { attachmentRoles, type AttachmentRole } from "@/db/schema/vocabulary";
import type { ActionResult } from "@/lib/action-result";
import { attachmentRoleLabels } from "@/modules/attachments/labels";

const roleOptions = attachmentRoles.map((role) => ({ value: role, label: attachmentRoleLabels[role] }));

/** Changes what the archive says about an attached file; the bytes themselves never change. */
export function AttachmentEditor({
  file,
  canBeInternal = true,
}: {
  file: { id: number; name: string; role: AttachmentRole; capturedOn: string | null; internal: boolean };
  /** A source's files are always internal: nothing publishes them. */
  canBeInternal?: boolean;
}) {
  const [state, dispatch, pending] = useActionState<ActionResult | null, FormData>(
    (previous, form) =>
      updateAttachmentAction(previous, form).catch((): ActionResult => ({
        ok: false,
        code: "network",
        message: "The change could not be sent. Try again.",
      })),
    null,
  );
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <details className="w-full">
      <summary className="inline-block cursor-pointer rounded border border-rule bg-surface px-3 py-1 text-sm font-semibold hover:border-ink">
        Edit<span className="sr-only"> {file.name}</span>
      </summary>
      <form action={dispatch} onSubmit={submitWithoutReset(dispatch)} noValidate className="mt-4 space-y-3">
        <input type="hidden" name="id" value={file.id} />
        <BaseRevisionInput />
        {state?.ok && <Notice tone="success">{state.message}</Notice>}
        {state && !state.ok && !state.fieldErrors && <Notice tone="error">{state.message}</Notice>}
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField label="Name" name="name" defaultValue={file.name} errors={errors.name} required />
          <SelectField
            label="What it is"
            name="role"
            options={roleOptions}
            defaultValue={file.role}
            errors={errors.role}
          />
          <TextField
            label="Captured on"
            name="capturedOn"
            type="date"
            defaultValue={file.capturedOn ?? ""}
            errors={errors.capturedOn}
          />
          {canBeInternal && (
            <div className="self-end">
              <CheckboxField
                label="Internal"
                name="internal"
                defaultChecked={file.internal}
                hint="Only editors see an internal file."
              />
            </div>
          )}
        </div>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save"}
        </Button>
      </form>
    </details>
  );
}
