/**
 * An editor at work during a load run: a publication of the benchmark's law every few seconds,
 * through the admin's server actions, until stopped.
 */
import { describeError } from "@/lib/describe-error";
import { sleep } from "./next-server";
import type { Publisher } from "./publisher";

export type PublishLoopResult = { publications: number; failures: string[] };

export function startPublishLoop(publisher: Publisher, everyMs: number): { stop(): Promise<PublishLoopResult> } {
  let running = true;
  const result: PublishLoopResult = { publications: 0, failures: [] };
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      try {
        await publisher.publish();
        result.publications++;
      } catch (error) {
        result.failures.push(describeError(error));
      }
      // Sleeps in short steps so that stop() does not wait a whole period.
      while (running && performance.now() - started < everyMs) await sleep(50);
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return result;
    },
  };
}
