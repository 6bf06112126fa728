import type { Metadata } from "next";
import Link from "next/link";
import { roleHas } from "@/modules/auth/permissions";
import { dashboardCounts } from "@/modules/system/dashboard";
import { queueCounts } from "@/modules/workflow/queue";
import { pageContext } from "./guard";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const ctx = await pageContext("admin.access", "/admin");
  const counts = await dashboardCounts(ctx);
  const queue = await queueCounts(ctx);
  return (
    <div className="space-y-8">
      <div>
        <h1 className="font-serif text-3xl">Dashboard</h1>
        <p className="mt-1 text-muted">
          Signed in as {ctx.actor.name}, {ctx.actor.role}.
        </p>
      </div>
      <section aria-labelledby="review-heading">
        <h2 id="review-heading" className="mb-3 text-xs font-bold uppercase tracking-widest">
          <Link href="/admin/review">Review queue</Link>
        </h2>
        <dl className="grid gap-4 sm:grid-cols-4">
          <Stat label="Waiting for me" value={queue.waiting} href="/admin/review#waiting" />
          <Stat label="I submitted" value={queue.submitted} href="/admin/review#submitted" />
          <Stat label="Changed since I looked" value={queue.changed} href="/admin/review#changed" />
          <Stat label="Scheduled" value={queue.scheduled} href="/admin/review#scheduled" />
        </dl>
      </section>
      <dl className="grid gap-4 sm:grid-cols-3">
        <Stat label="Laws in the archive" value={counts.laws} href="/admin/laws" />
        <Stat label="Published laws" value={counts.publishedLaws} href="/admin/laws" />
        <Stat label="Articles" value={counts.articles} href="/admin/articles" />
        <Stat label="Agents" value={counts.agents} href="/admin/agents" />
        {counts.activeUsers !== null && <Stat label="Active accounts" value={counts.activeUsers} href="/admin/users" />}
      </dl>
      {roleHas(ctx.actor.role, "users.manage") && (
        <p>
          <Link href="/admin/users">Manage accounts and roles</Link>
        </p>
      )}
    </div>
  );
}

function Stat({ label, value, href }: { label: string; value: number; href: string }) {
  return (
    <div className="rounded-lg border border-rule bg-surface p-4">
      <dt className="text-sm text-muted">
        <Link href={href}>{label}</Link>
      </dt>
      <dd className="mt-1 font-serif text-3xl">{value.toLocaleString("en")}</dd>
    </div>
  );
}
