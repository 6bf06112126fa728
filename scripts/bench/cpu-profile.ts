/**
 * A V8 CPU profile (`node --cpu-prof`) summed into where a server's time went per request: by
 * part of the stack (React, Next's routing, the proxy, AsyncLocalStorage, streams, garbage
 * collection …) and by function. Only the samples taken while the load ran count.
 */
import fs from "node:fs";
import path from "node:path";

type ProfileNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
};
type CpuProfile = { nodes: ProfileNode[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] };

export type ProfileSummary = {
  /** Busy CPU in the window, µs per request. */
  perRequestUs: number;
  parts: { part: string; us: number }[];
  functions: { name: string; us: number }[];
};

/** The parts of the stack, first match wins; `url` is the script's, `name` the function's. */
const parts: { part: string; test: (url: string, name: string) => boolean }[] = [
  { part: "garbage collection", test: (_, name) => name === "(garbage collector)" },
  { part: "AsyncLocalStorage (async_hooks)", test: (url) => /async_hooks|async_local_storage/.test(url) },
  { part: "React server renderer", test: (url) => /react-dom|react-server|react\.production/.test(url) },
  { part: "Next: proxy", test: (url) => /server\/web\/|adapter|middleware|proxy/.test(url) },
  {
    part: "Next: routing, headers and rewrites",
    test: (url) => /router-utils|router-server|resolve-routes|route-matcher|path-to-regexp|route-regex/.test(url),
  },
  { part: "Next: response (ETag, send)", test: (url) => /etag|send-payload|send-response|render-result/.test(url) },
  { part: "Next: incremental cache", test: (url) => /incremental-cache|file-system-cache|lib\/cache\//.test(url) },
  { part: "Next: other", test: (url) => /next\/dist/.test(url) },
  { part: "compiled app (.next/server: React, Next and our code bundled)", test: (url) => /\.next\/server/.test(url) },
  { part: "web streams", test: (url) => /webstreams|streams/.test(url) },
  { part: "HTTP and sockets", test: (url) => /_http_|node:net|stream_base|node:http/.test(url) },
  { part: "native and other Node", test: (url, name) => url === "" || url.startsWith("node:") || name.startsWith("(") },
];

/** The profile `dir` holds from the process `pid` (`CPU.<date>.<pid>.*.cpuprofile`). */
export function profileOf(dir: string, pid: number): string {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith(".cpuprofile"));
  const own = files.find((f) => f.split(".").includes(String(pid)));
  if (!own) throw new Error(`No CPU profile of process ${pid} in ${dir} (found ${files.join(", ") || "none"})`);
  return path.join(dir, own);
}

/**
 * Sums the samples of `file` taken in the last `windowEndMs`…`windowStartMs` before the profile
 * ended (the load ran then; the server stopped right after it), over `requests` requests.
 */
export function summarize(
  file: string,
  window: { startBeforeEndMs: number; endBeforeEndMs: number },
  requests: number,
): ProfileSummary {
  const profile = JSON.parse(fs.readFileSync(file, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const from = profile.endTime - window.startBeforeEndMs * 1000;
  const to = profile.endTime - window.endBeforeEndMs * 1000;
  const selfUs = new Map<number, number>();
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    if (at < from || at > to) return;
    selfUs.set(id, (selfUs.get(id) ?? 0) + delta);
  });
  const partUs = new Map<string, number>();
  const functionUs = new Map<string, number>();
  let busy = 0;
  for (const [id, us] of selfUs) {
    const { functionName, url, lineNumber, columnNumber } = byId.get(id)!.callFrame;
    if (functionName === "(idle)") continue;
    busy += us;
    const part = parts.find((p) => p.test(url, functionName))?.part ?? "other";
    partUs.set(part, (partUs.get(part) ?? 0) + us);
    // Bundled code is minified: its line and column say which function it is.
    const where = url.includes("/.next/") ? `:${lineNumber + 1}:${columnNumber + 1}` : "";
    const name = `${functionName || "(anonymous)"} ${shortUrl(url)}${where}`.trim();
    functionUs.set(name, (functionUs.get(name) ?? 0) + us);
  }
  const perRequest = (us: number) => us / Math.max(1, requests);
  const sorted = (m: Map<string, number>) =>
    [...m].sort((a, b) => b[1] - a[1]).map(([key, us]) => ({ key, us: perRequest(us) }));
  return {
    perRequestUs: perRequest(busy),
    parts: sorted(partUs).map(({ key, us }) => ({ part: key, us })),
    functions: sorted(functionUs)
      .slice(0, 15)
      .map(({ key, us }) => ({ name: key, us })),
  };
}

function shortUrl(url: string): string {
  const inNext = url.match(/next\/dist\/(.*)$/);
  if (inNext) return `next/${inNext[1]}`;
  const inModules = url.match(/node_modules\/(.*)$/);
  if (inModules) return inModules[1]!;
  return url.replace(/^.*\/\.next\//, ".next/").replace(/^file:\/\//, "");
}
