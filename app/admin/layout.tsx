import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { PageLoading } from "@/components/ui/loading";
import { roleHas } from "@/modules/auth/permissions";
import { requestContext } from "@/modules/auth/session";
import { signOutAction } from "./sign-out";

export const metadata: Metadata = {
  title: { default: "Admin", template: "%s · Admin · Marginalia" },
  robots: { index: false },
};

export default function AdminLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="min-h-screen bg-surface-muted">
      <header className="border-b border-rule bg-surface">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/admin" className="font-serif text-xl font-bold text-ink no-underline">
            Marginalia <span className="font-sans text-sm font-normal text-muted">admin</span>
          </Link>
          <Suspense fallback={null}>
            <AdminNav />
          </Suspense>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-8 focus:outline-none">
        <Suspense fallback={<PageLoading />}>{children}</Suspense>
      </main>
    </div>
  );
}

async function AdminNav() {
  const { actor } = await requestContext();
  if (!actor) return null;
  return (
    <>
      <nav aria-label="Admin" className="flex flex-wrap gap-x-4 gap-y-1 text-sm font-semibold">
        <Link href="/admin">Dashboard</Link>
        <Link href="/admin/review">Review</Link>
        <Link href="/admin/laws">Laws</Link>
        <Link href="/admin/articles">Articles</Link>
        <Link href="/admin/annotations">Annotations</Link>
        <Link href="/admin/agents">Agents</Link>
        <Link href="/admin/sources">Sources</Link>
        <Link href="/admin/figures">Figures</Link>
        <Link href="/admin/topics">Topics</Link>
        <Link href="/admin/jurisdictions">Jurisdictions</Link>
        {roleHas(actor.role, "users.read") && <Link href="/admin/users">Users</Link>}
        {roleHas(actor.role, "audit.read") && <Link href="/admin/audit">Audit log</Link>}
        <Link href="/">Public site</Link>
      </nav>
      <div className="ml-auto flex items-center gap-3 text-sm">
        <span>
          <span className="font-semibold" data-testid="current-user">
            {actor.name}
          </span>{" "}
          <span className="text-muted">({actor.role})</span>
        </span>
        <form action={signOutAction}>
          <button type="submit" className="rounded border border-rule px-3 py-1 font-semibold hover:border-ink">
            Sign out
          </button>
        </form>
      </div>
    </>
  );
}
