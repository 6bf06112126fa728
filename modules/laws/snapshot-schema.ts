import { z } from "zod";
import { lawEventKinds, lawRelationKinds, lawStatuses, lawTypes } from "@/db/schema/vocabulary";
import { storedPartialDate } from "@/lib/partial-date";
import { attachmentSnapshot } from "@/modules/attachments/snapshot-schema";

/**
 * A law revision's snapshot as stored. Revisions are immutable and hashed as stored, so a change
 * of this shape is a new version: keep the old schema, upgrade it to the new one in the parser, and
 * add tests/fixtures/snapshots/law-v<N>.json. Snapshots written before versions were recorded have
 * no schemaVersion; their shape is version 1's. Version 2: a covered period is dated by sourced
 * accounts at any precision, no longer by two whole years. Version 3: the files attached to the law
 * and its texts.
 */
export const lawSnapshotVersion = 3 as const;

const named = z.object({ id: z.number(), name: z.string() });

const currentShape = z.object({
  schemaVersion: z.literal(lawSnapshotVersion),
  slug: z.string(),
  jurisdictionCode: z.string(),
  type: z.enum(lawTypes),
  status: z.enum(lawStatuses),
  title: z.string(),
  summary: z.string(),
  titles: z.array(z.object({ lang: z.string(), title: z.string(), preferred: z.boolean() })),
  identifiers: z.array(z.object({ registry: z.string(), value: z.string() })),
  periods: z.array(
    z.object({
      note: z.string(),
      accounts: z.array(
        z.object({
          start: storedPartialDate,
          end: storedPartialDate,
          sourceId: z.number().nullable(),
          sourceTitle: z.string().nullable(),
          preferred: z.boolean(),
          note: z.string(),
        }),
      ),
    }),
  ),
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
  attachments: z.array(attachmentSnapshot),
});

/** Version 1 (and before versions were recorded): a covered period was two whole years. */
const version1Periods = z.array(z.object({ startYear: z.number(), endYear: z.number() }));

const wholeYear = (year: number) => ({
  date: `${String(year).padStart(4, "0")}-01-01`,
  precision: "year",
  approximate: false,
});

/** Any stored law snapshot, upgraded to the current version as it is read. */
export const lawSnapshotSchema = z.preprocess((raw) => {
  if (typeof raw !== "object" || raw === null) return raw;
  const stored = raw as Record<string, unknown>;
  const version = stored.schemaVersion ?? 1;
  if (version === lawSnapshotVersion) return raw;
  // Version 2 had no files.
  const upgraded = { ...stored, schemaVersion: lawSnapshotVersion, attachments: [] };
  if (version !== 1) return upgraded;
  const periods = version1Periods.safeParse(stored.periods);
  return {
    ...upgraded,
    periods: periods.success
      ? periods.data.map((p) => ({
          note: "",
          accounts: [
            {
              start: wholeYear(p.startYear),
              end: wholeYear(p.endYear),
              sourceId: null,
              sourceTitle: null,
              preferred: true,
              note: "",
            },
          ],
        }))
      : stored.periods,
  };
}, currentShape);

export type LawSnapshot = z.output<typeof lawSnapshotSchema>;

export function parseLawSnapshot(raw: unknown): LawSnapshot {
  return lawSnapshotSchema.parse(raw);
}
