import type { Metadata } from "next";
import Link from "next/link";
import { workflowLabel } from "@/modules/workflow/labels";
import { ListToolbar } from "@/components/admin/list-toolbar";
import { Pagination } from "@/components/admin/pagination";
import { buttonClass } from "@/components/ui/button";
import { listJurisdictions } from "@/modules/jurisdictions/read";
import { lawStatusLabels, lawStatusOptions, lawTypeLabels, lawTypeOptions } from "@/modules/laws/labels";
import { listLaws } from "@/modules/laws/list";
import { pageContext } from "../guard";

export const metadata: Metadata = { title: "Laws" };

type Search = { q?: string; jurisdiction?: string; status?: string; type?: string; sort?: string; after?: string };

export default async function LawsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const ctx = await pageContext("admin.access", "/admin/laws");
  const params = await searchParams;
  const [page, jurisdictions] = await Promise.all([listLaws(ctx, params), listJurisdictions(ctx)]);
  const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });
  const filtered = Boolean(params.q || params.jurisdiction || params.status || params.type);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="font-serif text-3xl">Laws</h1>
        <Link href="/admin/laws/new" className={buttonClass("primary", "no-underline")}>
          New law
        </Link>
      </div>
      <ListToolbar
        action="/admin/laws"
        q={params.q}
        searchLabel="Title or number"
        facets={[
          {
            name: "jurisdiction",
            label: "Jurisdiction",
            value: params.jurisdiction,
            options: jurisdictions.map((j) => ({ value: j.code, label: j.name })),
          },
          { name: "status", label: "Status", value: params.status, options: lawStatusOptions },
          { name: "type", label: "Type", value: params.type, options: lawTypeOptions },
        ]}
        sort={{
          name: "sort",
          label: "Sort",
          value: params.sort,
          options: [
            { value: "updated", label: "Recently changed" },
            { value: "title", label: "Title A–Z" },
          ],
        }}
      />
      {page.laws.length === 0 ? (
        <p className="rounded border border-dashed border-rule p-6 text-center text-muted">
          {filtered ? "No law matches these filters." : "No laws yet. Create the first one."}
        </p>
      ) : (
        <ul className="divide-y divide-rule rounded-lg border border-rule bg-surface">
          {page.laws.map((law) => (
            <li key={law.id} className="px-4 py-3">
              <Link href={`/admin/laws/${law.id}`} className="font-serif text-lg">
                {law.title}
              </Link>
              <p className="mt-0.5 text-sm text-muted">
                {law.jurisdictionCode} · {lawTypeLabels[law.type]} · {lawStatusLabels[law.status]} ·{" "}
                {workflowLabel(law.review, law.visibility)} · changed {dateFormat.format(law.updatedAt)}
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pagination path="/admin/laws" params={params} next={page.nextAfter} isFirst={!params.after} />
    </div>
  );
}
