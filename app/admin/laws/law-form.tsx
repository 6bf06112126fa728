"use client";

import { AutosaveHint, UnsavedChangesGuard } from "@/components/admin/unsaved-changes";
import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { EntityPicker } from "@/components/admin/entity-picker";
import { RepeatableRows } from "@/components/admin/repeatable-rows";
import { submitWithoutReset } from "@/components/admin/submit-without-reset";
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import type { LawDetail } from "@/modules/laws/read";
import { lawStatusOptions, lawTypeOptions } from "@/modules/laws/labels";
import { createSourceInlineAction, searchSourcesAction } from "../sources/actions";
import { createTopicInlineAction, searchTopicsAction } from "../topics/actions";
import { saveLawAction, type LawFormState } from "./actions";
import { BaseRevisionInput } from "@/components/admin/base-revision";
import { ConflictNotice, useSaveConflict } from "@/components/admin/conflict-notice";

type Option = { value: string; label: string };

export function LawForm({
  law,
  jurisdictions,
  canCreateTopics,
}: {
  law?: LawDetail;
  jurisdictions: Option[];
  canCreateTopics: boolean;
}) {
  const [state, dispatch, pending] = useActionState<LawFormState, FormData>(saveLawAction, null);
  const router = useRouter();
  const createdId = !law && state?.ok ? state.data.id : null;
  useEffect(() => {
    if (createdId) router.push(`/admin/laws/${createdId}`);
  }, [createdId, router]);

  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const { conflict, keepMine, keepMineNow } = useSaveConflict(state);
  const preferred = Math.max(0, law?.titles.findIndex((t) => t.preferred) ?? 0);
  return (
    <form action={dispatch} onSubmit={submitWithoutReset(dispatch)} className="max-w-3xl space-y-6" noValidate>
      <UnsavedChangesGuard saved={state?.ok ? state : null} autosave={Boolean(law)} />
      {law && <input type="hidden" name="lawId" value={law.id} />}
      <BaseRevisionInput override={keepMine} />

      <RepeatableRows
        name="titles"
        legend="Titles"
        hint="One per language (ky, ru, en, uz-Latn…). Mark the one the archive shows first."
        fields={[
          { key: "lang", label: "Language", className: "w-24" },
          { key: "title", label: "Title" },
        ]}
        initial={law?.titles.map(({ lang, title }) => ({ lang, title })) ?? [{ lang: "en", title: "" }]}
        errors={errors}
        addLabel="Add a title"
        extra={(index) => (
          <label className="mt-5 flex items-center gap-1 text-sm">
            <input
              type="radio"
              name="preferredTitle"
              value={index}
              defaultChecked={index === preferred}
              aria-label={`Preferred: title in row ${index + 1}`}
              aria-describedby={errors.preferredTitle ? "preferred-title-error" : undefined}
            />{" "}
            Preferred
          </label>
        )}
      />
      {errors.preferredTitle && (
        <p id="preferred-title-error" className="text-sm text-danger">
          {errors.preferredTitle.join(" ")}
        </p>
      )}

      <div className="grid gap-4 sm:grid-cols-3">
        <SelectField
          label="Jurisdiction"
          name="jurisdictionCode"
          options={jurisdictions}
          defaultValue={law?.jurisdictionCode ?? jurisdictions[0]?.value}
          errors={errors.jurisdictionCode}
        />
        <SelectField
          label="Type"
          name="type"
          options={lawTypeOptions}
          defaultValue={law?.type ?? "law"}
          errors={errors.type}
        />
        <SelectField
          label="Status"
          name="status"
          options={lawStatusOptions}
          defaultValue={law?.status ?? "bill"}
          errors={errors.status}
        />
      </div>

      <RepeatableRows
        name="identifiers"
        legend="Official identifiers"
        hint="Registries may number one law differently: give each with its registry."
        fields={[
          { key: "registry", label: "Registry", className: "w-56" },
          { key: "value", label: "Number" },
        ]}
        initial={law?.identifiers ?? []}
        errors={errors}
        addLabel="Add an identifier"
      />

      <TextAreaField
        label="Summary"
        name="summary"
        hint="Markdown. Written by us, neutral, with attribution."
        rows={8}
        defaultValue={law?.summary}
        errors={errors.summary}
      />

      <div className="grid gap-4 sm:grid-cols-2">
        <EntityPicker
          label="Topics"
          name="topicIds"
          multiple
          initial={law?.topics.map((t) => ({ value: String(t.id), label: t.name }))}
          search={searchTopicsAction}
          create={canCreateTopics ? createTopicInlineAction : undefined}
          errors={errors.topicIds}
        />
        <EntityPicker
          label="Sources"
          name="sourceIds"
          multiple
          initial={law?.sources.map((s) => ({ value: String(s.id), label: s.title }))}
          search={searchSourcesAction}
          create={createSourceInlineAction}
          errors={errors.sourceIds}
        />
      </div>

      {law && (
        <TextField
          label="Address (slug)"
          name="slug"
          hint={`/laws/${law.jurisdictionCode.toLowerCase()}/${law.slug}. If you change it, the old address redirects.`}
          defaultValue={law.slug}
          errors={errors.slug}
        />
      )}

      {/* Beside the button that was pressed: on a long form the top is out of sight. */}
      {state?.ok && law && <Notice tone="success">Saved.</Notice>}
      {state && !state.ok && conflict && law ? (
        <ConflictNotice
          conflict={conflict}
          message={state.message}
          historyHref={`/admin/history/law/${law.id}`}
          chosen={keepMine === conflict.revisionId}
          onKeepMine={keepMineNow}
        />
      ) : (
        state && !state.ok && <Notice tone="error">{state.message}</Notice>
      )}
      {law && <AutosaveHint />}
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : law ? "Save changes" : "Create law"}
      </Button>
    </form>
  );
}
