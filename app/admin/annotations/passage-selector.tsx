"use client";

import { useEffect, useId, useRef, useState } from "react";
import { describePassage, fromCodePoints } from "@/lib/anchoring/selectors";

/** A passage as the browser selected it: quote, context, and code point positions in the text. */
export type SelectedPassage = { exact: string; prefix: string; suffix: string; start: number; end: number };

/**
 * The selected passage of `container`'s text. The text is every text node of the rendered Markdown
 * in order, as the server counts it (markdownText in lib/markdown.ts); a Range's string is exactly
 * that, so the offset of a point is the length of the range from the container's start to it.
 */
export function passageIn(container: HTMLElement, range: Range): SelectedPassage | null {
  if (!range.intersectsNode(container)) return null;
  const text = container.textContent ?? "";
  const whole = document.createRange();
  whole.selectNodeContents(container);
  const offsetOf = (node: Node, offset: number) => {
    const before = document.createRange();
    before.setStart(container, 0);
    before.setEnd(node, offset);
    return before.toString().length;
  };
  let from =
    range.compareBoundaryPoints(Range.START_TO_START, whole) < 0
      ? 0
      : offsetOf(range.startContainer, range.startOffset);
  let to =
    range.compareBoundaryPoints(Range.END_TO_END, whole) > 0
      ? text.length
      : offsetOf(range.endContainer, range.endOffset);
  // A double click also takes the space after a word: the quote is the words.
  while (from < to && /\s/.test(text[from]!)) from++;
  while (to > from && /\s/.test(text[to - 1]!)) to--;
  if (from >= to) return null;
  const { quote, position } = describePassage(text, from, to);
  return { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix, start: position.start, end: position.end };
}

/** The DOM point at a string index of the container's text. */
function pointAt(container: HTMLElement, index: number): [Node, number] | null {
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  let seen = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = (node as Text).data.length;
    if (index <= seen + length) return [node, index - seen];
    seen += length;
  }
  return null;
}

const moves: Record<string, [direction: "forward" | "backward", granularity: string]> = {
  ArrowLeft: ["backward", "character"],
  ArrowRight: ["forward", "character"],
  ArrowUp: ["backward", "line"],
  ArrowDown: ["forward", "line"],
  Home: ["backward", "lineboundary"],
  End: ["forward", "lineboundary"],
};

const shorten = (s: string, n = 80) => {
  const chars = [...s.replace(/\s+/g, " ")];
  return chars.length > n ? `${chars.slice(0, n).join("")}…` : chars.join("");
};

/**
 * The text an editor annotates. A passage is selected with the mouse, or with the keyboard: the
 * region takes focus, the arrow keys move a cursor through the text and Shift with them selects
 * (Ctrl or Alt moves by words). Passages already annotated are highlighted without touching the
 * text's DOM (CSS Custom Highlights), so the offsets counted here stay those of the server.
 */
export function PassageSelector({
  label,
  highlights,
  onChange,
  children,
}: {
  label: string;
  /** Code point ranges to mark. */
  highlights: { start: number; end: number }[];
  onChange: (passage: SelectedPassage | null) => void;
  children: React.ReactNode;
}) {
  const id = useId();
  const region = useRef<HTMLDivElement>(null);
  const [status, setStatus] = useState("Nothing selected.");

  useEffect(() => {
    const onSelectionChange = () => {
      const container = region.current;
      const selection = document.getSelection();
      if (!container || !selection || selection.rangeCount === 0) return;
      const range = selection.getRangeAt(0);
      // A selection elsewhere (typing in the form) leaves the chosen passage alone.
      if (!container.contains(range.startContainer) && !container.contains(range.endContainer)) return;
      const passage = range.collapsed ? null : passageIn(container, range);
      onChange(passage);
      if (passage) setStatus(`Selected: “${shorten(passage.exact)}” (${[...passage.exact].length} characters).`);
      else {
        const after = range.startContainer.textContent?.slice(range.startOffset) ?? "";
        setStatus(`Cursor before “${shorten(after, 30)}”. Nothing selected.`);
      }
    };
    document.addEventListener("selectionchange", onSelectionChange);
    return () => document.removeEventListener("selectionchange", onSelectionChange);
  }, [onChange]);

  useEffect(() => {
    const container = region.current;
    if (!container || typeof Highlight === "undefined" || !CSS.highlights) return;
    const text = container.textContent ?? "";
    const ranges = highlights.flatMap(({ start, end }) => {
      const from = pointAt(container, fromCodePoints(text, start));
      const to = pointAt(container, fromCodePoints(text, end));
      if (!from || !to) return [];
      const range = new Range();
      range.setStart(...from);
      range.setEnd(...to);
      return [range];
    });
    CSS.highlights.set("annotation-passage", new Highlight(...ranges));
    return () => void CSS.highlights.delete("annotation-passage");
  }, [highlights]);

  function onKeyDown(event: React.KeyboardEvent<HTMLDivElement>) {
    const container = region.current;
    const selection = document.getSelection();
    if (!container || !selection) return;
    if (event.key === "Escape") {
      if (!selection.isCollapsed) selection.collapseToStart();
      return;
    }
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    if (selection.rangeCount === 0 || !container.contains(selection.anchorNode)) {
      const start = pointAt(container, 0);
      if (!start) return;
      selection.collapse(...start);
    }
    const [direction, unit] = move;
    const granularity = (event.ctrlKey || event.altKey) && unit === "character" ? "word" : unit;
    selection.modify(event.shiftKey ? "extend" : "move", direction, granularity);
    const focus = selection.focusNode;
    (focus instanceof Element ? focus : focus?.parentElement)?.scrollIntoView({ block: "nearest" });
  }

  return (
    <div className="space-y-2">
      <p id={`${id}-help`} className="text-sm text-muted">
        Select a passage with the mouse, or focus the text and use the arrow keys to move and Shift with the arrow keys
        to select (Ctrl or Alt for whole words). Then press “Annotate selection”.
      </p>
      <div
        ref={region}
        role="region"
        tabIndex={0}
        aria-label={label}
        aria-describedby={`${id}-help ${id}-status`}
        onKeyDown={onKeyDown}
        data-testid="annotatable-text"
        className="rounded border border-rule bg-surface p-4"
      >
        {children}
      </div>
      <p id={`${id}-status`} role="status" aria-live="polite" className="sr-only">
        {status}
      </p>
    </div>
  );
}
