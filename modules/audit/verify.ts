import { asc, gt } from "drizzle-orm";
import type { Db } from "@/db";
import { auditLog } from "@/db/schema";
import { auditHash, genesisHash } from "./chain";

export type ChainReport =
  | { ok: true; rows: number }
  | { ok: false; rows: number; brokenAt: { id: number; action: string; at: Date; reason: string } };

/** Recomputes every row's hash in order and reports the first row that does not fit the chain. */
export async function verifyAuditChain(db: Db, batchSize = 1000): Promise<ChainReport> {
  let previous = genesisHash;
  let lastId = 0;
  let rows = 0;
  for (;;) {
    const batch = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.id, lastId))
      .orderBy(asc(auditLog.id))
      .limit(batchSize);
    if (batch.length === 0) return { ok: true, rows };
    for (const row of batch) {
      const { id, hash, ...fields } = row;
      const reason =
        fields.prevHash !== previous
          ? "it does not follow the row before it (a row was removed or inserted)"
          : auditHash(fields) !== hash
            ? "its contents do not match its hash (it was changed)"
            : null;
      if (reason) return { ok: false, rows, brokenAt: { id, action: row.action, at: row.at, reason } };
      previous = hash;
      lastId = id;
      rows++;
    }
  }
}
