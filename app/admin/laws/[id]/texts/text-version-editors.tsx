"use client";

import { useState } from "react";
import { Notice } from "@/components/ui/notice";
import { loadTextVersionAction, removeTextVersionAction, type TextVersionFormValues } from "../../text-actions";
import { ConfirmRemove } from "./confirm-remove";
import { TextVersionForm } from "./text-version-form";

export function NewTextVersion({ lawId }: { lawId: number }) {
  // A new key after each addition gives an empty form for the next version.
  const [round, setRound] = useState(0);
  return (
    <details className="rounded-lg border border-dashed border-rule bg-surface p-4">
      <summary className="cursor-pointer font-semibold">Add a text version</summary>
      <div className="mt-4 space-y-4">
        {round > 0 && <Notice tone="success">Text version added.</Notice>}
        <TextVersionForm key={round} lawId={lawId} onSaved={() => setRound((r) => r + 1)} />
      </div>
    </details>
  );
}

/**
 * Edits a version in place. Its body (up to two million characters) is fetched when the editor
 * opens, so the law's page does not carry every text in full.
 */
export function EditTextVersion({ lawId, versionId, name }: { lawId: number; versionId: number; name: string }) {
  const [version, setVersion] = useState<TextVersionFormValues | null>(null);
  const [status, setStatus] = useState<"idle" | "loading" | "failed">("idle");
  const [message, setMessage] = useState("");

  async function load() {
    setStatus("loading");
    const result = await loadTextVersionAction(versionId).catch(() => null);
    if (result?.ok) {
      setVersion(result.data);
      setStatus("idle");
    } else {
      setMessage(result?.message ?? "The text could not be loaded.");
      setStatus("failed");
    }
  }

  return (
    <details
      className="w-full"
      onToggle={(event) => {
        if (event.currentTarget.open && !version && status !== "loading") void load();
      }}
    >
      <summary className="inline-block cursor-pointer rounded border border-rule bg-surface px-3 py-1 text-sm font-semibold hover:border-ink">
        Edit<span className="sr-only"> {name}</span>
      </summary>
      <div className="mt-4">
        {version ? (
          <TextVersionForm lawId={lawId} version={version} />
        ) : status === "failed" ? (
          <Notice tone="error">
            {message}{" "}
            <button type="button" className="underline" onClick={() => void load()}>
              Try again
            </button>
          </Notice>
        ) : (
          <p role="status" className="text-sm text-muted">
            Loading the text…
          </p>
        )}
      </div>
    </details>
  );
}

export function RemoveTextVersion({ id, name, returnFocusTo }: { id: number; name: string; returnFocusTo: string }) {
  return (
    <ConfirmRemove
      action={removeTextVersionAction}
      fields={{ id }}
      name={name}
      title="Remove this text version?"
      returnFocusTo={returnFocusTo}
    >
      <p>The {name} is removed from this law. This cannot be undone.</p>
    </ConfirmRemove>
  );
}
