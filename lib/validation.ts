import { z } from "zod";
import { ValidationError, type FieldErrors } from "./errors";

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

/** The largest id an integer (int4) column holds: a bigger number must never reach a query. */
export const maxRecordId = 2_147_483_647;

/** Whether a number can be the id of a row; anything else is "not found", not a database error. */
export function isRecordId(n: unknown): n is number {
  return typeof n === "number" && Number.isInteger(n) && n >= 1 && n <= maxRecordId;
}

/** The id of a row chosen in a form: it travels as text, and must fit an integer column. */
export const recordId = z.coerce
  .number({ message: "Choose from the list." })
  .int("Choose from the list.")
  .min(1, "Choose from the list.")
  .max(maxRecordId, "Choose from the list.");

/** The shape a domain function accepts before validation: the right keys, any values (form data). */
export type Unvalidated<T> = { [K in keyof T]?: unknown };

/** How many rows a form list may hold: enough for any real law, few enough to bound the work. */
export const maxFormRows = 200;

/**
 * A list of form rows, validated where they stand so that an error names the row the user sees
 * (`titles.2.title`); rows left entirely empty validate as `undefined` and are dropped by `present`.
 */
export function formRowList<T extends z.ZodType>(row: T) {
  return z
    .array(z.preprocess((value) => (isBlankRow(value) ? undefined : value), row.optional()))
    .max(maxFormRows, `Keep it to ${maxFormRows} rows.`)
    .default([]);
}

export function present<T>(list: (T | undefined)[]): T[] {
  return list.filter((item): item is T => item !== undefined);
}

function isBlankRow(value: unknown): boolean {
  return (
    typeof value === "object" &&
    value !== null &&
    Object.values(value).every((field) => field === undefined || field === null || String(field).trim() === "")
  );
}

/** A BCP 47 language tag as editors write it: ky, ru, en, uz-Latn (und when undetermined). */
export const langCode = z
  .string()
  .trim()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "Use a language code such as ky, ru, en or uz-Latn.");
