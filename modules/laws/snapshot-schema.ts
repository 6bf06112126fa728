import { z } from "zod";
import { lawEventKinds, lawRelationKinds, lawStatuses, lawTypes } from "@/db/schema/vocabulary";
import { storedPartialDate } from "@/lib/partial-date";

/**
 * A law revision's snapshot as stored. Revisions are immutable and hashed as stored, so a change
 * of this shape is a new version: keep the old schema, upgrade it to the new one in the parser, and
 * add tests/fixtures/snapshots/law-v<N>.json. Snapshots written before versions were recorded have
 * no schemaVersion; their shape is version 1's.
 */
export const lawSnapshotVersion = 1 as const;

const named = z.object({ id: z.number(), name: z.string() });

export const lawSnapshotSchema = z.object({
  schemaVersion: z.literal(lawSnapshotVersion).default(lawSnapshotVersion),
  slug: z.string(),
  jurisdictionCode: z.string(),
  type: z.enum(lawTypes),
  status: z.enum(lawStatuses),
  title: z.string(),
  summary: z.string(),
  titles: z.array(z.object({ lang: z.string(), title: z.string(), preferred: z.boolean() })),
  identifiers: z.array(z.object({ registry: z.string(), value: z.string() })),
  periods: z.array(z.object({ startYear: z.number(), endYear: z.number() })),
  topics: z.array(named),
  sources: z.array(z.object({ id: z.number(), title: z.string(), url: z.string(), archivedUrl: z.string() })),
  events: z.array(
    z.object({
      id: z.number(),
      kind: z.enum(lawEventKinds),
      agentId: z.number().nullable(),
      agentName: z.string().nullable(),
      note: z.string(),
      accounts: z.array(
        z.object({
          id: z.number(),
          date: storedPartialDate.nullable(),
          sourceId: z.number().nullable(),
          sourceTitle: z.string().nullable(),
          preferred: z.boolean(),
          note: z.string(),
        }),
      ),
    }),
  ),
  texts: z.array(
    z.object({
      id: z.number(),
      lang: z.string(),
      official: z.boolean(),
      effectiveDate: storedPartialDate.nullable(),
      sourceId: z.number().nullable(),
      sourceTitle: z.string().nullable(),
      body: z.string(),
    }),
  ),
  relations: z.array(
    z.object({
      id: z.number(),
      kind: z.enum(lawRelationKinds),
      note: z.string(),
      toLawId: z.number(),
      toTitle: z.string(),
    }),
  ),
});

export type LawSnapshot = z.output<typeof lawSnapshotSchema>;

export function parseLawSnapshot(raw: unknown): LawSnapshot {
  return lawSnapshotSchema.parse(raw);
}
