"use client";

import { useId, useState } from "react";
import type { CreateField, PickerOption } from "./entity-picker";

/** Whether two names are the same to a reader: case, width forms and runs of spaces aside. */
export function sameName(a: string, b: string): boolean {
  const plain = (s: string) => s.normalize("NFKC").toLocaleLowerCase().replace(/\s+/g, " ").trim();
  return plain(a) === plain(b);
}

/**
 * Asks before a second record of a name that exists: two people can share a name, but a
 * duplicate source or topic is the usual reason for the second.
 */
export function ConfirmTwin({
  existing,
  onUse,
  onCreate,
  onCancel,
}: {
  existing: PickerOption;
  onUse: () => void;
  onCreate: () => void;
  onCancel: () => void;
}) {
  return (
    <div
      role="group"
      aria-label={`“${existing.label}” exists`}
      className="mt-2 space-y-2 rounded border border-rule bg-surface-muted p-3 text-sm"
    >
      <p>
        <strong>{existing.label}</strong>
        {existing.hint ? ` (${existing.hint})` : ""} is already in the archive. Use it, or create another record with
        the same name?
      </p>
      <div className="flex flex-wrap gap-2">
        <button type="button" onClick={onUse} className="rounded bg-accent px-3 py-1 font-semibold text-on-accent">
          Use the existing one
        </button>
        <button type="button" onClick={onCreate} className="rounded border border-rule bg-surface px-3 py-1">
          Create another
        </button>
        <button type="button" onClick={onCancel} className="rounded border border-rule bg-surface px-3 py-1">
          Cancel
        </button>
      </div>
    </div>
  );
}

/** Asks what a new record needs besides its name. Its selects have no names: they never submit the form. */
export function CreatePanel({
  what,
  fields,
  status,
  busy,
  onCreate,
  onCancel,
}: {
  what: string;
  fields: CreateField[];
  status: string;
  busy: boolean;
  onCreate: (extra: Record<string, string>) => void;
  onCancel: () => void;
}) {
  const [values, setValues] = useState(() =>
    Object.fromEntries(fields.map((f) => [f.name, f.options[0]?.value ?? ""])),
  );
  const id = useId();
  return (
    <div
      role="group"
      aria-label={`New: ${what}`}
      className="mt-2 space-y-2 rounded border border-rule bg-surface-muted p-3 text-sm"
    >
      <p>
        New: <strong>{what}</strong>
      </p>
      {fields.map((field) => (
        <div key={field.name}>
          <label htmlFor={`${id}-${field.name}`} className="block font-semibold">
            {field.label}
          </label>
          <select
            id={`${id}-${field.name}`}
            value={values[field.name]}
            onChange={(e) => setValues((v) => ({ ...v, [field.name]: e.target.value }))}
            className="mt-0.5 rounded border border-rule bg-surface px-2 py-1"
          >
            {field.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      ))}
      {status && <p className="text-danger">{status}</p>}
      <div className="flex gap-2">
        <button
          type="button"
          disabled={busy}
          onClick={() => onCreate(values)}
          className="rounded bg-accent px-3 py-1 font-semibold text-on-accent disabled:opacity-60"
        >
          {busy ? "Creating…" : "Create"}
        </button>
        <button type="button" onClick={onCancel} className="rounded border border-rule bg-surface px-3 py-1">
          Cancel
        </button>
      </div>
    </div>
  );
}
