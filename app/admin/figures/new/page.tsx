import type { Metadata } from "next";
import Link from "next/link";
import { listJurisdictions } from "@/modules/jurisdictions/read";
import { pageContext } from "../../guard";
import { FigureForm } from "../figure-form";

export const metadata: Metadata = { title: "New figure" };

export default async function NewFigurePage() {
  const ctx = await pageContext("content.write", "/admin/figures/new");
  const jurisdictions = await listJurisdictions(ctx);
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/admin/figures">← Figures</Link>
      </p>
      <h1 className="font-serif text-3xl">New figure</h1>
      <FigureForm jurisdictions={jurisdictions.map(({ code, name }) => ({ code, name }))} />
    </div>
  );
}
