import type { Metadata } from "next";
import Link from "next/link";
import { roleHas } from "@/modules/auth/permissions";
import { listJurisdictions } from "@/modules/jurisdictions/read";
import { pageContext } from "../../guard";
import { LawForm } from "../law-form";

export const metadata: Metadata = { title: "New law" };

export default async function NewLawPage() {
  const ctx = await pageContext("content.write", "/admin/laws/new");
  const jurisdictions = await listJurisdictions(ctx);
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/admin/laws">← Laws</Link>
      </p>
      <h1 className="font-serif text-3xl">New law</h1>
      <LawForm
        jurisdictions={jurisdictions.map((j) => ({ value: j.code, label: `${j.name} (${j.code})` }))}
        canCreateTopics={roleHas(ctx.actor.role, "vocabulary.manage")}
      />
    </div>
  );
}
