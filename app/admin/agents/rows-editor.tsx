"use client";

import { useEffect, useId, useRef, useState } from "react";

export type RowField = { key: string; label: string; className?: string; placeholder?: string; type?: string };

/**
 * A list of rows the user adds and removes (an agent's other names, its links). Inputs are named
 * `${name}.${index}.${field}` by their position, so that a server error such as "names.2.name"
 * lands on the row the user sees third. Focus follows the buttons, for keyboard users.
 */
export function RowsEditor({
  name,
  legend,
  hint,
  fields,
  initial,
  errors,
  addLabel,
  rowLabel,
}: {
  name: string;
  legend: string;
  hint?: string;
  fields: RowField[];
  initial: Record<string, string>[];
  errors: Record<string, string[]>;
  addLabel: string;
  rowLabel: string;
}) {
  const id = useId();
  const [rows, setRows] = useState(() => initial.map((values, key) => ({ key, values })));
  const [nextKey, setNextKey] = useState(initial.length);
  const [status, setStatus] = useState("");
  const container = useRef<HTMLFieldSetElement>(null);
  // Where focus goes once the rows have re-rendered: a new row's first input, or the Add button.
  const focusNext = useRef<number | "add" | null>(null);

  useEffect(() => {
    const target = focusNext.current;
    if (target === null) return;
    focusNext.current = null;
    const selector = target === "add" ? "[data-add]" : `[data-row="${target}"] input`;
    container.current?.querySelector<HTMLElement>(selector)?.focus();
  });

  function add() {
    setRows((current) => [...current, { key: nextKey, values: {} }]);
    focusNext.current = nextKey;
    setNextKey((k) => k + 1);
    setStatus(`${rowLabel} ${rows.length + 1} added.`);
  }

  function remove(index: number) {
    const following = rows[index + 1] ?? rows[index - 1];
    setRows((current) => current.filter((_, i) => i !== index));
    focusNext.current = following ? following.key : "add";
    setStatus(`${rowLabel} ${index + 1} removed.`);
  }

  const listError = errors[name];
  return (
    <fieldset ref={container} className="space-y-2" aria-describedby={hint ? `${id}-hint` : undefined}>
      <legend className="text-sm font-semibold text-ink">{legend}</legend>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-muted">
          {hint}
        </p>
      )}
      {rows.length > 0 && (
        <ol className="space-y-2">
          {rows.map((row, index) => (
            <li
              key={row.key}
              data-row={row.key}
              className="flex flex-wrap items-start gap-2 rounded border border-rule bg-surface-muted p-2"
            >
              {fields.map((field) => {
                const fieldErrors = errors[`${name}.${index}.${field.key}`];
                const inputId = `${id}-${row.key}-${field.key}`;
                return (
                  <div key={field.key} className={field.className ?? "min-w-40 flex-1"}>
                    <label htmlFor={inputId} className="block text-xs font-semibold text-muted">
                      {field.label} <span className="sr-only">({`${rowLabel.toLowerCase()} ${index + 1}`})</span>
                    </label>
                    <input
                      id={inputId}
                      name={`${name}.${index}.${field.key}`}
                      type={field.type ?? "text"}
                      dir="auto"
                      defaultValue={row.values[field.key] ?? ""}
                      placeholder={field.placeholder}
                      aria-invalid={fieldErrors ? true : undefined}
                      aria-describedby={fieldErrors ? `${inputId}-error` : undefined}
                      className={`mt-0.5 block w-full rounded border bg-surface px-2 py-1.5 text-sm ${
                        fieldErrors ? "border-danger" : "border-rule"
                      }`}
                    />
                    {fieldErrors && (
                      <p id={`${inputId}-error`} className="mt-0.5 text-xs font-medium text-danger">
                        {fieldErrors.join(" ")}
                      </p>
                    )}
                  </div>
                );
              })}
              <button
                type="button"
                onClick={() => remove(index)}
                aria-label={`Remove ${rowLabel.toLowerCase()} ${index + 1}`}
                className="mt-5 rounded px-2 py-1 text-sm text-muted underline hover:text-danger"
              >
                Remove
              </button>
            </li>
          ))}
        </ol>
      )}
      <button
        type="button"
        data-add
        onClick={add}
        className="rounded border border-dashed border-rule px-3 py-1.5 text-sm font-semibold hover:border-ink"
      >
        + {addLabel}
      </button>
      {listError && <p className="text-sm font-medium text-danger">{listError.join(" ")}</p>}
      <p className="sr-only" role="status" aria-live="polite">
        {status}
      </p>
    </fieldset>
  );
}
