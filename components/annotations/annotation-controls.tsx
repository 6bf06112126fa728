"use client";

import { useEffect, useId, useRef, useState } from "react";
import { HtmlIsland } from "@/components/ui/html-island";
import type { AnnotationKind } from "@/modules/annotations/labels";

export type AnnotationKindOption = { kind: AnnotationKind; label: string; count: number };

/**
 * The toolbar above an annotated text and the container it acts on. Filtering only sets data
 * attributes on the container; the stylesheet unstyles the highlights and hides the notes, so the
 * server-rendered text is never rewritten. The text itself is an island (its HTML is not in the
 * page's payload), which may arrive after this mounts: the effects wait for it.
 */
export function AnnotationControls({
  kinds,
  className,
  htmlKey,
}: {
  kinds: AnnotationKindOption[];
  className?: string;
  htmlKey: string;
}) {
  const [hiddenKinds, setHiddenKinds] = useState<AnnotationKind[]>([]);
  const [hideAll, setHideAll] = useState(false);
  const [textShown, setTextShown] = useState<string | null>(null);
  const container = useRef<HTMLDivElement>(null);
  const labelId = useId();

  // In the margin the notes are read open; inline they wait closed beneath their paragraph. The
  // stylesheet decides which (by the width of the text's column), so ask it whether blocks float.
  useEffect(() => {
    const root = container.current;
    if (!root || textShown !== htmlKey) return;
    let wide: boolean | undefined;
    const notes = () => root.querySelectorAll<HTMLDetailsElement>("details[data-annotation-note]");
    const check = () => {
      const block = root.querySelector(".annotated-block");
      const now = block ? getComputedStyle(block).float !== "none" : false;
      if (now !== wide && (wide !== undefined || now)) notes().forEach((details) => (details.open = now));
      wide = now;
    };
    const openAll = () => notes().forEach((details) => (details.open = true));
    const observer = new ResizeObserver(check);
    observer.observe(root);
    window.addEventListener("beforeprint", openAll);
    return () => {
      observer.disconnect();
      window.removeEventListener("beforeprint", openAll);
    };
  }, [textShown, htmlKey]);

  // A permalink (#annotation-3) or a note marker (#note-3): show that annotation, its note open,
  // its passage outlined; focusing a marker outlines its passage too.
  useEffect(() => {
    const root = container.current;
    if (!root || textShown !== htmlKey) return;
    const outline = (id: string | null, attribute: "data-targeted" | "data-focused") => {
      root.querySelectorAll(`[${attribute}]`).forEach((el) => el.removeAttribute(attribute));
      if (id) root.querySelectorAll(`mark[data-annotation="${id}"]`).forEach((el) => el.setAttribute(attribute, ""));
    };
    const show = () => {
      const [, target, id] = /^#(annotation|note)-(\d+)$/.exec(window.location.hash) ?? [];
      const note = id ? root.querySelector<HTMLElement>(`#note-${id}`) : null;
      outline(note ? id! : null, "data-targeted");
      if (!note) return;
      setHideAll(false);
      setHiddenKinds((hidden) => hidden.filter((kind) => kind !== note.dataset.kind));
      note.querySelector("details")?.setAttribute("open", "");
      const passage = root.querySelector<HTMLElement>(`#annotation-${id}`);
      if (target === "annotation" && passage) {
        passage.scrollIntoView({ block: "center" });
        passage.focus({ preventScroll: true });
      }
    };
    const focus = (event: FocusEvent) => {
      const ref = event.target instanceof HTMLElement && event.target.closest<HTMLElement>(".annotation-ref");
      outline(event.type === "focusin" && ref ? (ref.dataset.annotation ?? null) : null, "data-focused");
    };
    const frame = requestAnimationFrame(show);
    window.addEventListener("hashchange", show);
    root.addEventListener("focusin", focus);
    root.addEventListener("focusout", focus);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener("hashchange", show);
      root.removeEventListener("focusin", focus);
      root.removeEventListener("focusout", focus);
    };
  }, [textShown, htmlKey]);

  const toggleKind = (kind: AnnotationKind, shown: boolean) =>
    setHiddenKinds((hidden) => (shown ? hidden.filter((k) => k !== kind) : [...hidden, kind]));

  return (
    <>
      <div
        role="group"
        aria-labelledby={labelId}
        className="mb-4 flex max-w-prose flex-wrap items-center gap-x-4 gap-y-2 border-y border-rule py-2 font-sans text-sm print:hidden"
      >
        <span id={labelId} className="font-semibold">
          Annotations:
        </span>
        {kinds.map(({ kind, label, count }) => (
          <label key={kind} className="inline-flex items-center gap-1.5">
            <input
              type="checkbox"
              className="size-4 accent-accent"
              checked={!hiddenKinds.includes(kind)}
              onChange={(event) => toggleKind(kind, event.target.checked)}
            />
            {label} <span className="text-muted">({count})</span>
          </label>
        ))}
        <span aria-hidden="true" className="text-muted">
          ·
        </span>
        <label className="inline-flex items-center gap-1.5">
          <input
            type="checkbox"
            className="size-4 accent-accent"
            checked={hideAll}
            onChange={(event) => setHideAll(event.target.checked)}
          />
          Hide all
        </label>
      </div>
      <HtmlIsland
        htmlKey={htmlKey}
        ref={container}
        onReady={() => setTextShown(htmlKey)}
        className={className}
        data-annotations={hideAll ? "hidden" : "shown"}
        data-hidden-kinds={hiddenKinds.join(" ")}
      />
    </>
  );
}
