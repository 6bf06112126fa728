import { DrizzleQueryError } from "drizzle-orm/errors";

/** The parts of a database error that name what failed without repeating any value sent. */
type DatabaseFailure = { code: string; constraint?: string; table?: string; column?: string; routine?: string };

function databaseFailure(error: unknown): DatabaseFailure | null {
  if (typeof error !== "object" || error === null) return null;
  const { code, severity } = error as { code?: unknown; severity?: unknown };
  if (typeof code !== "string" || !/^[0-9A-Z]{5}$/.test(code) || typeof severity !== "string") return null;
  const named = (key: string) => {
    const value = (error as Record<string, unknown>)[key];
    return typeof value === "string" && value !== "" ? value : undefined;
  };
  return {
    code,
    constraint: named("constraint"),
    table: named("table"),
    column: named("column"),
    routine: named("routine"),
  };
}

/** A stack's frames without its first line, which repeats the message. */
function frames(error: Error): string {
  return (error.stack ?? "")
    .split("\n")
    .filter((line) => /^\s+at /.test(line))
    .join("\n");
}

/**
 * What to log of an error, as one string. A failed query's message holds its parameters, and a
 * database error's message, detail and context can quote the values sent (a password hash, an
 * editor's text): of those only the SQLSTATE code and the names of what failed are kept, with the
 * stack that says where. Other errors come from our own code and keep their message, stack and cause.
 */
export function loggable(error: unknown): string {
  const query = error instanceof DrizzleQueryError ? error : null;
  const failure = databaseFailure(query ? query.cause : error);
  if (failure) {
    const named = Object.entries(failure)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => `${key} ${value}`)
      .join(", ");
    return `A database query failed (${named}).\n${frames(query ?? (error as Error))}`;
  }
  if (query) return `A database query failed.\n${frames(query)}\nCaused by: ${loggable(query.cause)}`;
  if (!(error instanceof Error)) return String(error);
  const own = `${error.name}: ${error.message}\n${frames(error)}`;
  // next-auth wraps what its callbacks threw as { err } in the cause.
  const cause = error.cause instanceof Error ? error.cause : (error.cause as { err?: unknown } | undefined)?.err;
  return cause === undefined ? own : `${own}\nCaused by: ${loggable(cause)}`;
}

/**
 * One line for a person at a terminal running a command (start-up, the CLI): the database's own
 * message, which names the problem, rather than the failed query. Never used for a request.
 */
export function describeError(error: unknown): string {
  const shown = error instanceof DrizzleQueryError && error.cause ? error.cause : error;
  return shown instanceof Error ? shown.message : String(shown);
}
