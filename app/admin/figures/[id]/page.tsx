import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeleteButton } from "@/components/admin/delete-button";
import { NotFoundError } from "@/lib/errors";
import { parseRecordId, requestId } from "@/lib/validation";
import { roleHas } from "@/modules/auth/permissions";
import { getFigure } from "@/modules/figures/read";
import { listJurisdictions } from "@/modules/jurisdictions/read";
import { pageContext } from "../../guard";
import { deleteFigureAction } from "../actions";
import { FigureApproval } from "../figure-approval";
import { FigureForm } from "../figure-form";
import { FigureSummary } from "../figure-summary";

export const metadata: Metadata = { title: "Figure" };

export default async function FigurePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await pageContext("admin.access", `/admin/figures/${id}`);
  if (parseRecordId(id) === null) notFound();
  const [figure, jurisdictions] = await Promise.all([
    getFigure(ctx, requestId(id)).catch((error: unknown) => {
      if (error instanceof NotFoundError) notFound();
      throw error;
    }),
    listJurisdictions(ctx),
  ]);
  // The domain decides again on delete; this only spares a button that would be refused.
  const canDelete =
    roleHas(ctx.actor.role, "content.write") &&
    (figure.createdById === ctx.actor.id || roleHas(ctx.actor.role, "content.delete.any"));
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/admin/figures">← Figures</Link>
      </p>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="max-w-3xl space-y-1">
          <h1 className="font-serif text-3xl">{figure.label}</h1>
          <FigureSummary figure={figure} />
          <FigureApproval
            id={figure.id}
            seenAt={figure.updatedAt.toISOString()}
            approvedAt={figure.approvedAt}
            approvedByName={figure.approvedByName}
            canApprove={roleHas(ctx.actor.role, "workflow.review") && figure.editedById !== ctx.actor.id}
          />
        </div>
        {canDelete && (
          <DeleteButton action={deleteFigureAction} id={figure.id} what="this figure" afterDelete="/admin/figures" />
        )}
      </div>
      <FigureForm figure={figure} jurisdictions={jurisdictions.map(({ code, name }) => ({ code, name }))} />
    </div>
  );
}
