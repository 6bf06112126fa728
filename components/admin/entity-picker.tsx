"use client";

import { useCallback, useEffect, useId, useRef, useState } from "react";
import type { ActionResult } from "@/lib/action-result";
import { ChosenOptions } from "./chosen-options";
import { ConfirmTwin, CreatePanel, sameName } from "./picker-panels";

export type PickerOption = { value: string; label: string; hint?: string };
export type CreateField = { name: string; label: string; options: readonly { value: string; label: string }[] };

type Props = {
  label: string;
  name: string;
  multiple?: boolean;
  /** The choices' order matters (a byline): they can be dragged or moved with buttons. */
  ordered?: boolean;
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
  ordered = false,
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
  // The options and the words they answer: a list is only ever shown for what is typed now.
  const [answer, setAnswer] = useState<{ query: string; options: PickerOption[] } | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [status, setStatus] = useState("");
  // The name being created while the extra fields are asked for, or its twin confirmed.
  const [creating, setCreating] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<PickerOption | null>(null);
  // The name whose record is being created on the server now; what went wrong, shown at the field.
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState("");
  const root = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  // Enter pressed before the search for these words answered: their exact match is picked once it does.
  const enterFor = useRef<string | null>(null);

  const pick = useCallback(
    (option: PickerOption) => {
      setSelected((current) =>
        current.some((s) => s.value === option.value) ? current : multiple ? [...current, option] : [option],
      );
      setQuery("");
      setOpen(false);
      setStatus(`${option.label} added.`);
      input.current?.focus();
    },
    [multiple],
  );

  const typed = query.trim();
  const answered = answer !== null && answer.query === typed;
  const options = answered ? answer.options : [];
  const searching = open && !answered;

  useEffect(() => {
    if (!open) return;
    let cancelled = false;
    const words = query.trim();
    const timer = setTimeout(async () => {
      try {
        const found = await search(words);
        if (cancelled) return;
        setAnswer({ query: words, options: found });
        setActive(0);
        setStatus(found.length === 0 ? "No matches." : `${found.length} matches.`);
        if (enterFor.current !== words) return;
        enterFor.current = null;
        const exact = found.find((o) => sameName(o.label, words));
        if (exact) pick(exact);
        else if (found.length > 0) setStatus(`${found.length} matches, none named “${words}”: choose one.`);
      } catch {
        if (!cancelled) setStatus("Search failed. Try again.");
      }
    }, 200);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [query, open, search, pick]);

  // A save while a record is still being created would go without it, and the record would show
  // as chosen after "Saved.": the form waits for it instead.
  useEffect(() => {
    const form = root.current?.closest("form");
    if (!busy || !form) return;
    const hold = (event: SubmitEvent) => {
      event.preventDefault();
      event.stopImmediatePropagation();
      setProblem(`Not saved yet: “${busy}” is still being created. Save again once it shows as chosen.`);
    };
    form.addEventListener("submit", hold, true);
    return () => form.removeEventListener("submit", hold, true);
  }, [busy]);

  const twin = options.find((o) => sameName(o.label, typed));
  const canCreate = Boolean(create) && typed !== "" && answered && busy === null;
  const choices: (PickerOption | "create")[] = [
    ...options.filter((o) => !selected.some((s) => s.value === o.value)),
    ...(canCreate ? (["create"] as const) : []),
  ];
  const listShown = open && choices.length > 0;

  async function choose(choice: PickerOption | "create", confirmed = false) {
    if (choice !== "create") return pick(choice);
    // A record of that name exists: another one with the same name is made only when asked twice.
    if (twin && !confirmed) {
      setConfirming(twin);
      setOpen(false);
      setStatus(
        `${twin.label} is already in the archive: use it, or create another with the same name (buttons follow).`,
      );
      return;
    }
    setConfirming(null);
    if (createFields?.length) {
      setCreating(typed);
      setOpen(false);
      return;
    }
    await createRecord(typed, {});
  }

  async function createRecord(text: string, extra: Record<string, string>) {
    if (busy !== null) return;
    setBusy(text);
    setProblem("");
    try {
      const result = await create!(text, extra);
      if (result.ok) {
        setCreating(null);
        setProblem("");
        pick(result.data);
      } else {
        const message = result.fieldErrors ? Object.values(result.fieldErrors).flat().join(" ") : result.message;
        setStatus(message);
        if (!createFields?.length) setProblem(message);
      }
    } catch {
      setProblem(`“${text}” could not be created. Try again.`);
    } finally {
      setBusy(null);
    }
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
      // Enter in the search box picks; it never submits the whole form, nor picks or creates from
      // a list that answers other words than those typed now.
      event.preventDefault();
      if (searching && typed !== "") enterFor.current = typed;
      else if (open && choices[active]) void choose(choices[active]);
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
    <div ref={root} className="relative">
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
        <ChosenOptions id={id} label={label} selected={selected} ordered={ordered} onChange={setSelected} />
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
            setConfirming(null);
            setOpen(true);
          }}
          onClick={() => setOpen(true)}
          // Unless the focus came back meanwhile (Cancel in a panel below returns it at once).
          onBlur={() => setTimeout(() => document.activeElement !== input.current && setOpen(false), 150)}
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
                  {twin ? "Create another" : "Create"} “<strong>{typed}</strong>”
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
      {searching && typed !== "" && (
        <p className="absolute z-20 mt-1 w-full rounded border border-rule bg-surface px-3 py-2 text-sm text-muted shadow-lg in-[dialog]:static in-[dialog]:shadow-none">
          Searching for “{typed}”…
        </p>
      )}
      {confirming && (
        <ConfirmTwin
          existing={confirming}
          onUse={() => {
            setConfirming(null);
            if (!selected.some((s) => s.value === confirming.value)) pick(confirming);
          }}
          onCreate={() => void choose("create", true)}
          onCancel={() => {
            setConfirming(null);
            input.current?.focus();
          }}
        />
      )}
      {creating !== null && createFields && (
        <CreatePanel
          what={creating}
          fields={createFields}
          status={status}
          busy={busy !== null}
          onCreate={(extra) => void createRecord(creating, extra)}
          onCancel={() => {
            setCreating(null);
            input.current?.focus();
          }}
        />
      )}
      <p className="sr-only" role="status" aria-live="polite">
        {busy ? `Creating “${busy}”…` : status}
      </p>
      {problem && (
        <p role="alert" className="mt-1 text-sm font-medium text-danger">
          {problem}
        </p>
      )}
      {errorId && (
        <p id={errorId} className="mt-1 text-sm font-medium text-danger">
          {errors!.join(" ")}
        </p>
      )}
    </div>
  );
}
