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
