"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { EntityPicker } from "@/components/admin/entity-picker";
import { submitWithoutReset } from "@/components/admin/submit-without-reset";
import { Button } from "@/components/ui/button";
import { TextAreaField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { one } from "@/lib/form-data";
import type { Source } from "@/modules/sources/read";
import { createAgentInlineAction, searchAgentsAction } from "../agents/actions";
import { saveSourceAction, type SourceFormState } from "./actions";

export function SourceForm({ source, today }: { source?: Source; today: string }) {
  const [state, action, pending] = useActionState<SourceFormState, FormData>(saveSourceAction, null);
  const router = useRouter();
  const created = !source && state?.ok ? state.data.id : null;
  useEffect(() => {
    if (created) router.push(`/admin/sources/${created}`);
  }, [created, router]);

  const failed = state && !state.ok ? state : null;
  const errors = failed?.fieldErrors ?? {};
  const value = (key: keyof Source) => one(failed?.values, key) ?? String(source?.[key] ?? "");
  return (
    <form action={action} onSubmit={submitWithoutReset(action)} className="max-w-2xl space-y-5" noValidate>
      {source && <input type="hidden" name="existingId" value={source.id} />}
      <TextField
        label="Title"
        name="title"
        hint="The title of the page or document, or a short description of it."
        defaultValue={value("title")}
        required
        errors={errors.title}
      />
      <TextField
        label="Address (URL)"
        name="url"
        type="url"
        inputMode="url"
        placeholder="https://"
        defaultValue={value("url")}
        errors={errors.url}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Accessed on"
          name="accessedOn"
          type="date"
          max={today}
          hint="When someone last checked it."
          defaultValue={value("accessedOn")}
          errors={errors.accessedOn}
        />
        <EntityPicker
          label="Publisher"
          name="publisherId"
          initial={
            source?.publisherId && source.publisherName
              ? [{ value: String(source.publisherId), label: source.publisherName }]
              : []
          }
          search={searchAgentsAction}
          create={(name) => createAgentInlineAction(name)}
          errors={errors.publisherId}
        />
      </div>
      <TextField
        label="Archived copy (URL)"
        name="archivedUrl"
        type="url"
        inputMode="url"
        placeholder="https://web.archive.org/…"
        defaultValue={value("archivedUrl")}
        errors={errors.archivedUrl}
      />
      <TextAreaField
        label="Note"
        name="note"
        rows={3}
        hint="For editors: what the source says, whom it credits, anything doubtful."
        defaultValue={value("note")}
        errors={errors.note}
      />
      {/* Beside the button that was pressed: on a long form the top is out of sight. */}
      {state?.ok && source && <Notice tone="success">Saved.</Notice>}
      {failed && <Notice tone="error">{failed.message}</Notice>}
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : source ? "Save changes" : "Create source"}
      </Button>
    </form>
  );
}
