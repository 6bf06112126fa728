import Link from "next/link";
import { Suspense } from "react";
import { requestContext } from "@/modules/auth/session";
import { lawStatusLabels } from "@/modules/laws/labels";
import { listLawRelations } from "@/modules/laws/relations";
import { NewRelation, RemoveRelation } from "./relations/relation-form";

const headingId = "relations-heading";

/** The laws this law amends, repeals, implements, cites or compares to, and those that do so to it. */
export async function LawRelationsSection({
  lawId,
  jurisdictions,
}: {
  lawId: number;
  /** For a law created from the picker. */
  jurisdictions: { value: string; label: string }[];
}) {
  return (
    <section aria-labelledby={headingId} className="space-y-4 border-t border-rule pt-8">
      <h2 id={headingId} tabIndex={-1} className="font-serif text-2xl">
        Related laws
      </h2>
      <Suspense fallback={<p className="text-sm text-muted">Loading the related laws…</p>}>
        <RelationList lawId={lawId} />
      </Suspense>
      <NewRelation lawId={lawId} jurisdictions={jurisdictions} />
    </section>
  );
}

async function RelationList({ lawId }: { lawId: number }) {
  const { outgoing, incoming } = await listLawRelations(await requestContext(), lawId);
  const relations = [...outgoing, ...incoming];
  if (relations.length === 0) {
    return <p className="text-muted">No related laws yet. Record what this law amends, repeals or resembles below.</p>;
  }
  return (
    <ul className="divide-y divide-rule rounded-lg border border-rule bg-surface">
      {relations.map((relation) => (
        <li
          key={`${relation.direction}-${relation.id}`}
          className="flex flex-wrap items-start justify-between gap-2 px-4 py-3"
          data-testid="law-relation"
        >
          <div>
            <p>
              <span className="font-semibold">{relation.label}</span>{" "}
              <Link href={`/admin/laws/${relation.other.id}`}>{relation.other.title}</Link>{" "}
              <span className="text-sm text-muted">
                {relation.other.jurisdictionCode} · {lawStatusLabels[relation.other.status]}
              </span>
            </p>
            {relation.note && <p className="mt-0.5 text-sm">{relation.note}</p>}
          </div>
          <RemoveRelation
            id={relation.id}
            name={`${relation.label} ${relation.other.title}`}
            returnFocusTo={headingId}
          />
        </li>
      ))}
    </ul>
  );
}
