/**
 * Uncached: the first request of a page type after a publication, which expires every cached
 * public page. One publication before each page's request, so that no page is warmed by another's
 * rendering; repeated for a few rounds.
 */
import { addresses, verifier, type Target } from "./public-targets";
import type { Publisher } from "./publisher";

export type ColdTimes = Map<string, number[]>;

export async function coldRequests(
  base: string,
  publisher: Publisher,
  targets: Target[],
  rounds: number,
): Promise<ColdTimes> {
  const times: ColdTimes = new Map(targets.map((t) => [t.name, []]));
  const next = new Map(targets.map((t) => [t.name, addresses(t, base)]));
  for (let round = 0; round < rounds; round++) {
    for (const target of targets) {
      await publisher.publish();
      const address = next.get(target.name)!;
      const path = address.next ? address.next() : address.first;
      const started = performance.now();
      const response = await fetch(new URL(path, base), { redirect: "manual" });
      const body = await response.text();
      const ms = performance.now() - started;
      if (response.status !== 200 || !verifier(target)(body))
        throw new Error(`${path} answered ${response.status} without the expected page after a publication`);
      times.get(target.name)!.push(ms);
    }
  }
  return times;
}
