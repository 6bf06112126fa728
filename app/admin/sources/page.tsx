import type { Metadata } from "next";
import Link from "next/link";
import { ListToolbar } from "@/components/admin/list-toolbar";
import { Pagination } from "@/components/admin/pagination";
import { buttonClass } from "@/components/ui/button";
import { listSources } from "@/modules/sources/read";
import { pageContext } from "../guard";

export const metadata: Metadata = { title: "Sources" };

type Params = { q?: string; archived?: string; mine?: string; sort?: string; after?: string };

export default async function SourcesPage({ searchParams }: { searchParams: Promise<Params> }) {
  const ctx = await pageContext("admin.access", "/admin/sources");
  const params = await searchParams;
  const { sources, nextAfter } = await listSources(ctx, { ...params });
  const filtered = Boolean(params.q || params.archived || params.mine);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="font-serif text-3xl">Sources</h1>
        <Link href="/admin/sources/new" className={buttonClass("primary", "no-underline")}>
          New source
        </Link>
      </div>
      <ListToolbar
        action="/admin/sources"
        q={params.q}
        searchLabel="Title or address"
        facets={[
          {
            name: "archived",
            label: "Archived copy",
            value: params.archived,
            options: [
              { value: "yes", label: "Has one" },
              { value: "no", label: "Missing" },
            ],
          },
          { name: "mine", label: "Added by", value: params.mine, options: [{ value: "yes", label: "Me" }] },
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
      {sources.length === 0 ? (
        <p className="rounded border border-dashed border-rule p-6 text-center text-muted">
          {filtered ? "No source matches these filters." : params.after ? "No more sources." : "No sources yet."}
        </p>
      ) : (
        <table className="w-full overflow-hidden rounded-lg border border-rule bg-surface text-left text-sm">
          <thead className="border-b border-rule bg-surface-muted text-xs uppercase tracking-wide text-muted">
            <tr>
              <th scope="col" className="px-4 py-2">
                Title
              </th>
              <th scope="col" className="hidden px-4 py-2 md:table-cell">
                Publisher
              </th>
              <th scope="col" className="hidden px-4 py-2 sm:table-cell">
                Accessed
              </th>
              <th scope="col" className="hidden px-4 py-2 sm:table-cell">
                Changed
              </th>
            </tr>
          </thead>
          <tbody>
            {sources.map((s) => (
              <tr key={s.id} className="border-b border-rule last:border-0 align-top">
                <td className="px-4 py-2">
                  <Link href={`/admin/sources/${s.id}`}>{s.title}</Link>
                  {s.url && <span className="block max-w-md truncate text-xs text-muted">{s.url}</span>}
                </td>
                <td className="hidden px-4 py-2 md:table-cell">{s.publisherName ?? ""}</td>
                <td className="hidden px-4 py-2 text-muted sm:table-cell">{s.accessedOn ?? ""}</td>
                <td className="hidden px-4 py-2 text-muted sm:table-cell">
                  <time dateTime={s.updatedAt.toISOString()}>{s.updatedAt.toISOString().slice(0, 10)}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination path="/admin/sources" params={{ ...params }} next={nextAfter} isFirst={!params.after} />
    </div>
  );
}
