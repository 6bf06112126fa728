import { rendering, type Rendering } from "@/lib/http/cached-response";

export const jsonType = "application/json; charset=utf-8";

/** A read API answer as JSON, rendered once with its ETag. */
export function jsonRendering(value: unknown): Rendering {
  return rendering(JSON.stringify(value), jsonType);
}

/**
 * A read API error as JSON: its status again (for clients that lose the header) and a message that
 * says what to change, never how the server failed.
 */
export function apiProblem(status: number, message: string): Rendering {
  return rendering(JSON.stringify({ status, message }), jsonType, status);
}

/** A permanent redirect to where the thing asked for lives now, with a body saying so. */
export function apiMoved(location: string, message: string): Rendering {
  return { ...rendering(JSON.stringify({ status: 308, message, location }), jsonType, 308), location };
}
