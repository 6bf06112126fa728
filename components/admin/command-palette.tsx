"use client";

import Link from "next/link";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { findRecordsAction } from "@/app/admin/jump-actions";
import type { FoundRecord, RecordKind } from "@/modules/records/find-by-title";

export type Destination = { label: string; href: string };
type Choice = { label: string; hint: string; href: string };

const kindLabels: Record<RecordKind, string> = {
  law: "Law",
  article: "Article",
  agent: "Agent",
  source: "Source",
  topic: "Topic",
  figure: "Figure",
};

/**
 * Ctrl-K (⌘K on a Mac) anywhere in the admin, or the header's button: type a title and Enter opens
 * the record. Only answers for the words typed now are offered, so Enter never opens a record
 * found for what was typed a moment before. Choices are links, so leaving a form with unsaved
 * changes still asks first.
 */
export function CommandPalette({ pages }: { pages: Destination[] }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  const [query, setQuery] = useState("");
  const [answer, setAnswer] = useState<{ query: string; records: FoundRecord[] } | null>(null);
  const [active, setActive] = useState(0);

  const open = useCallback(() => {
    setQuery("");
    setActive(0);
    dialog.current?.showModal();
    input.current?.focus();
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === "k") {
        event.preventDefault();
        if (!dialog.current?.open) open();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open]);

  const typed = query.trim();
  useEffect(() => {
    if (!typed) return;
    let stale = false;
    const timer = setTimeout(async () => {
      const records = await findRecordsAction(typed);
      if (!stale) setAnswer({ query: typed, records });
    }, 150);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [typed]);

  const searching = typed !== "" && answer?.query !== typed;
  const records = answer?.query === typed ? answer.records : [];
  const lower = typed.toLowerCase();
  const choices: Choice[] = [
    ...records.map((r) => ({
      label: r.label,
      hint: [kindLabels[r.kind], r.hint].filter(Boolean).join(" · "),
      href: r.href,
    })),
    ...pages.filter((p) => p.label.toLowerCase().includes(lower)).map((p) => ({ ...p, hint: "Page" })),
  ];
  const current = Math.min(active, Math.max(0, choices.length - 1));
  const optionId = (index: number) => `${id}-option-${index}`;

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (choices.length === 0) return;
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((current + step + choices.length) % choices.length);
    } else if (event.key === "Enter") {
      event.preventDefault();
      document.getElementById(optionId(current))?.click();
    }
  };

  return (
    <>
      <button
        type="button"
        onClick={open}
        aria-keyshortcuts="Control+K Meta+K"
        className="flex items-center gap-2 whitespace-nowrap rounded border border-rule px-3 py-1 text-sm text-muted hover:border-ink hover:text-ink"
      >
        Jump to…
        <kbd className="hidden rounded border border-rule px-1 font-sans text-xs 2xl:inline">Ctrl K</kbd>
      </button>
      <dialog
        ref={dialog}
        aria-label="Jump to a record"
        className="mx-auto mt-[10vh] w-[min(40rem,calc(100vw-2rem))] rounded-lg border border-rule bg-surface p-0 text-ink shadow-xl backdrop:bg-black/40"
        onClose={() => setQuery("")}
      >
        <label htmlFor={`${id}-input`} className="sr-only">
          Jump to any record or section
        </label>
        <input
          ref={input}
          id={`${id}-input`}
          role="combobox"
          aria-expanded={choices.length > 0}
          aria-controls={`${id}-list`}
          aria-autocomplete="list"
          aria-activedescendant={choices.length > 0 ? optionId(current) : undefined}
          autoComplete="off"
          placeholder="Jump to a law, article, agent, source, topic or page…"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          className="w-full rounded-t-lg border-b border-rule bg-surface px-4 py-3 text-lg focus:outline-none"
        />
        <div id={`${id}-list`} role="listbox" aria-label="Matches" className="max-h-[60vh] overflow-y-auto py-2">
          {choices.map((choice, index) => (
            // A link in the option's role, so that the unsaved-changes guard and the router see its click.
            <Link
              key={`${choice.href}-${index}`}
              id={optionId(index)}
              role="option"
              aria-selected={index === current}
              href={choice.href}
              tabIndex={-1}
              onMouseEnter={() => setActive(index)}
              onClick={() => dialog.current?.close()}
              className={`block px-4 py-2 text-ink no-underline ${index === current ? "bg-surface-muted" : ""}`}
            >
              <span className="font-serif">{choice.label}</span>{" "}
              <span className="text-sm text-muted">{choice.hint}</span>
            </Link>
          ))}
        </div>
        <p aria-live="polite" className="border-t border-rule px-4 py-2 text-xs text-muted">
          {searching
            ? "Searching…"
            : typed && choices.length === 0
              ? `Nothing is called “${typed}”.`
              : "↑ ↓ to choose, Enter to open, Esc to close"}
        </p>
      </dialog>
    </>
  );
}
