/**
 * One measured load run: autocannon's numbers and who used the CPU meanwhile (the server under
 * test, its PostgreSQL backends, the client, everything else).
 */
import { backendsOf, cpuSnapshot, cpuUsage } from "./machine";
import { load, type LoadResult } from "./next-server";

export type Run = LoadResult & { cpu: Record<string, number> };

export async function measure(
  url: string,
  options: {
    connections: number;
    duration: number;
    verifyBody: (body: string) => boolean;
    nextPath?: () => string;
    serverPid: number;
    dbName?: string;
  },
): Promise<Run> {
  const groups = {
    server: () => [options.serverPid],
    database: () => (options.dbName ? backendsOf(options.dbName) : []),
    client: () => [process.pid],
  };
  const before = cpuSnapshot(groups);
  const result = await load(url, options);
  return { ...result, cpu: cpuUsage(before, cpuSnapshot(groups)) };
}

export const failed = (run: LoadResult) => run.non2xx + run.errors + run.timeouts + run.mismatches > 0;

export function logRun(label: string, r: Run): void {
  console.log(
    `[bench]   ${label} ×${r.connections}: ${r.reqPerSec.toFixed(1)} req/s, p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, non-2xx ${r.non2xx}, errors ${r.errors + r.timeouts}, mismatches ${r.mismatches}, CPU ${cpuText(r.cpu)}`,
  );
}

export function cpuText(cpu: Record<string, number>): string {
  return [cpu.server, cpu.database, cpu.client, cpu.others].map((n) => `${(n ?? NaN).toFixed(0)}%`).join(" / ");
}
