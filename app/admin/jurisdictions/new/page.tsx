import type { Metadata } from "next";
import Link from "next/link";
import { listJurisdictions } from "@/modules/jurisdictions/read";
import { pageContext } from "../../guard";
import { JurisdictionForm } from "../jurisdiction-form";

export const metadata: Metadata = { title: "New jurisdiction" };

export default async function NewJurisdictionPage() {
  const ctx = await pageContext("vocabulary.manage", "/admin/jurisdictions/new");
  const all = await listJurisdictions(ctx);
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/admin/jurisdictions">← Jurisdictions</Link>
      </p>
      <h1 className="font-serif text-3xl">New jurisdiction</h1>
      <JurisdictionForm others={all} />
    </div>
  );
}
