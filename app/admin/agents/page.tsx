import type { Metadata } from "next";
import Link from "next/link";
import { ListToolbar } from "@/components/admin/list-toolbar";
import { Pagination } from "@/components/admin/pagination";
import { buttonClass } from "@/components/ui/button";
import { agentKindLabels, agentKindOptions, agentSortOptions } from "@/modules/agents/labels";
import { listAgents } from "@/modules/agents/list";
import { roleHas } from "@/modules/auth/permissions";
import { pageContext } from "../guard";

export const metadata: Metadata = { title: "Agents" };

type Params = { q?: string; kind?: string; sort?: string; after?: string };

export default async function AgentsPage({ searchParams }: { searchParams: Promise<Params> }) {
  const ctx = await pageContext("admin.access", "/admin/agents");
  const { q, kind, sort, after } = await searchParams;
  const page = await listAgents(ctx, { q, kind, sort, after });
  const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });
  const filtered = Boolean(q || kind);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="font-serif text-3xl">Agents</h1>
        {roleHas(ctx.actor.role, "content.write") && (
          <Link href="/admin/agents/new" className={buttonClass("primary", "no-underline")}>
            New agent
          </Link>
        )}
      </div>
      <p className="max-w-3xl text-sm text-muted">
        People and organizations: authors, legislatures, heads of state, media outlets, publishers. The filter searches
        every name and spelling (Japarov finds Жапаров), and forgives small typos.
      </p>
      <ListToolbar
        action="/admin/agents"
        q={q}
        searchLabel="Any name or spelling"
        facets={[{ name: "kind", label: "Kind", value: kind, options: agentKindOptions }]}
        sort={{ name: "sort", label: "Sort", value: sort, options: agentSortOptions }}
      />
      {page.rows.length === 0 ? (
        <p className="rounded border border-dashed border-rule p-6 text-center text-muted">
          {filtered ? "No agent matches these filters." : after ? "No more agents." : "No agents yet."}
        </p>
      ) : (
        <table className="w-full overflow-hidden rounded-lg border border-rule bg-surface text-left text-sm">
          <thead className="border-b border-rule bg-surface-muted text-xs uppercase tracking-wide text-muted">
            <tr>
              <th scope="col" className="px-4 py-2">
                Name
              </th>
              <th scope="col" className="hidden px-4 py-2 md:table-cell">
                Other names
              </th>
              <th scope="col" className="hidden px-4 py-2 sm:table-cell">
                Kind
              </th>
              <th scope="col" className="hidden px-4 py-2 sm:table-cell">
                Updated
              </th>
            </tr>
          </thead>
          <tbody>
            {page.rows.map((agent) => (
              <tr key={agent.id} className="border-b border-rule last:border-0">
                <td className="px-4 py-2">
                  <Link href={`/admin/agents/${agent.id}`}>{agent.preferredName}</Link>
                  <span className="block text-muted sm:hidden">{agentKindLabels[agent.kind]}</span>
                </td>
                <td className="hidden px-4 py-2 text-muted md:table-cell" dir="auto">
                  {agent.otherNames.slice(0, 3).join(" · ")}
                  {agent.otherNames.length > 3 && ` · +${agent.otherNames.length - 3}`}
                </td>
                <td className="hidden px-4 py-2 sm:table-cell">{agentKindLabels[agent.kind]}</td>
                <td className="hidden whitespace-nowrap px-4 py-2 text-muted sm:table-cell">
                  {dateFormat.format(agent.updatedAt)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination path="/admin/agents" params={{ q, kind, sort }} next={page.nextAfter} isFirst={!after} />
    </div>
  );
}
