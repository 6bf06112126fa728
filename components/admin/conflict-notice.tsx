"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import type { ActionResult, SaveConflict } from "@/lib/action-result";

/**
 * Shown when a save was refused because someone saved first. The form keeps the user's text; they
 * can compare with the newer version (in a new tab) and then choose to save theirs over it.
 */
export function ConflictNotice({
  conflict,
  message,
  historyHref,
  chosen,
  onKeepMine,
}: {
  conflict: SaveConflict;
  message: string;
  historyHref: string;
  chosen: boolean;
  onKeepMine: () => void;
}) {
  return (
    <Notice tone="error" testId="save-conflict">
      <p>{message}</p>
      <p className="mt-2">
        <a href={historyHref} target="_blank" rel="noreferrer">
          Compare with their revision {conflict.number} (opens in a new tab)
        </a>
      </p>
      {chosen ? (
        <p className="mt-2 font-semibold">Your next save will replace their version with yours.</p>
      ) : (
        <Button variant="secondary" className="mt-2 px-3 py-1" onClick={onKeepMine}>
          Keep my version and save over theirs
        </Button>
      )}
    </Notice>
  );
}

/**
 * The conflict a save ran into, and the user's choice to save over it. The choice is forgotten
 * after the next successful save, whose page then carries the new base revision.
 */
export function useSaveConflict(state: ActionResult<unknown> | null) {
  const [keepMine, setKeepMine] = useState<number | null>(null);
  const [seen, setSeen] = useState(state);
  if (state !== seen) {
    setSeen(state);
    if (state?.ok) setKeepMine(null);
  }
  const conflict = state && !state.ok ? state.conflict : undefined;
  return { conflict, keepMine, keepMineNow: () => conflict && setKeepMine(conflict.revisionId) };
}
