import "server-only";
import { env } from "@/env";

/**
 * The socket's address, written onto every request by the server itself (socket-address.ts) over
 * whatever a client sent under that name. Next.js keeps a client's own X-Forwarded-For, and its
 * route handlers and actions are never given the socket.
 */
export const socketAddressHeader = "x-marginalia-socket-address";
export const socketAddressStamped = Symbol.for("marginalia.socketAddressStamped");

/** The address to throttle and audit by, from the request's headers and TRUSTED_PROXY_HOPS. */
export function clientIp(headers: Headers): string {
  const stamped = (globalThis as Record<symbol, unknown>)[socketAddressStamped] === true;
  return clientAddress({
    forwardedFor: headers.get("x-forwarded-for"),
    socket: stamped ? headers.get(socketAddressHeader) : null,
    trustedHops: env().TRUSTED_PROXY_HOPS,
  });
}

/**
 * With no trusted proxy, the socket's address: any X-Forwarded-For was written by the client. Each
 * trusted proxy appends the address it saw, so behind N of them the Nth entry from the end is the
 * client's; what comes before it is the client's own claim.
 */
export function clientAddress(request: { forwardedFor: string | null; socket: string | null; trustedHops: number }) {
  const { forwardedFor, socket, trustedHops } = request;
  const entries = (forwardedFor ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  // Fewer entries than proxies: the request did not come through them all.
  const address = trustedHops > 0 && entries.length >= trustedHops ? entries[entries.length - trustedHops] : socket;
  // Stored addresses stay bounded, and one client counts once whether seen over IPv4 or IPv4-in-IPv6.
  return (address?.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1") || "unknown").slice(0, 64);
}
