import "server-only";
import { createReadStream } from "node:fs";
import { Unzip, UnzipInflate, UnzipPassThrough } from "fflate";
import { archiveEntryLimit, archiveInflatedLimitBytes } from "./limits";

/**
 * Unpacks a Word or OpenDocument file (a ZIP archive) without keeping what comes out, counting
 * the bytes, so that a zip bomb is refused here rather than inflated by the text extraction. The
 * sizes an archive declares can lie, so the inflated bytes themselves are counted, a small bite at
 * a time (deflate packs up to about 1,000 to 1).
 */
export async function inspectArchive(file: string, name: string): Promise<{ refused: string } | null> {
  const bomb = `${name} unpacks to more than ${archiveInflatedLimitBytes / 1024 / 1024} MB or ${archiveEntryLimit} parts: it looks like a zip bomb and is not accepted.`;
  let entries = 0;
  let inflated = 0;
  let refused: string | null = null;
  const opened: { terminate(): void }[] = [];

  const unzip = new Unzip((entry) => {
    if (refused) return;
    entries += 1;
    if (entries > archiveEntryLimit) {
      refused = bomb;
      return;
    }
    entry.ondata = (error, chunk) => {
      if (refused) return;
      if (error) refused = `${name} could not be unpacked: the file may be damaged.`;
      else if ((inflated += chunk.length) > archiveInflatedLimitBytes) refused = bomb;
      if (refused) for (const open of opened) open.terminate();
    };
    opened.push(entry);
    entry.start();
  });
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);

  try {
    for await (const chunk of createReadStream(file, { highWaterMark: 16 * 1024 })) {
      unzip.push(chunk as Uint8Array);
      if (refused) break;
    }
    if (!refused) unzip.push(new Uint8Array(), true);
  } catch {
    return { refused: `${name} could not be unpacked: the file may be damaged.` };
  }
  return refused ? { refused } : null;
}
