import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { AdminMenu } from "@/components/admin/admin-menu";
import { CommandPalette, type Destination } from "@/components/admin/command-palette";
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
        <div className="mx-auto flex max-w-screen-2xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 xl:flex-nowrap">
          <Link href="/admin" className="order-1 shrink-0 font-serif text-xl font-bold text-ink no-underline">
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
  const canImport = roleHas(actor.role, "archive.import");
  const links: Destination[] = [
    { label: "Dashboard", href: "/admin" },
    { label: "Review", href: "/admin/review" },
    { label: "Laws", href: "/admin/laws" },
    { label: "Articles", href: "/admin/articles" },
    { label: "Annotations", href: "/admin/annotations" },
    { label: "Agents", href: "/admin/agents" },
    { label: "Sources", href: "/admin/sources" },
    { label: "Figures", href: "/admin/figures" },
    { label: "Topics", href: "/admin/topics" },
    { label: "Jurisdictions", href: "/admin/jurisdictions" },
    ...(roleHas(actor.role, "users.read") ? [{ label: "Users", href: "/admin/users" }] : []),
    ...(roleHas(actor.role, "audit.read") ? [{ label: "Audit log", href: "/admin/audit" }] : []),
  ];
  const pages: Destination[] = [
    ...links,
    { label: "New law", href: "/admin/laws/new" },
    { label: "New article", href: "/admin/articles/new" },
    // Not in the header's row, which is full at 1280 px: in the account menu and here.
    ...(canImport ? [{ label: "Import", href: "/admin/import" }] : []),
    { label: "Public site", href: "/" },
  ];
  const account = (
    <details className="relative">
      <summary className="inline-flex cursor-pointer list-none items-center gap-1 whitespace-nowrap rounded border border-rule px-3 py-1 hover:border-ink [&::-webkit-details-marker]:hidden">
        <span className="max-w-[12rem] truncate font-semibold" data-testid="current-user">
          {actor.name}
        </span>
        <span aria-hidden="true">▾</span>
      </summary>
      <div className="absolute right-0 top-full z-20 mt-1 w-56 space-y-2 rounded border border-rule bg-surface p-3 shadow-lg">
        <p className="text-muted">Signed in as {actor.role}</p>
        {canImport && (
          <p>
            <Link href="/admin/import">Import</Link>
          </p>
        )}
        <p>
          <Link href="/">Public site</Link>
        </p>
        <form action={signOutAction}>
          <button type="submit" className="rounded border border-rule px-3 py-1 font-semibold hover:border-ink">
            Sign out
          </button>
        </form>
      </div>
    </details>
  );
  return (
    <>
      <AdminMenu links={links} account={account} />
      <div className="order-2 ml-auto xl:order-3">
        <CommandPalette pages={pages} />
      </div>
    </>
  );
}
