/**
 * The Marginalia server's memory, sampled throughout the run: VmRSS of the `next start` process
 * and its children (next-server, any worker), summed, from /proc.
 */
import fs from "node:fs";
import { descendants } from "./machine";

export type RssSampler = { stop(): { maxMb: number; lastMb: number; samples: number } };

/** Samples every `everyMs` until stop(); the maximum is what the report shows. */
export function sampleRss(pid: number, everyMs = 250): RssSampler {
  let max = 0;
  let last = 0;
  let samples = 0;
  const take = () => {
    last = descendants(pid).reduce((sum, p) => sum + vmRssKb(p), 0);
    max = Math.max(max, last);
    samples++;
  };
  take();
  const timer = setInterval(take, everyMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      take();
      return { maxMb: max / 1024, lastMb: last / 1024, samples };
    },
  };
}

function vmRssKb(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}
