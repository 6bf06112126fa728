import { asc, gt } from "drizzle-orm";
import type { Db } from "@/db";
import { storedFiles } from "@/db/schema";

const batch = 500;

/** Every stored file on record, in hash order, read a batch at a time (an archive has many). */
export async function* everyStoredFile(db: Db): AsyncGenerator<{ sha256: string; size: number; mediaType: string }> {
  let after = "";
  for (;;) {
    const rows = await db
      .select({ sha256: storedFiles.sha256, size: storedFiles.size, mediaType: storedFiles.mediaType })
      .from(storedFiles)
      .where(gt(storedFiles.sha256, after))
      .orderBy(asc(storedFiles.sha256))
      .limit(batch);
    yield* rows;
    if (rows.length < batch) return;
    after = rows.at(-1)!.sha256;
  }
}
