import type { Metadata } from "next";
import Link from "next/link";
import { ListToolbar } from "@/components/admin/list-toolbar";
import { buttonClass } from "@/components/ui/button";
import { roleHas } from "@/modules/auth/permissions";
import { jurisdictionKindLabels, jurisdictionKindOptions } from "@/modules/jurisdictions/labels";
import { listJurisdictions } from "@/modules/jurisdictions/read";
import { pageContext } from "../guard";

export const metadata: Metadata = { title: "Jurisdictions" };

export default async function JurisdictionsPage({
  searchParams,
}: {
  searchParams: Promise<{ q?: string; kind?: string }>;
}) {
  const ctx = await pageContext("admin.access", "/admin/jurisdictions");
  const { q, kind } = await searchParams;
  const rows = await listJurisdictions(ctx, { q, kind });
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="font-serif text-3xl">Jurisdictions</h1>
        {roleHas(ctx.actor.role, "vocabulary.manage") && (
          <Link href="/admin/jurisdictions/new" className={buttonClass("primary", "no-underline")}>
            New jurisdiction
          </Link>
        )}
      </div>
      <ListToolbar
        action="/admin/jurisdictions"
        q={q}
        searchLabel="Code or name"
        facets={[{ name: "kind", label: "Kind", value: kind, options: jurisdictionKindOptions }]}
      />
      {rows.length === 0 ? (
        <p className="rounded border border-dashed border-rule p-6 text-center text-muted">
          {q || kind ? "Nothing matches these filters." : "No jurisdictions yet."}
        </p>
      ) : (
        <table className="w-full overflow-hidden rounded-lg border border-rule bg-surface text-left text-sm">
          <thead className="border-b border-rule bg-surface-muted text-xs uppercase tracking-wide text-muted">
            <tr>
              <th scope="col" className="px-4 py-2">
                Code
              </th>
              <th scope="col" className="px-4 py-2">
                Name
              </th>
              <th scope="col" className="hidden px-4 py-2 sm:table-cell">
                Kind
              </th>
              <th scope="col" className="hidden px-4 py-2 sm:table-cell">
                Years
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((j) => (
              <tr key={j.code} className="border-b border-rule last:border-0">
                <td className="px-4 py-2 font-mono">{j.code}</td>
                <td className="px-4 py-2">
                  <Link href={`/admin/jurisdictions/${j.code}`}>{j.name}</Link>
                </td>
                <td className="hidden px-4 py-2 sm:table-cell">{jurisdictionKindLabels[j.kind]}</td>
                <td className="hidden px-4 py-2 text-muted sm:table-cell">
                  {j.startYear ?? "…"}–{j.endYear ?? ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
