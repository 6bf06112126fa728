"use client";

import { useCallback, useEffect, useRef } from "react";
import { useAskBeforeLeaving } from "./ask-before-leaving";

/** How long the form must be left alone before it saves itself, and how often it looks. */
export const autosaveAfterMs = 20_000;
const lookEveryMs = 2_000;

/**
 * Put inside a form: leaving the page while the form holds changes not saved asks first, whether
 * by a link in the app, by the browser's Back or Forward, or by closing or reloading the tab
 * (useAskBeforeLeaving). `saved` changes on every successful save: what the form held when it was
 * sent is then the saved state (what was typed while it was saving is not).
 *
 * With `autosave`, a form with changes left alone for 20 seconds saves itself, as a draft like any
 * save: readers see nothing until it is reviewed and published. A save refused (a field's error,
 * a conflict) is not tried again until the form changes.
 */
export function UnsavedChangesGuard({ saved, autosave = false }: { saved: unknown; autosave?: boolean }) {
  const marker = useRef<HTMLSpanElement>(null);
  const state = useRef<{ form: HTMLFormElement | null; saved: string; sent: string | null }>({
    form: null,
    saved: "",
    sent: null,
  });

  // What the form holds when it opens, and what it sent when a save succeeds.
  useEffect(() => {
    const form = marker.current?.closest("form") ?? null;
    const sent = state.current.sent;
    state.current = { form, saved: sent ?? (form ? contents(form) : ""), sent: null };
  }, [saved]);

  useEffect(() => {
    const form = marker.current?.closest("form");
    if (!form) return;
    const submit = () => {
      state.current.sent = contents(form);
    };
    form.addEventListener("submit", submit, true);
    return () => form.removeEventListener("submit", submit, true);
  }, []);

  useEffect(() => {
    if (!autosave) return;
    let seen = "";
    let changedAt = Date.now();
    let tried = "";
    const look = window.setInterval(() => {
      const form = state.current.form;
      if (!form) return;
      const now = contents(form);
      if (now !== seen) {
        seen = now;
        changedAt = Date.now();
        return;
      }
      const settled = Date.now() - changedAt >= autosaveAfterMs;
      if (!settled || now === state.current.saved || now === state.current.sent || now === tried) return;
      tried = now;
      form.requestSubmit();
    }, lookEveryMs);
    return () => window.clearInterval(look);
  }, [autosave]);

  useAskBeforeLeaving(
    useCallback(() => state.current.form !== null && contents(state.current.form) !== state.current.saved, []),
  );

  return <span ref={marker} hidden />;
}

/** Every named field's value, in order: two equal strings mean nothing was changed. */
function contents(form: HTMLFormElement): string {
  const fields = [...new FormData(form)].filter(([name]) => name !== "baseRevision" && !name.startsWith("$ACTION"));
  return JSON.stringify(fields.map(([name, value]) => [name, typeof value === "string" ? value : value.name]));
}

/** Said beside a form's Save button when the form saves itself. */
export function AutosaveHint() {
  return (
    <p className="text-sm text-muted">
      Changes save themselves as a draft after {autosaveAfterMs / 1000} seconds without typing; readers see nothing
      until they are reviewed and published.
    </p>
  );
}
