"use client";

import { AutosaveHint, UnsavedChangesGuard } from "@/components/admin/unsaved-changes";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useState } from "react";
import { submitWithoutReset } from "@/components/admin/submit-without-reset";
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { toIsoPartial } from "@/lib/partial-date";
import { articleKindOptions } from "@/modules/articles/labels";
import type { ArticleDetail } from "@/modules/articles/read";
import { saveArticleAction, type ArticleFormState } from "./actions";
import { JurisdictionCheckboxes } from "./jurisdiction-checkboxes";
import { AttributionPickers, errorsAt, SubjectPickers } from "./link-pickers";
import { BaseRevisionInput } from "@/components/admin/base-revision";
import { ConflictNotice, useSaveConflict } from "@/components/admin/conflict-notice";

/** Creates or edits an article with its full attribution. A failed save keeps everything typed. */
export function ArticleForm({
  article,
  jurisdictions,
  canCreateTopics,
}: {
  article?: ArticleDetail;
  jurisdictions: { code: string; name: string }[];
  canCreateTopics: boolean;
}) {
  const [state, dispatch, pending] = useActionState<ArticleFormState, FormData>(saveArticleAction, null);
  const router = useRouter();
  const [kind, setKind] = useState<string>(article?.kind ?? "news");
  const createdId = !article && state?.ok ? state.data.id : null;
  useEffect(() => {
    if (createdId) router.push(`/admin/articles/${createdId}`);
  }, [createdId, router]);

  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const { conflict, keepMine, keepMineNow } = useSaveConflict(state);
  return (
    <form action={dispatch} onSubmit={submitWithoutReset(dispatch)} className="max-w-3xl space-y-6" noValidate>
      <UnsavedChangesGuard saved={state?.ok ? state : null} autosave={Boolean(article)} />
      {article && <input type="hidden" name="articleId" value={article.id} />}
      <BaseRevisionInput override={keepMine} />

      <div className="grid gap-4 sm:grid-cols-[1fr_10rem]">
        <SelectField
          label="Kind"
          name="kind"
          options={articleKindOptions}
          value={kind}
          onChange={(e) => setKind(e.target.value)}
          errors={errors.kind}
        />
        <TextField
          label="Language"
          name="lang"
          hint="ky, ru, en, uz-Latn…"
          defaultValue={article?.lang ?? "en"}
          errors={errors.lang}
        />
      </div>
      {kind === "opinion" && (
        <Notice>
          This piece will be labelled <strong>opinion</strong> wherever it is shown: it argues a view of its own, which
          the archive records but does not endorse.
        </Notice>
      )}

      <TextField label="Title" name="title" defaultValue={article?.title} errors={errors.title} required />

      <AttributionPickers article={article} errors={errors} />

      <div className="grid gap-4 sm:grid-cols-[12rem_1fr]">
        <TextField
          label="Original date"
          name="originalDate"
          placeholder="2024-12"
          hint="A year (2023), a month (2023-01) or a day (2023-01-15); ~ in front if approximate; empty if unknown."
          defaultValue={article?.originalDate ? toIsoPartial(article.originalDate) : ""}
          errors={errors.originalDate}
        />
        <TextField
          label="Original address (optional)"
          name="originalUrl"
          type="url"
          inputMode="url"
          placeholder="https://…"
          hint="Where the piece was first published."
          defaultValue={article?.originalUrl}
          errors={errors.originalUrl}
        />
      </div>

      <SubjectPickers
        article={article}
        errors={errors}
        canCreateTopics={canCreateTopics}
        jurisdictions={jurisdictions}
      />

      <JurisdictionCheckboxes
        options={jurisdictions}
        checked={article?.jurisdictions.map((j) => j.code) ?? []}
        errors={errorsAt(errors, "jurisdictionCodes")}
      />

      <TextAreaField
        label="Body"
        name="body"
        hint="Markdown. Quote third-party text only in short excerpts, with its source; summarise in our own words."
        rows={16}
        defaultValue={article?.body}
        errors={errors.body}
      />

      {article && (
        <TextField
          label="Address (slug)"
          name="slug"
          hint={`/articles/${article.slug}. If you change it, the old address redirects.`}
          defaultValue={article.slug}
          errors={errors.slug}
        />
      )}

      {/* Beside the button that was pressed: on a long form the top is out of sight. */}
      {state?.ok && article && <Notice tone="success">Saved.</Notice>}
      {state && !state.ok && conflict && article ? (
        <ConflictNotice
          conflict={conflict}
          message={state.message}
          historyHref={`/admin/history/article/${article.id}`}
          chosen={keepMine === conflict.revisionId}
          onKeepMine={keepMineNow}
        />
      ) : (
        state && !state.ok && <Notice tone="error">{state.message}</Notice>
      )}
      {article && <AutosaveHint />}
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : article ? "Save changes" : "Create article"}
      </Button>
    </form>
  );
}
