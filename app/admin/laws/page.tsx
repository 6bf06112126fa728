import type { Metadata } from "next";
import Link from "next/link";
import { ListToolbar } from "@/components/admin/list-toolbar";
import { SelectableTable, type OptionalColumn } from "@/components/admin/selectable-table";
import { buttonClass } from "@/components/ui/button";
import { single, type ListParams } from "@/lib/list-query";
import { roleHas } from "@/modules/auth/permissions";
import { listReviewers } from "@/modules/workflow/assign";
import { listJurisdictions } from "@/modules/jurisdictions/read";
import { lawStatusLabels, lawStatusOptions, lawTypeLabels, lawTypeOptions } from "@/modules/laws/labels";
import { listLaws, type LawListItem } from "@/modules/laws/list";
import type { LawSort } from "@/modules/laws/schemas";
import { listSavedViews } from "@/modules/saved-views/read";
import { workflowLabel } from "@/modules/workflow/labels";
import { pageContext } from "../guard";

export const metadata: Metadata = { title: "Laws" };

const path = "/admin/laws";
const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

/** The optional columns, in table order; the title is always shown. */
const optional = [
  { key: "jurisdiction", label: "Jurisdiction", sort: "jurisdiction", cell: (law) => law.jurisdictionCode },
  { key: "type", label: "Type", cell: (law) => lawTypeLabels[law.type] },
  { key: "status", label: "Status", sort: "status", cell: (law) => lawStatusLabels[law.status] },
  { key: "workflow", label: "Workflow", cell: (law) => workflowLabel(law.review, law.visibility) },
  { key: "assigned", label: "Assigned", cell: (law) => law.assignedTo ?? "—" },
  {
    key: "updated",
    label: "Updated",
    sort: "updated",
    cell: (law) => <time dateTime={law.updatedAt.toISOString()}>{dateFormat.format(law.updatedAt)}</time>,
    className: "whitespace-nowrap",
  },
  { key: "editor", label: "By", cell: (law) => law.lastEditor ?? "—" },
] as const satisfies readonly OptionalColumn<LawListItem, LawSort>[];
const defaults = optional.map((column) => column.key).filter((key) => key !== "type" && key !== "assigned");

export default async function LawsPage({ searchParams }: { searchParams: Promise<ListParams> }) {
  const ctx = await pageContext("admin.access", path);
  const params = await searchParams;
  const read = (key: string) => single(params[key]);
  const filters = { q: read("q"), jurisdiction: read("jurisdiction"), status: read("status"), type: read("type") };
  const [page, jurisdictions, views, reviewers] = await Promise.all([
    listLaws(ctx, { ...filters, sort: read("sort"), dir: read("dir"), after: read("after") }),
    listJurisdictions(ctx),
    listSavedViews(ctx, "laws"),
    roleHas(ctx.actor!.role, "workflow.review") ? listReviewers(ctx) : null,
  ]);
  return (
    <div className="min-w-0 space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="font-serif text-3xl">Laws</h1>
        <Link href={`${path}/new`} className={buttonClass("primary", "no-underline")}>
          New law
        </Link>
      </div>
      <ListToolbar
        action={path}
        q={filters.q}
        searchLabel="Title or number"
        keep={{ sort: read("sort"), dir: read("dir"), cols: params.cols }}
        facets={[
          {
            name: "jurisdiction",
            label: "Jurisdiction",
            value: filters.jurisdiction,
            options: jurisdictions.map((j) => ({ value: j.code, label: j.name })),
          },
          { name: "status", label: "Status", value: filters.status, options: lawStatusOptions },
          { name: "type", label: "Type", value: filters.type, options: lawTypeOptions },
        ]}
      />
      <SelectableTable
        list="laws"
        label="Laws"
        path={path}
        params={params}
        page={{ ...page, rows: page.laws }}
        optional={optional}
        defaults={defaults}
        views={views}
        reviewers={reviewers}
        empty={
          Object.values(filters).some(Boolean) ? "No law matches these filters." : "No laws yet. Create the first one."
        }
      />
    </div>
  );
}
