import type { z } from "zod";
import type { ContentType } from "@/db/schema/vocabulary";
import { agentSnapshotSchema, agentSnapshotVersion } from "@/modules/agents/snapshot-schema";
import { annotationSnapshotSchema, annotationSnapshotVersion } from "@/modules/annotations/snapshot-schema";
import { articleSnapshotSchema, articleSnapshotVersion } from "@/modules/articles/snapshot-schema";
import { lawSnapshotSchema, lawSnapshotVersion } from "@/modules/laws/snapshot-schema";
import type { Snapshot } from "./revise";

/** Each type's snapshot schema and the version new revisions are written in. */
export const snapshotShapes = {
  law: { version: lawSnapshotVersion, schema: lawSnapshotSchema },
  article: { version: articleSnapshotVersion, schema: articleSnapshotSchema },
  agent: { version: agentSnapshotVersion, schema: agentSnapshotSchema },
  annotation: { version: annotationSnapshotVersion, schema: annotationSnapshotSchema },
} satisfies Record<ContentType, { version: number; schema: z.ZodType<Snapshot> }>;

/** A stored snapshot of a type known only at run time (the history's diff, publishing), parsed. */
export function parseSnapshot(type: ContentType, raw: unknown): Snapshot {
  return snapshotShapes[type].schema.parse(raw);
}
