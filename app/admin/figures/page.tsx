import type { Metadata } from "next";
import Link from "next/link";
import { ListToolbar } from "@/components/admin/list-toolbar";
import { Pagination } from "@/components/admin/pagination";
import { buttonClass } from "@/components/ui/button";
import { roleHas } from "@/modules/auth/permissions";
import { listFigures } from "@/modules/figures/list";
import { listJurisdictions } from "@/modules/jurisdictions/read";
import { pageContext } from "../guard";
import { FigureSummary } from "./figure-summary";

export const metadata: Metadata = { title: "Figures" };

type Search = { q?: string; jurisdiction?: string; sort?: string; after?: string };

export default async function FiguresPage({ searchParams }: { searchParams: Promise<Search> }) {
  const ctx = await pageContext("admin.access", "/admin/figures");
  const params = await searchParams;
  const [page, jurisdictions] = await Promise.all([listFigures(ctx, params), listJurisdictions(ctx)]);
  const filtered = Boolean(params.q || params.jurisdiction);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="font-serif text-3xl">Figures</h1>
        {roleHas(ctx.actor.role, "content.write") && (
          <Link href="/admin/figures/new" className={buttonClass("primary", "no-underline")}>
            New figure
          </Link>
        )}
      </div>
      <p className="max-w-3xl text-sm text-muted">
        Sourced numbers with their date, such as the people acquitted in Uzbekistan. Where sources disagree, every
        account is kept and shown.
      </p>
      <ListToolbar
        action="/admin/figures"
        q={params.q}
        searchLabel="What is counted"
        facets={[
          {
            name: "jurisdiction",
            label: "Jurisdiction",
            value: params.jurisdiction,
            options: jurisdictions.map((j) => ({ value: j.code, label: j.name })),
          },
        ]}
        sort={{
          name: "sort",
          label: "Sort",
          value: params.sort,
          options: [
            { value: "updated", label: "Recently changed" },
            { value: "label", label: "Label A–Z" },
          ],
        }}
      />
      {page.figures.length === 0 ? (
        <p className="rounded border border-dashed border-rule p-6 text-center text-muted">
          {filtered ? "No figure matches these filters." : params.after ? "No more figures." : "No figures yet."}
        </p>
      ) : (
        <ul className="divide-y divide-rule rounded-lg border border-rule bg-surface">
          {page.figures.map((figure) => (
            <li key={figure.id} className="space-y-1 px-4 py-3" data-testid="figure-row">
              <p>
                <Link href={`/admin/figures/${figure.id}`} className="font-serif text-lg">
                  {figure.label}
                </Link>
                {figure.jurisdictionName && <span className="ml-2 text-sm text-muted">{figure.jurisdictionName}</span>}
              </p>
              <FigureSummary figure={figure} />
            </li>
          ))}
        </ul>
      )}
      <Pagination path="/admin/figures" params={params} next={page.nextAfter} isFirst={!params.after} />
    </div>
  );
}
