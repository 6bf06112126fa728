import "server-only";
/**
 * The address to throttle by. Next.js fills X-Forwarded-For with the socket's address when the
 * request has none; behind a reverse proxy the last entry is the address that proxy saw.
 */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded?.split(",").at(-1)?.trim();
  // The header is client-controlled when no proxy rewrites it: keep what is stored bounded.
  return (last || headers.get("x-real-ip") || "unknown").slice(0, 64);
}
