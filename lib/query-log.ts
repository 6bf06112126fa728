import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import diagnostics from "node:diagnostics_channel";
import fs from "node:fs";
import type { IncomingMessage } from "node:http";
import type { Logger } from "drizzle-orm";
import { env } from "@/env";

/**
 * A record of every database query and the request that made it, for e2e/query-counts.spec.ts:
 * one JSON line per query in the file MARGINALIA_QUERY_LOG names. Without that variable nothing is
 * installed and drizzle keeps its no-op logger, so a normal run pays nothing and a request's header
 * alone cannot turn it on.
 *
 * A request is named by the header below, which the test sends. The name is carried by an
 * AsyncLocalStorage entered as Node starts each request (its `http.server.request.start` channel),
 * so it follows every query the request causes, in the proxy, the render and the cached functions
 * the render fills, and no query of the scheduler's.
 */
export const queryLogHeader = "x-query-log-request";

export type QueryLogLine = { request: string | null; phase: "request" | "proxy" | "render"; text: string };
type Scope = Pick<QueryLogLine, "request" | "phase">;

// On globalThis: proxy.ts and the pages are separate bundles in one process, and must share it.
const storageKey = Symbol.for("marginalia.queryLog");
const holder = globalThis as { [storageKey]?: AsyncLocalStorage<Scope> };

/** drizzle's logger for the process's database: undefined (drizzle's no-op) unless the log is on. */
export function queryLogger(): Logger | undefined {
  const file = env().MARGINALIA_QUERY_LOG;
  if (!file) return undefined;
  const storage = listen(file);
  return {
    logQuery: (text) => write(file, { ...(storage.getStore() ?? { request: null, phase: "render" }), text }),
  };
}

/** Runs the proxy's work under its own phase, so the log tells its queries from the page's. */
export function inProxyPhase<T>(work: () => T): T {
  const storage = holder[storageKey];
  const scope = storage?.getStore();
  return storage && scope ? storage.run({ ...scope, phase: "proxy" }, work) : work();
}

function listen(file: string): AsyncLocalStorage<Scope> {
  const existing = holder[storageKey];
  if (existing) return existing;
  const storage = new AsyncLocalStorage<Scope>();
  holder[storageKey] = storage;
  diagnostics.subscribe("http.server.request.start", (message) => {
    const { request } = message as { request: IncomingMessage };
    const name = request.headers[queryLogHeader];
    const scope: Scope = { request: typeof name === "string" ? name : null, phase: "render" };
    // Entered synchronously before Node emits "request": the handler and all it awaits inherit it.
    storage.enterWith(scope);
    if (scope.request) write(file, { ...scope, phase: "request", text: `${request.method} ${request.url}` });
  });
  return storage;
}

function write(file: string, line: QueryLogLine) {
  fs.appendFileSync(file, JSON.stringify(line) + "\n");
}
