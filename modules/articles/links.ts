import { inArray } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Tx } from "@/db";
import { agents, jurisdictions, laws, sources, topics } from "@/db/schema";
import { ValidationError, type FieldErrors } from "@/lib/errors";
import type { ArticleValues } from "./schemas";

/**
 * Refuses links to records that do not exist (or were deleted while the form was open), each at
 * its own field. Runs inside the save's transaction, so nothing is written when it throws.
 */
export async function assertArticleLinks(tx: Tx, values: ArticleValues): Promise<void> {
  const agentIds = [
    ...values.authorIds,
    ...(values.publisherId ? [values.publisherId] : []),
    ...(values.creditedAgentId ? [values.creditedAgentId] : []),
  ];
  // One after another: a transaction's connection runs one query at a time.
  const agentSet = await existing(tx, agents, agents.id, agentIds);
  const lawSet = await existing(tx, laws, laws.id, values.lawIds);
  const topicSet = await existing(tx, topics, topics.id, values.topicIds);
  const sourceSet = await existing(tx, sources, sources.id, values.sourceIds);
  const codeSet = await existing(tx, jurisdictions, jurisdictions.code, values.jurisdictionCodes);
  const errors: FieldErrors = {};
  const missing = <T>(list: T[], found: Set<T>) => list.filter((x) => !found.has(x));
  if (missing(values.authorIds, agentSet).length) errors.authorIds = ["A chosen author no longer exists."];
  if (values.publisherId && !agentSet.has(values.publisherId))
    errors.publisherId = ["That publisher no longer exists."];
  if (values.creditedAgentId && !agentSet.has(values.creditedAgentId))
    errors.creditedAgentId = ["That agency no longer exists."];
  if (missing(values.lawIds, lawSet).length) errors.lawIds = ["A chosen law no longer exists."];
  if (missing(values.topicIds, topicSet).length) errors.topicIds = ["A chosen topic no longer exists."];
  if (missing(values.sourceIds, sourceSet).length) errors.sourceIds = ["A chosen source no longer exists."];
  const unknownCodes = missing(values.jurisdictionCodes, codeSet);
  if (unknownCodes.length) errors.jurisdictionCodes = [`There is no jurisdiction ${unknownCodes.join(", ")}.`];
  if (Object.keys(errors).length) throw new ValidationError(errors);
}

async function existing<K extends number | string>(
  tx: Tx,
  table: PgTable,
  key: PgColumn,
  values: K[],
): Promise<Set<K>> {
  if (values.length === 0) return new Set();
  // Row locks keep a linked record from being deleted between this check and the insert.
  const rows = await tx.select({ key }).from(table).where(inArray(key, values)).for("share");
  return new Set(rows.map((r) => r.key as K));
}
