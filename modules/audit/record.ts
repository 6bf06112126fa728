import { desc, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { auditLog } from "@/db/schema";
import type { Actor } from "@/modules/auth/context";
import { auditHash, genesisHash } from "./chain";

// Names the advisory lock that makes appends take turns, so each row chains to the one before it.
const AUDIT_CHAIN_LOCK = 727_274_010;

export type AuditEntry = {
  actor: Actor | null;
  action: string;
  targetType: string;
  targetId: string | number;
  beforeRevision?: string | null;
  afterRevision?: string | null;
  ip?: string | null;
  details?: Record<string, unknown>;
};

/**
 * Appends one row to the audit log. Call it inside the change's own transaction: if the change
 * fails the row goes too, and if the row cannot be written the change is rolled back.
 */
export async function audit(db: Db | Tx, entry: AuditEntry): Promise<void> {
  // Its own transaction (a savepoint inside the caller's): the lock must last until the row is in.
  await db.transaction((tx) => append(tx, entry));
}

async function append(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  const fields = {
    at: new Date(),
    actorId: entry.actor?.id ?? null,
    actorLabel: entry.actor ? `${entry.actor.name} <${entry.actor.email || "command line"}>` : "anonymous",
    action: entry.action,
    targetType: entry.targetType,
    targetId: String(entry.targetId),
    beforeRevision: entry.beforeRevision ?? null,
    afterRevision: entry.afterRevision ?? null,
    ip: entry.ip ?? null,
    details: entry.details ?? {},
    prevHash: last?.hash ?? genesisHash,
  };
  await tx.insert(auditLog).values({ ...fields, hash: auditHash(fields) });
}
