"use client";

import { useRef, useState } from "react";
import type { PickerOption } from "./entity-picker";

/**
 * What a picker has chosen. `ordered` lists them in their order (a byline), reordered by dragging
 * or, from the keyboard, with each row's earlier/later buttons; focus follows the moved row and the
 * new place is announced.
 */
export function ChosenOptions({
  id,
  label,
  selected,
  ordered,
  onChange,
}: {
  id: string;
  label: string;
  selected: PickerOption[];
  ordered: boolean;
  onChange: (next: PickerOption[]) => void;
}) {
  const dragged = useRef<number | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const remove = (option: PickerOption) => onChange(selected.filter((s) => s.value !== option.value));
  const removeButton = (option: PickerOption) => (
    <button
      type="button"
      className="rounded-full px-1.5 text-muted hover:text-danger"
      aria-label={`Remove ${option.label}`}
      onClick={() => remove(option)}
    >
      ×
    </button>
  );

  if (!ordered) {
    return (
      <ul className="mt-1 flex flex-wrap gap-2" aria-label={`Chosen: ${label}`}>
        {selected.map((option) => (
          <li
            key={option.value}
            className="flex items-center gap-1 rounded-full border border-rule bg-surface-muted py-0.5 pl-3 pr-1 text-sm"
          >
            {option.label}
            {removeButton(option)}
          </li>
        ))}
      </ul>
    );
  }

  const buttonId = (value: string, way: "earlier" | "later") => `${id}-${way}-${value}`;
  const move = (from: number, to: number, way?: "earlier" | "later") => {
    if (from === to || to < 0 || to >= selected.length) return;
    const next = [...selected];
    const [option] = next.splice(from, 1);
    next.splice(to, 0, option!);
    onChange(next);
    setAnnouncement(`${option!.label} moved to place ${to + 1} of ${next.length}.`);
    if (!way) return;
    // The same button in the row's new place, or the other one once the row reaches an end.
    const atEnd = way === "earlier" ? to === 0 : to === next.length - 1;
    const other = way === "earlier" ? "later" : "earlier";
    requestAnimationFrame(() => document.getElementById(buttonId(option!.value, atEnd ? other : way))?.focus());
  };
  const arrow = "rounded px-1.5 text-muted hover:text-ink disabled:opacity-30";
  return (
    <>
      <ol className="mt-1 space-y-1" aria-label={`Chosen: ${label}`}>
        {selected.map((option, index) => (
          <li
            key={option.value}
            draggable
            onDragStart={(event) => {
              dragged.current = index;
              event.dataTransfer.effectAllowed = "move";
              event.dataTransfer.setData("text/plain", option.label);
            }}
            onDragOver={(event) => event.preventDefault()}
            onDrop={(event) => {
              event.preventDefault();
              if (dragged.current !== null) move(dragged.current, index);
              dragged.current = null;
            }}
            className="flex cursor-grab items-center gap-2 rounded border border-rule bg-surface-muted py-0.5 pl-2 pr-1 text-sm active:cursor-grabbing"
          >
            <span aria-hidden="true" className="text-muted">
              ⠿
            </span>
            <span className="flex-1">
              <span className="text-muted">{index + 1}.</span> {option.label}
            </span>
            <button
              type="button"
              id={buttonId(option.value, "earlier")}
              className={arrow}
              aria-label={`Move ${option.label} earlier`}
              disabled={index === 0}
              onClick={() => move(index, index - 1, "earlier")}
            >
              ↑
            </button>
            <button
              type="button"
              id={buttonId(option.value, "later")}
              className={arrow}
              aria-label={`Move ${option.label} later`}
              disabled={index === selected.length - 1}
              onClick={() => move(index, index + 1, "later")}
            >
              ↓
            </button>
            {removeButton(option)}
          </li>
        ))}
      </ol>
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </>
  );
}
