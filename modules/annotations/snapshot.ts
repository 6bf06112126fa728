import type { Db, Tx } from "@/db";
import { NotFoundError } from "@/lib/errors";
import { readAnnotation } from "./read";
import { annotationSnapshotVersion, type AnnotationSnapshot } from "./snapshot-schema";
import { annotationTitle } from "./title";

export type { AnnotationSnapshot } from "./snapshot-schema";

/**
 * Everything an editor can change about an annotation, as one revision records it. Its address is
 * its id (annotations have no slug), and its title names the passage, for lists and the audit log.
 */
export async function annotationSnapshot(db: Db | Tx, id: number) {
  const found = await readAnnotation(db, id);
  if (!found) throw new NotFoundError("No such annotation.");
  const { id: _id, createdById: _by, createdAt: _created, updatedAt: _updated, ...fields } = found;
  return {
    schemaVersion: annotationSnapshotVersion,
    ...fields,
    slug: String(id),
    title: annotationTitle({ kind: fields.kind, exact: fields.passage.exact, targetTitle: null }),
  } satisfies AnnotationSnapshot;
}
