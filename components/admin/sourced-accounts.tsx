"use client";

import { useState } from "react";
import { EntityPicker, type PickerOption } from "@/components/admin/entity-picker";
import { TextField } from "@/components/ui/field";
import type { ActionResult } from "@/lib/action-result";

/** One source's account (of a date, a span, a value): its fields by name as typed, and its source. */
export type AccountValues = {
  fields: Record<string, string>;
  source: PickerOption | null;
  note?: string;
  preferred: boolean;
};
export type AccountField = {
  name: string;
  label: string;
  placeholder: string;
  inputMode?: React.HTMLAttributes<HTMLInputElement>["inputMode"];
};
/** The source picker's server actions, from app/admin/sources/actions.ts. */
export type SourceActions = {
  search: (query: string) => Promise<PickerOption[]>;
  create: (name: string) => Promise<ActionResult<PickerOption>>;
};

/**
 * What several sources say of one thing (when an event happened, how long a period lasted, what a
 * figure was), one row each where they disagree, the editor marking the one to show first. Posted
 * as accounts.N.<field>, accounts.N.sourceId, accounts.N.note and preferredAccount; accounts.N.keep
 * holds each row at its place, so that errors and the preferred choice stay on the row shown.
 */
export function SourcedAccounts({
  legend,
  hint,
  fields,
  withNote = true,
  initial,
  errors,
  sources,
  rowTestId,
}: {
  legend: string;
  hint: string;
  fields: AccountField[];
  withNote?: boolean;
  initial: AccountValues[];
  errors: Record<string, string[] | undefined>;
  sources: SourceActions;
  rowTestId?: string;
}) {
  const blank: AccountValues = {
    fields: Object.fromEntries(fields.map((f) => [f.name, ""])),
    source: null,
    note: "",
    preferred: false,
  };
  const first = initial.length ? initial : [blank];
  const [accounts, setAccounts] = useState(() => first.map((a, key) => ({ key, ...a })));
  const [nextKey, setNextKey] = useState(first.length);
  const preferred = Math.max(
    0,
    first.findIndex((a) => a.preferred),
  );
  const columns = [...fields.map(() => "8.5rem"), "1fr", ...(withNote ? ["1fr"] : []), "auto"].join(" ");

  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-semibold">{legend}</legend>
      <p className="text-sm text-muted">{hint}</p>
      {accounts.map((account, index) => (
        <div
          key={account.key}
          className="grid gap-2 rounded border border-rule bg-surface-muted p-3 sm:grid-cols-(--columns)"
          style={{ "--columns": columns } as React.CSSProperties}
          data-testid={rowTestId}
        >
          <input type="hidden" name={`accounts.${index}.keep`} value="1" />
          {fields.map((field) => (
            <TextField
              key={field.name}
              label={field.label}
              name={`accounts.${index}.${field.name}`}
              defaultValue={account.fields[field.name]}
              placeholder={field.placeholder}
              inputMode={field.inputMode}
              errors={errors[`accounts.${index}.${field.name}`]}
            />
          ))}
          <EntityPicker
            label="Source"
            name={`accounts.${index}.sourceId`}
            initial={account.source ? [account.source] : []}
            search={sources.search}
            create={sources.create}
            errors={errors[`accounts.${index}.sourceId`]}
          />
          {withNote && <TextField label="Note" name={`accounts.${index}.note`} defaultValue={account.note} />}
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
          setAccounts((list) => [...list, { key: nextKey, ...blank }]);
          setNextKey((k) => k + 1);
        }}
      >
        + Add another source&apos;s account
      </button>
      {errors.accounts && <p className="text-sm font-medium text-danger">{errors.accounts.join(" ")}</p>}
      {errors.preferredAccount && (
        <p className="text-sm font-medium text-danger">{errors.preferredAccount.join(" ")}</p>
      )}
    </fieldset>
  );
}
