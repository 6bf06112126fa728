import { ConflictError } from "@/lib/errors";

/** The working revision someone saved: its id, its number among the item's revisions, who and when. */
export type ConflictInfo = { revisionId: number; number: number; by: string; at: Date };

/** Someone saved the item after the form was opened: the save is refused, the user's text kept. */
export class EditConflictError extends ConflictError {
  constructor(readonly current: ConflictInfo) {
    super(
      `${current.by} saved this at ${formatUtc(current.at)} (revision ${current.number}), after you opened it. Your changes are still in the form and have not been saved.`,
    );
  }
}

function formatUtc(at: Date): string {
  return `${at.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
