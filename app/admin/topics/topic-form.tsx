"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { one } from "@/lib/form-data";
import type { Topic } from "@/modules/topics/read";
import { saveTopicAction, type TopicFormState } from "./actions";

type ParentOption = { value: string; label: string; depth: number };

export function TopicForm({ topic, parents }: { topic?: Topic; parents: ParentOption[] }) {
  const [state, action, pending] = useActionState<TopicFormState, FormData>(saveTopicAction, null);
  const router = useRouter();
  const created = !topic && state?.ok ? state.data.id : null;
  useEffect(() => {
    if (created) router.push(`/admin/topics/${created}`);
  }, [created, router]);

  const failed = state && !state.ok ? state : null;
  const errors = failed?.fieldErrors ?? {};
  const value = (key: keyof Topic) => one(failed?.values, key) ?? String(topic?.[key] ?? "");
  const options = [
    { value: "", label: "None (a top-level topic)" },
    ...parents.map((p) => ({ value: p.value, label: `${"\u00a0\u00a0\u00a0".repeat(p.depth)}${p.label}` })),
  ];
  return (
    <form action={action} className="max-w-2xl space-y-5" noValidate>
      {topic && <input type="hidden" name="existingId" value={topic.id} />}
      <TextField label="Name" name="name" defaultValue={value("name")} required errors={errors.name} />
      {topic && (
        <TextField
          label="Address (slug)"
          name="slug"
          hint="Used in the topic's public address. If you change it, the old address redirects to the new one."
          defaultValue={value("slug")}
          errors={errors.slug}
        />
      )}
      <SelectField
        key={value("parentId")}
        label="Broader topic"
        name="parentId"
        options={options}
        defaultValue={value("parentId")}
        errors={errors.parentId}
      />
      <TextAreaField
        label="Description"
        name="description"
        rows={4}
        hint="One or two neutral sentences on what the topic covers."
        defaultValue={value("description")}
        errors={errors.description}
      />
      {errors._form && <Notice tone="error">{errors._form.join(" ")}</Notice>}
      {/* Beside the button that was pressed: on a long form the top is out of sight. */}
      {state?.ok && topic && <Notice tone="success">Saved.</Notice>}
      {failed && <Notice tone="error">{failed.message}</Notice>}
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : topic ? "Save changes" : "Create topic"}
      </Button>
    </form>
  );
}
