import { DrizzleQueryError } from "drizzle-orm/errors";

/**
 * What to log of an error. A failed query's own message is its SQL and parameters (which can hold
 * a password hash); the database's error, its cause, says what went wrong.
 */
export function loggable(error: unknown): unknown {
  return error instanceof DrizzleQueryError && error.cause ? error.cause : error;
}

/** One line for a person at a terminal: the underlying cause, not a stack trace. */
export function describeError(error: unknown): string {
  const shown = loggable(error);
  return shown instanceof Error ? shown.message : String(shown);
}
