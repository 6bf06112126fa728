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

/** An id as a request spells it: decimal digits with no sign, padding, exponent or leading zero. */
const canonicalId = /^[1-9]\d{0,9}$/;

/**
 * The one reading of an id that came from a request (form field, route or search parameter):
 * "16" is 16, while "0x10", "1e1", " 16", "16.0", "+16" and "0016" are no id at all (null), so
 * that one record has one address. A number passes only if it is already a valid id.
 */
export function parseRecordId(value: unknown): number | null {
  if (typeof value === "number") return isRecordId(value) ? value : null;
  if (typeof value !== "string" || !canonicalId.test(value)) return null;
  const id = Number(value);
  return isRecordId(id) ? id : null;
}

/** An id from a request for a domain function that answers "not found" to what is not an id (0). */
export function requestId(value: unknown): number {
  return parseRecordId(value) ?? 0;
}

/** The id of a row chosen in a form: it travels as text, and must fit an integer column. */
export const recordId = z
  .custom<string | number>((value) => parseRecordId(value) !== null, "Choose from the list.")
  .transform((value) => parseRecordId(value)!);

/** Whether PostgreSQL can store the text as it is: it refuses NUL, and a lone surrogate cannot be UTF-8. */
export function isStorableText(value: string): boolean {
  return !value.includes("\u0000") && value.isWellFormed();
}

export const unstorableTextMessage = "Remove the invisible character this text holds (a NUL or a broken character).";

/**
 * Every text field of a form or a query: a string PostgreSQL can store. Checked before trimming
 * and length limits, so a NUL anywhere gets a field error instead of a failed INSERT.
 */
export function text(params?: Parameters<typeof z.string>[0]) {
  return z.string(params).refine(isStorableText, unstorableTextMessage);
}

/** What was typed into a picker's search box, as a query can use it: storable, trimmed, bounded. */
export function searchText(value: unknown, maxLength = 200): string {
  return typeof value === "string" && isStorableText(value) ? value.trim().slice(0, maxLength) : "";
}

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

/** The latest date anywhere on Earth (UTC+14): whoever types "today" is never told it is the future. */
export function latestToday(now = new Date()): string {
  return new Date(now.getTime() + 14 * 3600_000).toISOString().slice(0, 10);
}

/**
 * An optional day that has happened (an access or capture date), as YYYY-MM-DD or null; `what`
 * names it in the message: "The capture date cannot be in the future."
 */
export function pastDay(what: string) {
  return z
    .union([
      z.literal(""),
      z.null(),
      text()
        .trim()
        .pipe(z.iso.date({ message: "Use a real date as YYYY-MM-DD (2025-01-31)." }))
        .refine((d) => d <= latestToday(), `The ${what} cannot be in the future.`),
    ])
    .transform((v) => (v === "" ? null : v))
    .default(null);
}
