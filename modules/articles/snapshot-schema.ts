import { z } from "zod";
import { articleKinds } from "@/db/schema/vocabulary";
import { storedPartialDate } from "@/lib/partial-date";
import { attachmentSnapshot } from "@/modules/attachments/snapshot-schema";

/**
 * An article revision's snapshot as stored. Revisions are immutable and hashed as stored, so a
 * change of this shape is a new version: keep the old schema, upgrade it to the new one in the
 * parser, and add tests/fixtures/snapshots/article-v<N>.json. Snapshots written before versions
 * were recorded have no schemaVersion; their shape is version 1's. Version 2: the files attached
 * to the article.
 */
export const articleSnapshotVersion = 2 as const;

const named = z.object({ id: z.number(), name: z.string() });

const currentShape = z.object({
  schemaVersion: z.literal(articleSnapshotVersion),
  slug: z.string(),
  kind: z.enum(articleKinds),
  title: z.string(),
  body: z.string(),
  lang: z.string(),
  originalDate: storedPartialDate.nullable(),
  originalUrl: z.string(),
  authors: z.array(named),
  publisher: named.nullable(),
  creditedAgent: named.nullable(),
  laws: z.array(z.object({ id: z.number(), title: z.string(), jurisdictionCode: z.string() })),
  topics: z.array(named),
  jurisdictions: z.array(z.object({ code: z.string(), name: z.string() })),
  sources: z.array(z.object({ id: z.number(), title: z.string() })),
  attachments: z.array(attachmentSnapshot),
});

/** Any stored article snapshot, upgraded to the current version as it is read: version 1 had no files. */
export const articleSnapshotSchema = z.preprocess((raw) => {
  if (typeof raw !== "object" || raw === null) return raw;
  const stored = raw as Record<string, unknown>;
  if ((stored.schemaVersion ?? 1) !== 1) return raw;
  return { ...stored, schemaVersion: articleSnapshotVersion, attachments: [] };
}, currentShape);

export type ArticleSnapshot = z.output<typeof articleSnapshotSchema>;

export function parseArticleSnapshot(raw: unknown): ArticleSnapshot {
  return articleSnapshotSchema.parse(raw);
}
