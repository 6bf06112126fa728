import { createHash } from "node:crypto";

/** The fields of an audit row that its hash covers (everything but its id and the hash itself). */
export type AuditFields = {
  at: Date;
  actorId: number | null;
  actorLabel: string;
  action: string;
  targetType: string;
  targetId: string;
  beforeRevision: string | null;
  afterRevision: string | null;
  ip: string | null;
  details: Record<string, unknown>;
  prevHash: string;
};

/** The hash the first row chains to. */
export const genesisHash = "0".repeat(64);

/** SHA-256 of the row's fields in a canonical form (keys sorted at every depth), chained to prevHash. */
export function auditHash(fields: AuditFields): string {
  return createHash("sha256")
    .update(canonicalJson({ ...fields, at: fields.at.toISOString() }))
    .digest("hex");
}

/** JSON with object keys sorted, so the same data always gives the same text (jsonb reorders keys). */
export function canonicalJson(value: unknown): string {
  // As jsonb stores it: a Date becomes its ISO string there, so it must here too.
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}
