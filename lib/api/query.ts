import type { z } from "zod";
import type { Rendering } from "@/lib/http/cached-response";
import { apiProblem } from "./problem";

export type ParsedQuery<T> = { ok: true; value: T } | { ok: false; problem: Rendering };

/**
 * A read API's query string, parsed by `schema`: an unknown or repeated parameter, or a value the
 * schema refuses, is a 400 that names the parameter. Refusing (where the pages drop what they
 * cannot read) tells a harvester at once that `?jurisdicton=` filtered nothing.
 */
export function parseQuery<S extends z.ZodObject>(schema: S, params: URLSearchParams): ParsedQuery<z.output<S>> {
  const known = Object.keys(schema.shape);
  const given: Record<string, string> = {};
  for (const [name, value] of params) {
    if (!known.includes(name))
      return refuse(`Unknown parameter "${clip(name)}". This endpoint takes: ${known.join(", ")}.`);
    if (name in given) return refuse(`Parameter "${name}" is given more than once.`);
    given[name] = value;
  }
  const parsed = schema.safeParse(given);
  if (parsed.success) return { ok: true, value: parsed.data };
  const [issue] = parsed.error.issues;
  const name = String(issue?.path[0] ?? "query");
  return refuse(`Parameter "${name}" is not valid: ${issue?.message ?? "unreadable"}.`);
}

const refuse = (message: string) => ({ ok: false as const, problem: apiProblem(400, message) });

/** A name the client chose, short enough to quote back. */
const clip = (name: string) => (name.length > 40 ? `${name.slice(0, 40)}…` : name);
