import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeleteButton } from "@/components/admin/delete-button";
import { NotFoundError } from "@/lib/errors";
import { parseRecordId, requestId } from "@/lib/validation";
import { roleHas } from "@/modules/auth/permissions";
import { listJurisdictions } from "@/modules/jurisdictions/read";
import { getLaw } from "@/modules/laws/read";
import { publicLawPath } from "@/modules/public/law-view";
import { editorialStatus } from "@/modules/workflow/status";
import { BaseRevisionProvider } from "@/components/admin/base-revision";
import { WorkflowPanel } from "../../workflow/workflow-panel";
import { pageContext } from "../../guard";
import { deleteLawAction } from "../actions";
import { LawForm } from "../law-form";
import { LawPeriodsSection } from "./periods-section";
import { LawRelationsSection } from "./relations-section";
import { LawTextsSection } from "./texts-section";
import { LawTimelineSection } from "./timeline-section";

export const metadata: Metadata = { title: "Law" };

export default async function LawPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await pageContext("admin.access", `/admin/laws/${id}`);
  if (parseRecordId(id) === null) notFound();
  const [law, jurisdictions, status] = await Promise.all([
    getLaw(ctx, requestId(id)).catch((error: unknown) => {
      if (error instanceof NotFoundError) notFound();
      throw error;
    }),
    listJurisdictions(ctx),
    editorialStatus(ctx, "law", requestId(id)).catch((error: unknown) => {
      if (error instanceof NotFoundError) notFound();
      throw error;
    }),
  ]);
  const jurisdictionOptions = jurisdictions.map((j) => ({ value: j.code, label: `${j.name} (${j.code})` }));
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/admin/laws">← Laws</Link>
      </p>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <h1 className="max-w-3xl font-serif text-3xl">{law.title}</h1>
        {status.liveRevisionId === null && (
          <DeleteButton action={deleteLawAction} id={law.id} what="this law" afterDelete="/admin/laws" />
        )}
      </div>
      <WorkflowPanel
        type="law"
        id={law.id}
        previewHref={`/api/preview?type=law&id=${law.id}`}
        publicHref={status.visibility === "live" ? publicLawPath(law) : undefined}
      />
      <BaseRevisionProvider revision={status.workingRevisionId}>
        <LawForm
          law={law}
          jurisdictions={jurisdictionOptions}
          canCreateTopics={roleHas(ctx.actor.role, "vocabulary.manage")}
        />
        <LawPeriodsSection lawId={law.id} />
        <LawTimelineSection lawId={law.id} />
        <LawTextsSection lawId={law.id} />
        <LawRelationsSection lawId={law.id} jurisdictions={jurisdictionOptions} />
      </BaseRevisionProvider>
    </div>
  );
}
