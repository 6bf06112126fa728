import { and, eq, inArray, or, type AnyColumn, type SQL } from "drizzle-orm";
import type { ContentType } from "@/db/schema/vocabulary";

/** An editorial item, by its type and id. */
export type ItemKey = { type: ContentType; id: number };

/** How an answer about many items keys each item. */
export const itemKey = (type: string, id: number) => `${type}:${id}`;

/** `(type, id) in keys`, grouped by type so that it stays one condition per type. */
export function itemIn(typeColumn: AnyColumn, idColumn: AnyColumn, keys: ItemKey[]): SQL {
  const byType = new Map<ContentType, number[]>();
  for (const k of keys) byType.set(k.type, [...(byType.get(k.type) ?? []), k.id]);
  return or(...[...byType].map(([type, ids]) => and(eq(typeColumn, type), inArray(idColumn, ids))))!;
}
