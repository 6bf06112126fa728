import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import { socketAddressHeader, socketAddressStamped } from "./client-ip";

/**
 * Writes each request's socket address onto it before Next.js reads it, replacing anything a
 * client sent under that header's name. Node publishes every request an HTTP server of this
 * process receives on this channel, synchronously, before the server's request handler runs.
 */
export function stampSocketAddresses(): void {
  const global = globalThis as Record<symbol, unknown>;
  if (global[socketAddressStamped]) return;
  subscribe("http.server.request.start", (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    if (socket.remoteAddress) request.headers[socketAddressHeader] = socket.remoteAddress;
    else delete request.headers[socketAddressHeader];
  });
  global[socketAddressStamped] = true;
}
