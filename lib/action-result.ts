import { unstable_rethrow } from "next/navigation";
import { DomainError, ValidationError, type FieldErrors } from "./errors";
import { EditConflictError } from "@/modules/workflow/conflict";
import { loggable } from "./describe-error";

/** Someone saved the item after the form was opened: their revision, who, and when (ISO time). */
export type SaveConflict = { revisionId: number; number: number; by: string; at: string };

export type ActionResult<T = void> =
  | { ok: true; data: T; message?: string }
  | { ok: false; code: string; message: string; fieldErrors?: FieldErrors; conflict?: SaveConflict };

/**
 * Runs a domain call for a server action. Known domain errors become typed results; anything
 * else is logged with its cause and reaches the user only as a generic message.
 */
export async function toActionResult<T>(run: () => Promise<T>, successMessage?: string): Promise<ActionResult<T>> {
  try {
    const data = await run();
    return { ok: true, data, message: successMessage };
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof ValidationError) {
      return { ok: false, code: error.code, message: error.message, fieldErrors: error.fieldErrors };
    }
    if (error instanceof EditConflictError) {
      const { revisionId, number, by, at } = error.current;
      return {
        ok: false,
        code: error.code,
        message: error.message,
        conflict: { revisionId, number, by, at: at.toISOString() },
      };
    }
    if (error instanceof DomainError) {
      return { ok: false, code: error.code, message: error.message };
    }
    console.error("Unexpected error in server action:", loggable(error));
    return { ok: false, code: "internal", message: "Something went wrong on our side. Please try again." };
  }
}
