import "server-only";
import { createHash } from "node:crypto";
import { isNotNull } from "drizzle-orm";
import type { Db } from "@/db";
import { attachments, storedFiles } from "@/db/schema";
import { everyStoredFile } from "./every-stored-file";
import type { FileStore } from "./storage";

export type FixityReport = {
  checked: number;
  bytes: number;
  /** Bytes that no longer hash to their name: damaged or replaced. */
  changed: { sha256: string; found: string }[];
  missing: string[];
  /** Size on record and in the store differ (caught before hashing). */
  wrongSize: { sha256: string; recorded: number; stored: number }[];
  /** In the store but not in the database: left by an interrupted upload, or from elsewhere. */
  unknown: string[];
  /** Stored but attached to nothing, nor an image's thumbnail (an upload never attached): harmless, listed for cleaning. */
  unattached: string[];
};

/**
 * Hashes every stored file again, as archives do on a schedule, and compares it with its name and
 * recorded size. Reads only; a damaged or missing file is reported, never repaired or removed.
 */
export async function checkFixity(
  db: Db,
  store: FileStore,
  onProgress?: (checked: number) => void,
): Promise<FixityReport> {
  const report: FixityReport = {
    checked: 0,
    bytes: 0,
    changed: [],
    missing: [],
    wrongSize: [],
    unknown: [],
    unattached: [],
  };
  const known = new Set<string>();
  for await (const row of everyStoredFile(db)) {
    known.add(row.sha256);
    const stat = await store.stat(row.sha256);
    if (!stat) report.missing.push(row.sha256);
    else if (stat.size !== row.size)
      report.wrongSize.push({ sha256: row.sha256, recorded: row.size, stored: stat.size });
    else {
      const found = await hashOf(await store.read(row.sha256));
      if (found !== row.sha256) report.changed.push({ sha256: row.sha256, found });
      report.bytes += stat.size;
    }
    report.checked++;
    onProgress?.(report.checked);
  }
  for await (const file of store.list()) if (!known.has(file.sha256)) report.unknown.push(file.sha256);
  const attached = new Set(
    [
      ...(await db.selectDistinct({ sha256: attachments.sha256 }).from(attachments)),
      ...(await db
        .selectDistinct({ sha256: storedFiles.thumbnailSha256 })
        .from(storedFiles)
        .where(isNotNull(storedFiles.thumbnailSha256))),
    ].map((r) => r.sha256),
  );
  report.unattached = [...known].filter((sha) => !attached.has(sha));
  return report;
}

export function fixityFailed(report: FixityReport): boolean {
  return report.changed.length + report.missing.length + report.wrongSize.length > 0;
}

async function hashOf(stream: ReadableStream<Uint8Array> | null): Promise<string> {
  const hash = createHash("sha256");
  if (stream) for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) hash.update(chunk);
  return hash.digest("hex");
}
