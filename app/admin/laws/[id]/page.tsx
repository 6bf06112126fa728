import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeleteButton } from "@/components/admin/delete-button";
import { EditLayout } from "@/components/admin/edit-layout";
import { NotFoundError } from "@/lib/errors";
import { parseRecordId, requestId } from "@/lib/validation";
import { roleHas } from "@/modules/auth/permissions";
import { listJurisdictions } from "@/modules/jurisdictions/read";
import { getLaw } from "@/modules/laws/read";
import { listLawTextVersions } from "@/modules/laws/texts";
import { AttachmentsSection } from "@/components/attachments/attachments-section";
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
import { describeTextVersion } from "./texts/describe";
import { LawTimelineSection } from "./timeline-section";

export const metadata: Metadata = { title: "Law" };

export default async function LawPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await pageContext("admin.access", `/admin/laws/${id}`);
  if (parseRecordId(id) === null) notFound();
  const [law, jurisdictions, status, texts] = await Promise.all([
    getLaw(ctx, requestId(id)).catch((error: unknown) => {
      if (error instanceof NotFoundError) notFound();
      throw error;
    }),
    listJurisdictions(ctx),
    editorialStatus(ctx, "law", requestId(id)).catch((error: unknown) => {
      if (error instanceof NotFoundError) notFound();
      throw error;
    }),
    listLawTextVersions(ctx, requestId(id)).catch((error: unknown) => {
      if (error instanceof NotFoundError) notFound();
      throw error;
    }),
  ]);
  const jurisdictionOptions = jurisdictions.map((j) => ({ value: j.code, label: `${j.name} (${j.code})` }));
  return (
    <EditLayout
      header={
        <>
          <p className="text-sm">
            <Link href="/admin/laws">← Laws</Link>
          </p>
          <h1 className="max-w-3xl font-serif text-3xl">{law.title}</h1>
        </>
      }
      parts={[
        { id: "details-heading", label: "Details" },
        { id: "periods-heading", label: "Periods covered" },
        { id: "timeline-heading", label: "Timeline" },
        { id: "texts-heading", label: "Texts" },
        { id: "documents-heading", label: "Documents" },
        { id: "relations-heading", label: "Relations" },
      ]}
      sidebar={
        <WorkflowPanel
          type="law"
          id={law.id}
          previewHref={`/api/preview?type=law&id=${law.id}`}
          publicHref={status.visibility === "live" ? publicLawPath(law) : undefined}
          removal={
            status.liveRevisionId === null && (
              <DeleteButton action={deleteLawAction} id={law.id} what="this law" afterDelete="/admin/laws" />
            )
          }
        />
      }
    >
      <BaseRevisionProvider revision={status.workingRevisionId}>
        <section aria-labelledby="details-heading" className="space-y-4">
          <h2 id="details-heading" className="font-serif text-2xl">
            Details
          </h2>
          <LawForm
            law={law}
            jurisdictions={jurisdictionOptions}
            canCreateTopics={roleHas(ctx.actor.role, "vocabulary.manage")}
          />
        </section>
        <LawPeriodsSection lawId={law.id} />
        <LawTimelineSection lawId={law.id} />
        <LawTextsSection lawId={law.id} />
        <AttachmentsSection
          owner={{ type: "law", id: law.id }}
          texts={texts.map((text) => ({ id: text.id, label: describeTextVersion(text) }))}
        />
        <LawRelationsSection lawId={law.id} jurisdictions={jurisdictionOptions} />
      </BaseRevisionProvider>
    </EditLayout>
  );
}
