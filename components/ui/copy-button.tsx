"use client";

import { useState } from "react";

/** Copies a text to the clipboard and says so, for screen readers too. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  return (
    <span className="flex items-center gap-2 text-sm">
      <span role="status" className="text-muted">
        {state === "copied" ? "Copied." : state === "failed" ? "Select the text and copy it." : ""}
      </span>
      <button
        type="button"
        aria-label={label}
        className="rounded border border-rule px-2 py-0.5 font-semibold hover:border-ink"
        onClick={() =>
          navigator.clipboard.writeText(text).then(
            () => setState("copied"),
            () => setState("failed"),
          )
        }
      >
        Copy
      </button>
    </span>
  );
}
