"use client";

import { useState } from "react";

/** A generated password, shown once: the admin copies it and hands it over. */
export function OneTimePassword({ password }: { password: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <span className="mt-2 block">
      Their password, shown only now:{" "}
      <code
        data-testid="one-time-password"
        className="rounded bg-surface px-2 py-0.5 font-mono text-base text-ink ring-1 ring-rule"
      >
        {password}
      </code>{" "}
      <button
        type="button"
        className="underline underline-offset-2"
        onClick={() => navigator.clipboard?.writeText(password).then(() => setCopied(true))}
      >
        {copied ? "Copied" : "Copy"}
      </button>
    </span>
  );
}
