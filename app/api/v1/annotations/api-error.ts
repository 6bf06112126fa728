/** An API error as JSON, saying what to do, never how the server failed. */
export function apiError(status: number, message: string): Response {
  return Response.json({ error: message }, { status, headers: { "access-control-allow-origin": "*" } });
}
