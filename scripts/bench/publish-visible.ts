/**
 * Publish → visible: from a publication's commit to the moment an anonymous reader's GET of the
 * published page shows it, polling every ~20 ms. The commit lies between the publish action's
 * request and its answer; both are timed.
 */
import { sleep } from "./next-server";
import type { Publisher } from "./publisher";

export type Visibility = { afterAnswerMs: number; afterSendMs: number; publishMs: number };

export async function publishToVisible(
  base: string,
  publisher: Publisher,
  rounds: number,
  pollMs = 20,
): Promise<Visibility[]> {
  const seen: Visibility[] = [];
  for (let round = 0; round < rounds; round++) {
    const publication = await publisher.publish();
    const deadline = publication.answeredAt + 30_000;
    for (;;) {
      const response = await fetch(new URL(publisher.lawPath, base));
      const body = await response.text();
      const now = performance.now();
      if (response.ok && body.includes(publication.marker)) {
        seen.push({
          afterAnswerMs: now - publication.answeredAt,
          afterSendMs: now - publication.sentAt,
          publishMs: publication.answeredAt - publication.sentAt,
        });
        break;
      }
      if (now > deadline)
        throw new Error(`Publication "${publication.marker}" not visible at ${publisher.lawPath} after 30 s`);
      await sleep(pollMs);
    }
    // Readers' caches fill again before the next publication, as between real ones.
    await sleep(500);
  }
  return seen;
}
