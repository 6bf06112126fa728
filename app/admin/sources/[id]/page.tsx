import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeleteButton } from "@/components/admin/delete-button";
import { AttachmentsSection } from "@/components/attachments/attachments-section";
import { NotFoundError } from "@/lib/errors";
import { roleHas } from "@/modules/auth/permissions";
import { getSource } from "@/modules/sources/read";
import { latestToday } from "@/lib/validation";
import { pageContext } from "../../guard";
import { deleteSourceAction } from "../actions";
import { CapturesSection } from "../captures-section";
import { SourceForm } from "../source-form";

export const metadata: Metadata = { title: "Source" };

export default async function SourcePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await pageContext("content.write", `/admin/sources/${id}`);
  const source = await getSource(ctx, id).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const canDelete = source.createdById === ctx.actor.id || roleHas(ctx.actor.role, "content.delete.any");
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/admin/sources">← Sources</Link>
      </p>
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="font-serif text-3xl">{source.title}</h1>
        {canDelete && (
          <DeleteButton action={deleteSourceAction} id={source.id} what="this source" afterDelete="/admin/sources" />
        )}
      </div>
      <SourceForm source={source} today={latestToday()} />
      <AttachmentsSection owner={{ type: "source", id: source.id }} />
      <CapturesSection sourceId={source.id} url={source.url} />
    </div>
  );
}
