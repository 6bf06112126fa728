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

/** The shape a domain function accepts before validation: the right keys, any values (form data). */
export type Unvalidated<T> = { [K in keyof T]?: unknown };
