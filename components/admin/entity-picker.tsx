"use client";

import { useEffect, useId, useRef, useState } from "react";
import type { ActionResult } from "@/lib/action-result";

export type PickerOption = { value: string; label: string; hint?: string };
export type CreateField = { name: string; label: string; options: readonly { value: string; label: string }[] };

type Props = {
  label: string;
  name: string;
  multiple?: boolean;
  initial?: PickerOption[];
  search: (query: string) => Promise<PickerOption[]>;
  /** Creates a missing record from what was typed; offered when nothing matches exactly. */
  create?: (label: string, extra: Record<string, string>) => Promise<ActionResult<PickerOption>>;
  /** What a new record needs besides its name (a law's jurisdiction), asked before creating it. */
  createFields?: CreateField[];
  hint?: string;
  errors?: string[];
};

/**
 * Picks linked records (agents, topics, laws, sources) by searching as you type: an ARIA combobox
 * (typing, a click or Down opens the list; arrows move, Enter picks, Escape closes the list and
 * nothing else). Focus alone does not open it, so a dialog that focuses the picker first shows no
 * list over its own buttons. The picks travel as hidden inputs named `name`.
 */
export function EntityPicker({
  label,
  name,
  multiple = false,
  initial = [],
  search,
  create,
  createFields,
  hint,
  errors,
}: Props) {
  const id = useId();
  const [selected, setSelected] = useState<PickerOption[]>(initial);
  const [query, setQuery] = useState("");
  const [options, setOptions] = useState<PickerOption[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [status, setStatus] = useState("");
  // The name being created while the extra fields are asked for.
  const [creating, setCreating] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!open) return;
    let cancelled = false;
    const timer = setTimeout(async () => {
      try {
        const found = await search(query.trim());
        if (cancelled) return;
        setOptions(found);
        setActive(0);
        setStatus(found.length === 0 ? "No matches." : `${found.length} matches.`);
      } catch {
        if (!cancelled) setStatus("Search failed. Try again.");
      }
    }, 200);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [query, open, search]);

  const typed = query.trim();
  const canCreate =
    Boolean(create) && typed !== "" && !options.some((o) => o.label.toLowerCase() === typed.toLowerCase());
  const choices: (PickerOption | "create")[] = [
    ...options.filter((o) => !selected.some((s) => s.value === o.value)),
    ...(canCreate ? (["create"] as const) : []),
  ];
  const listShown = open && choices.length > 0;

  function pick(option: PickerOption) {
    setSelected((current) => (multiple ? [...current, option] : [option]));
    setQuery("");
    setOpen(false);
    setStatus(`${option.label} added.`);
    input.current?.focus();
  }

  async function choose(choice: PickerOption | "create") {
    if (choice !== "create") return pick(choice);
    if (createFields?.length) {
      setCreating(typed);
      setOpen(false);
      return;
    }
    await createRecord(typed, {});
  }

  async function createRecord(text: string, extra: Record<string, string>) {
    const result = await create!(text, extra);
    if (result.ok) {
      setCreating(null);
      pick(result.data);
    } else setStatus(result.fieldErrors ? Object.values(result.fieldErrors).flat().join(" ") : result.message);
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      if (!open) setOpen(true);
      else setActive((a) => Math.min(a + 1, choices.length - 1));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (event.key === "Enter") {
      // Enter in the search box picks; it never submits the whole form.
      event.preventDefault();
      if (open && choices[active]) void choose(choices[active]);
    } else if (event.key === "Escape" && listShown) {
      // The list is what Escape closes; a dialog around the picker stays open for a second Escape.
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
    }
  }

  const listId = `${id}-list`;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const describedBy = [hint ? `${id}-hint` : undefined, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className="relative">
      <label id={`${id}-label`} htmlFor={id} className="block text-sm font-semibold text-ink">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="mt-0.5 text-sm text-muted">
          {hint}
        </p>
      )}
      {selected.map((option) => (
        <input key={option.value} type="hidden" name={name} value={option.value} />
      ))}
      {selected.length > 0 && (
        <ul className="mt-1 flex flex-wrap gap-2" aria-label={`Chosen: ${label}`}>
          {selected.map((option) => (
            <li
              key={option.value}
              className="flex items-center gap-1 rounded-full border border-rule bg-surface-muted py-0.5 pl-3 pr-1 text-sm"
            >
              {option.label}
              <button
                type="button"
                className="rounded-full px-1.5 text-muted hover:text-danger"
                aria-label={`Remove ${option.label}`}
                onClick={() => setSelected((current) => current.filter((s) => s.value !== option.value))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {(multiple || selected.length === 0) && (
        <input
          ref={input}
          id={id}
          role="combobox"
          aria-expanded={listShown}
          aria-controls={open ? listId : undefined}
          aria-autocomplete="list"
          aria-activedescendant={listShown && choices[active] ? `${listId}-${active}` : undefined}
          aria-invalid={errorId ? true : undefined}
          aria-describedby={describedBy}
          autoComplete="off"
          placeholder="Type to search…"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setOpen(true);
          }}
          onClick={() => setOpen(true)}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
          onKeyDown={onKeyDown}
          className={`mt-1 block w-full rounded border bg-surface px-3 py-2 text-base ${errorId ? "border-danger" : "border-rule"}`}
        />
      )}
      {listShown && (
        // Over the form that follows, except in a dialog: there it takes its place in the flow and
        // pushes the dialog's own fields and buttons down (the dialog scrolls) instead of covering them.
        <ul
          id={listId}
          role="listbox"
          aria-labelledby={`${id}-label`}
          className="absolute z-20 mt-1 max-h-72 w-full overflow-auto rounded border border-rule bg-surface shadow-lg in-[dialog]:static in-[dialog]:shadow-none"
        >
          {choices.map((choice, index) => (
            <li
              key={choice === "create" ? "create" : choice.value}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              onMouseDown={(e) => {
                e.preventDefault();
                void choose(choice);
              }}
              className={`cursor-pointer px-3 py-2 text-sm ${index === active ? "bg-surface-strong" : ""}`}
            >
              {choice === "create" ? (
                <span>
                  Create “<strong>{typed}</strong>”
                </span>
              ) : (
                <>
                  <span className="font-semibold">{choice.label}</span>
                  {choice.hint && (
                    <span className="ml-2 text-muted">
                      <span className="sr-only">, </span>
                      {choice.hint}
                    </span>
                  )}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {creating !== null && createFields && (
        <CreatePanel
          what={creating}
          fields={createFields}
          status={status}
          onCreate={(extra) => void createRecord(creating, extra)}
          onCancel={() => {
            setCreating(null);
            input.current?.focus();
          }}
        />
      )}
      <p className="sr-only" role="status" aria-live="polite">
        {status}
      </p>
      {errorId && (
        <p id={errorId} className="mt-1 text-sm font-medium text-danger">
          {errors!.join(" ")}
        </p>
      )}
    </div>
  );
}

/** Asks what a new record needs besides its name. Its selects have no names: they never submit the form. */
function CreatePanel({
  what,
  fields,
  status,
  onCreate,
  onCancel,
}: {
  what: string;
  fields: CreateField[];
  status: string;
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
          onClick={() => onCreate(values)}
          className="rounded bg-accent px-3 py-1 font-semibold text-on-accent"
        >
          Create
        </button>
        <button type="button" onClick={onCancel} className="rounded border border-rule bg-surface px-3 py-1">
          Cancel
        </button>
      </div>
    </div>
  );
}
