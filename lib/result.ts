import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { DomainError, ValidationError, type FieldErrors } from "./errors";

export type ActionResult<T = undefined> =
  { ok: true; data: T; message?: string } | { ok: false; code: string; message: string; fieldErrors?: FieldErrors };

/** Parses input with a zod schema, throwing a ValidationError that forms can show per field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fieldErrors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.join(".") || "_form";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  throw new ValidationError(fieldErrors);
}

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
    if (error instanceof DomainError) {
      return { ok: false, code: error.code, message: error.message };
    }
    console.error("Unexpected error in server action", error);
    return { ok: false, code: "internal", message: "Something went wrong on our side. Please try again." };
  }
}
