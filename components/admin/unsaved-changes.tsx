"use client";

import { useEffect, useRef } from "react";

const question = "This form has changes that are not saved. Leave without saving them?";

/**
 * Put inside a form: leaving the page while the form holds changes not saved asks first, whether
 * by a link in the app, by closing or reloading the tab, or by the browser's back button to another
 * site. `saved` changes on every successful save: what the form holds then is the saved state.
 */
export function UnsavedChangesGuard({ saved }: { saved: unknown }) {
  const marker = useRef<HTMLSpanElement>(null);
  const state = useRef<{ form: HTMLFormElement | null; saved: string }>({ form: null, saved: "" });

  // What the form holds when it opens, and after each save.
  useEffect(() => {
    const form = marker.current?.closest("form") ?? null;
    state.current = { form, saved: form ? contents(form) : "" };
  }, [saved]);

  useEffect(() => {
    const changed = () => state.current.form !== null && contents(state.current.form) !== state.current.saved;
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (!changed()) return;
      event.preventDefault();
      event.returnValue = "";
    };
    // Links inside the app navigate without unloading the page: ask before they go.
    const click = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest?.("a[href]");
      if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey)
        return;
      if (link.getAttribute("target") === "_blank" || !changed()) return;
      if (window.confirm(question)) return;
      event.preventDefault();
      event.stopPropagation();
    };
    window.addEventListener("beforeunload", beforeUnload);
    document.addEventListener("click", click, true);
    return () => {
      window.removeEventListener("beforeunload", beforeUnload);
      document.removeEventListener("click", click, true);
    };
  }, []);

  return <span ref={marker} hidden />;
}

/** Every named field's value, in order: two equal strings mean nothing was changed. */
function contents(form: HTMLFormElement): string {
  const fields = [...new FormData(form)].filter(([name]) => name !== "baseRevision" && !name.startsWith("$ACTION"));
  return JSON.stringify(fields.map(([name, value]) => [name, typeof value === "string" ? value : value.name]));
}
