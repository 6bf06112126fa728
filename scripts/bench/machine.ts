/**
 * What else the machine was doing during a measurement: the benchmark shares 2 cores with whatever
 * else runs (an e2e suite, a build), and its numbers mean little without saying so.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";

type CpuSnapshot = { total: number; busy: number; groups: Map<string, Map<number, number>> };

/**
 * Jiffies: the whole machine's, and each process's in the named groups (this benchmark, the server,
 * its PostgreSQL backends), to tell who used the cores during a run.
 */
export function cpuSnapshot(groups: Record<string, () => number[]>): CpuSnapshot {
  const line = fs.readFileSync("/proc/stat", "utf8").split("\n")[0]!;
  const fields = line.trim().split(/\s+/).slice(1, 9).map(Number);
  const total = fields.reduce((a, b) => a + b, 0);
  const idle = fields[3]! + fields[4]!;
  const list = processes();
  const seen = new Set<number>();
  const byGroup = new Map<string, Map<number, number>>();
  for (const [name, pids] of Object.entries(groups)) {
    const jiffies = new Map<number, number>();
    for (const root of pids()) {
      for (const pid of descendants(root, list)) {
        if (seen.has(pid)) continue;
        seen.add(pid);
        jiffies.set(pid, processJiffies(pid));
      }
    }
    byGroup.set(name, jiffies);
  }
  return { total, busy: total - idle, groups: byGroup };
}

/**
 * CPU used between two snapshots, per group and by everything else ("others"), in percent of one
 * core (200% = both cores of two). A process is counted from the first snapshot, or from zero if
 * it started in between; one that ended in between (an idle pooled connection) counts as nothing.
 */
export function cpuUsage(before: CpuSnapshot, after: CpuSnapshot): Record<string, number> {
  const total = after.total - before.total;
  const percent = (jiffies: number) => (total > 0 ? (jiffies / total) * 100 * os.cpus().length : NaN);
  const usage: Record<string, number> = {};
  let ours = 0;
  for (const [name, jiffies] of after.groups) {
    let used = 0;
    for (const [pid, value] of jiffies) used += value - (before.groups.get(name)?.get(pid) ?? 0);
    ours += used;
    usage[name] = percent(used);
  }
  usage.others = Math.max(0, percent(after.busy - before.busy - ours));
  return usage;
}

function processJiffies(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(rest[11]) + Number(rest[12]);
  } catch {
    return 0;
  }
}

type Proc = { pid: number; ppid: number; cpu: number; args: string };

function processes(): Proc[] {
  const ps = spawnSync("ps", ["-eo", "pid=,ppid=,pcpu=,args="], { encoding: "utf8" });
  return ps.stdout
    .split("\n")
    .map((line) => line.trim().match(/^(\d+)\s+(\d+)\s+([\d.]+)\s+(.*)$/))
    .filter((m): m is RegExpMatchArray => Boolean(m))
    .map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), cpu: Number(m[3]), args: m[4]! }));
}

export function descendants(root: number, list = processes()): number[] {
  const found = [root];
  for (let i = 0; i < found.length; i++) {
    for (const p of list) if (p.ppid === found[i]) found.push(p.pid);
  }
  return found;
}

/** PostgreSQL backends serving one database (they are the server's children, not ours). */
export function backendsOf(database: string): number[] {
  return processes()
    .filter((p) => p.args.startsWith("postgres: ") && p.args.includes(` ${database} `))
    .map((p) => p.pid);
}

// Work that competes for the cores: test runners, browsers, builds, other Next servers.
const busyPattern =
  /playwright|vitest|chromium|chrome|next-server|next (start|build|dev)|e2e\/server|tsc|eslint|postgres: .*(INSERT|SELECT|UPDATE)/;

/** One line on the load and on other heavy processes (not ours, nor `ownDatabase`'s backends), as seen now. */
export function machineLine(ownDatabase?: string): string {
  const list = processes();
  const ours = new Set(descendants(process.pid, list));
  const others = list.filter(
    (p) =>
      !ours.has(p.pid) &&
      busyPattern.test(p.args) &&
      !p.args.startsWith("ps ") &&
      !(ownDatabase && p.args.startsWith("postgres: ") && p.args.includes(` ${ownDatabase} `)),
  );
  const names = new Map<string, number>();
  for (const p of others) {
    const name = p.args.match(busyPattern)![0].replace(/^postgres: .*/, "postgres backend (busy)");
    names.set(name, (names.get(name) ?? 0) + 1);
  }
  const load = os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(" / ");
  const seen = names.size ? [...names].map(([n, c]) => `${n} ×${c}`).join(", ") : "none";
  return `load average (1/5/15 min) ${load}; other busy processes: ${seen}`;
}
