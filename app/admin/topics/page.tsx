import type { Metadata } from "next";
import Link from "next/link";
import { ListToolbar } from "@/components/admin/list-toolbar";
import { buttonClass } from "@/components/ui/button";
import { roleHas } from "@/modules/auth/permissions";
import { listTopics } from "@/modules/topics/read";
import { pageContext } from "../guard";

export const metadata: Metadata = { title: "Topics" };

export default async function TopicsPage({ searchParams }: { searchParams: Promise<{ q?: string; page?: string }> }) {
  const ctx = await pageContext("admin.access", "/admin/topics");
  const { q, page } = await searchParams;
  const list = await listTopics(ctx, { q, page });
  const canManage = roleHas(ctx.actor.role, "vocabulary.manage");
  const pageHref = (n: number) => `/admin/topics?${new URLSearchParams({ ...(q ? { q } : {}), page: String(n) })}`;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="font-serif text-3xl">Topics</h1>
        {canManage && (
          <Link href="/admin/topics/new" className={buttonClass("primary", "no-underline")}>
            New topic
          </Link>
        )}
      </div>
      <ListToolbar action="/admin/topics" q={q} searchLabel="Name or slug" />
      {list.rows.length === 0 ? (
        <p className="rounded border border-dashed border-rule p-6 text-center text-muted">
          {q ? "No topic matches this filter." : "No topics yet."}
        </p>
      ) : (
        <ul aria-label="Topics, broader ones first" className="rounded-lg border border-rule bg-surface text-sm">
          {list.rows.map((t) => (
            <li
              key={t.id}
              className="flex flex-wrap items-baseline gap-x-3 border-b border-rule px-4 py-2 last:border-0"
              style={{ paddingLeft: `${1 + t.depth * 1.5}rem` }}
            >
              {t.depth > 0 && (
                <span aria-hidden="true" className="text-muted">
                  └
                </span>
              )}
              <span className={t.match ? "font-semibold" : "text-muted"}>
                {canManage ? <Link href={`/admin/topics/${t.id}`}>{t.name}</Link> : t.name}
              </span>
              <span className="font-mono text-xs text-muted">{t.slug}</span>
              {t.description && <span className="basis-full text-muted sm:basis-auto">{t.description}</span>}
            </li>
          ))}
        </ul>
      )}
      {list.pageCount > 1 && (
        <nav aria-label="Pages" className="flex gap-6 text-sm font-semibold">
          {list.page > 1 && <Link href={pageHref(list.page - 1)}>← Previous page</Link>}
          <span className="font-normal text-muted">
            Page {list.page} of {list.pageCount}
          </span>
          {list.page < list.pageCount && <Link href={pageHref(list.page + 1)}>Next page →</Link>}
        </nav>
      )}
    </div>
  );
}
