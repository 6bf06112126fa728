"use client";

import { AutosaveHint, UnsavedChangesGuard } from "@/components/admin/unsaved-changes";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { one } from "@/lib/form-data";
import { rows } from "@/lib/form-data";
import { linkFields, nameFields } from "@/modules/agents/form-input";
import { agentKindOptions } from "@/modules/agents/labels";
import type { Agent } from "@/modules/agents/read";
import { saveAgentAction, type AgentFormState } from "./actions";
import { RowsEditor } from "./rows-editor";
import { BaseRevisionInput } from "@/components/admin/base-revision";
import { ConflictNotice, useSaveConflict } from "@/components/admin/conflict-notice";

export function AgentForm({ agent }: { agent?: Agent }) {
  const [state, action, pending] = useActionState<AgentFormState, FormData>(saveAgentAction, null);
  const router = useRouter();
  const created = !agent && state?.ok ? state.data.id : null;
  useEffect(() => {
    if (created) router.push(`/admin/agents/${created}`);
  }, [created, router]);

  // React resets the form after each save; the row editors are rebuilt from what comes back (or,
  // after a success, from the saved agent), so that the reset restores what was typed or saved.
  const [seen, setSeen] = useState(state);
  const [generation, setGeneration] = useState(0);
  if (seen !== state) {
    setSeen(state);
    setGeneration((g) => g + 1);
  }

  const version = `${generation}-${agent?.updatedAt.getTime() ?? 0}`;
  const failed = state && !state.ok ? state : null;
  const { conflict, keepMine, keepMineNow } = useSaveConflict(state);
  const errors = failed?.fieldErrors ?? {};
  const value = (key: "preferredName" | "kind" | "description" | "slug") =>
    one(failed?.values, key) ?? String(agent?.[key] ?? "");
  const names = failed ? rows(failed.values, "names", nameFields) : (agent?.names ?? []);
  const links = failed ? rows(failed.values, "links", linkFields) : (agent?.links ?? []);
  return (
    <form action={action} className="max-w-3xl space-y-6" noValidate>
      <UnsavedChangesGuard saved={state?.ok ? state : null} autosave={Boolean(agent)} />
      {agent && <input type="hidden" name="agentId" value={agent.id} />}
      <BaseRevisionInput override={keepMine} />
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField
          label="Preferred name"
          name="preferredName"
          hint="The name the archive shows, as readers of English would look for it."
          defaultValue={value("preferredName")}
          required
          maxLength={300}
          errors={errors.preferredName}
          className="sm:col-span-2"
        />
        <SelectField
          key={`kind-${version}`}
          label="Kind"
          name="kind"
          options={agentKindOptions}
          defaultValue={value("kind") || "person"}
          errors={errors.kind}
        />
      </div>
      <RowsEditor
        key={`names-${version}`}
        name="names"
        legend="Other names"
        hint="Spellings, transliterations and names in other scripts (Zhaparov, Жапаров). Searching any of them finds this agent. The code says which language or script: ky, ru, ky-Latn."
        fields={[
          { key: "name", label: "Name", className: "min-w-48 flex-[3]" },
          { key: "lang", label: "Language or script code", className: "w-44", placeholder: "ru" },
        ]}
        initial={names}
        errors={errors}
        addLabel="Add a name"
        rowLabel="Name"
      />
      <TextAreaField
        label="Description"
        name="description"
        hint="One or two neutral sentences: who this is, and why they appear in the archive."
        rows={3}
        defaultValue={value("description")}
        errors={errors.description}
      />
      <RowsEditor
        key={`links-${version}`}
        name="links"
        legend="Links"
        hint="Official site, a reference entry. Web addresses only (https://…)."
        fields={[
          { key: "label", label: "Label", className: "min-w-40 flex-1", placeholder: "Official site" },
          { key: "url", label: "Address", type: "url", className: "min-w-56 flex-[2]", placeholder: "https://" },
        ]}
        initial={links}
        errors={errors}
        addLabel="Add a link"
        rowLabel="Link"
      />
      {agent && (
        <TextField
          label="Address (slug)"
          name="slug"
          hint="Part of the public address /agents/…; if you change it, the old address keeps working."
          defaultValue={value("slug")}
          errors={errors.slug}
          className="max-w-md"
        />
      )}
      {/* Beside the button that was pressed: on a long form the top is out of sight. */}
      {state?.ok && agent && <Notice tone="success">Saved.</Notice>}
      {failed && conflict && agent ? (
        <ConflictNotice
          conflict={conflict}
          message={failed.message}
          historyHref={`/admin/history/agent/${agent.id}`}
          chosen={keepMine === conflict.revisionId}
          onKeepMine={keepMineNow}
        />
      ) : (
        failed && <Notice tone="error">{failed.message}</Notice>
      )}
      {agent && <AutosaveHint />}
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : agent ? "Save changes" : "Create agent"}
      </Button>
    </form>
  );
}
