import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeleteButton } from "@/components/admin/delete-button";
import { NotFoundError } from "@/lib/errors";
import { getJurisdiction, listJurisdictions } from "@/modules/jurisdictions/read";
import { pageContext } from "../../guard";
import { deleteJurisdictionAction } from "../actions";
import { JurisdictionForm } from "../jurisdiction-form";

export const metadata: Metadata = { title: "Jurisdiction" };

export default async function JurisdictionPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const ctx = await pageContext("vocabulary.manage", `/admin/jurisdictions/${code}`);
  const [jurisdiction, all] = await Promise.all([
    getJurisdiction(ctx, code).catch((error: unknown) => {
      if (error instanceof NotFoundError) notFound();
      throw error;
    }),
    listJurisdictions(ctx),
  ]);
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/admin/jurisdictions">← Jurisdictions</Link>
      </p>
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="font-serif text-3xl">{jurisdiction.name}</h1>
        <DeleteButton
          action={deleteJurisdictionAction}
          id={jurisdiction.code}
          what={jurisdiction.name}
          afterDelete="/admin/jurisdictions"
        />
      </div>
      <JurisdictionForm jurisdiction={jurisdiction} others={all.filter((j) => j.code !== jurisdiction.code)} />
    </div>
  );
}
