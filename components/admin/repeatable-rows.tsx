"use client";

import { useState } from "react";

export type RowField = {
  key: string;
  label: string;
  className?: string;
  inputMode?: "numeric" | "text";
  placeholder?: string;
};

/**
 * A repeatable group of inputs (titles, identifiers): rows can be added and removed, and
 * each field is named `${name}.${index}.${key}` for lib/form-data.ts `rows()` to read back.
 */
export function RepeatableRows({
  name,
  legend,
  hint,
  fields,
  initial,
  errors = {},
  addLabel,
  extra,
}: {
  name: string;
  legend: string;
  hint?: string;
  fields: RowField[];
  initial: Record<string, string>[];
  errors?: Record<string, string[]>;
  addLabel: string;
  extra?: (index: number) => React.ReactNode;
}) {
  const [rows, setRows] = useState(() => initial.map((values, i) => ({ key: i, values })));
  const [nextKey, setNextKey] = useState(initial.length);
  const groupError = errors[name];
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-semibold">{legend}</legend>
      {hint && <p className="text-sm text-muted">{hint}</p>}
      {rows.map((row, index) => (
        <div key={row.key} className="flex flex-wrap items-start gap-2 rounded border border-rule bg-surface-muted p-2">
          {fields.map((field) => {
            const fieldErrors = errors[`${name}.${index}.${field.key}`];
            const id = `${name}-${row.key}-${field.key}`;
            return (
              <div key={field.key} className={field.className ?? "flex-1"}>
                <label htmlFor={id} className="block text-xs font-semibold text-muted">
                  {field.label}
                </label>
                <input
                  id={id}
                  // Every row has the same visible labels: the row number tells a screen reader which is which.
                  aria-label={`${field.label}, row ${index + 1} of ${legend}`}
                  name={`${name}.${index}.${field.key}`}
                  defaultValue={row.values[field.key] ?? ""}
                  inputMode={field.inputMode}
                  placeholder={field.placeholder}
                  aria-invalid={fieldErrors ? true : undefined}
                  aria-describedby={fieldErrors ? `${id}-error` : undefined}
                  className={`mt-0.5 block w-full rounded border bg-surface px-2 py-1.5 text-sm ${fieldErrors ? "border-danger" : "border-rule"}`}
                />
                {fieldErrors && (
                  <p id={`${id}-error`} className="mt-0.5 text-xs font-medium text-danger">
                    {fieldErrors.join(" ")}
                  </p>
                )}
              </div>
            );
          })}
          {extra?.(index)}
          <button
            type="button"
            onClick={() => setRows((current) => current.filter((r) => r.key !== row.key))}
            className="mt-5 rounded px-2 py-1 text-sm text-muted underline hover:text-danger"
            aria-label={`Remove row ${index + 1} of ${legend}`}
          >
            Remove
          </button>
        </div>
      ))}
      <button
        type="button"
        onClick={() => {
          setRows((current) => [...current, { key: nextKey, values: {} }]);
          setNextKey((k) => k + 1);
        }}
        className="rounded border border-dashed border-rule px-3 py-1.5 text-sm font-semibold hover:border-ink"
      >
        + {addLabel}
      </button>
      {groupError && <p className="text-sm font-medium text-danger">{groupError.join(" ")}</p>}
    </fieldset>
  );
}
