import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RevisionDiff } from "@/components/admin/revision-diff";
import { contentTypes, type ContentType } from "@/modules/workflow/labels";
import { diffSnapshots } from "@/lib/diff/snapshot";
import { NotFoundError } from "@/lib/errors";
import { parseRecordId, requestId } from "@/lib/validation";
import { roleHas } from "@/modules/auth/permissions";
import { itemActivity, listRevisions, revisionPair } from "@/modules/workflow/history";
import { editorialStatus } from "@/modules/workflow/status";
import { RestoreButton } from "../../restore-button";
import { pageContext } from "../../../guard";

export const metadata: Metadata = { title: "History" };

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const itemPaths: Partial<Record<ContentType, string>> = {
  law: "/admin/laws",
  article: "/admin/articles",
  agent: "/admin/agents",
  annotation: "/admin/annotations",
};
// Annotations have no restorer: an old note is brought back by editing it.
const restorable: readonly ContentType[] = ["law", "article", "agent"];
const labels = {
  jurisdictionCode: "Jurisdiction",
  titles: "Titles",
  events: "Timeline",
  texts: "Text versions",
  relations: "Relations",
  preferredName: "Name",
};

export default async function HistoryPage({
  params,
  searchParams,
}: {
  params: Promise<{ type: string; id: string }>;
  searchParams: Promise<{ from?: string; to?: string }>;
}) {
  const { type, id } = await params;
  const ctx = await pageContext("admin.access", `/admin/history/${type}/${id}`);
  if (!(contentTypes as readonly string[]).includes(type) || parseRecordId(id) === null) notFound();
  const itemType = type as ContentType;
  const list = await listRevisions(ctx, itemType, requestId(id)).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const query = await searchParams;
  const newest = list[0]!.number;
  const to = parseRecordId(query.to) ?? newest;
  const from = parseRecordId(query.from) ?? Math.max(1, to - 1);
  const pair = await revisionPair(ctx, itemType, requestId(id), from, to).catch(() => null);
  const status = await editorialStatus(ctx, itemType, requestId(id)).catch(() => null);
  const activity = await itemActivity(ctx, itemType, requestId(id));
  const numberOf = new Map(list.map((r) => [String(r.id), r.number]));
  const canRestore = status !== null && restorable.includes(itemType) && roleHas(ctx.actor.role, "content.write");
  return (
    <div className="space-y-8">
      <p className="text-sm">
        <Link href={`${itemPaths[itemType] ?? "/admin"}/${id}`}>← Back to the {itemType}</Link>
      </p>
      <h1 className="font-serif text-3xl">History</h1>
      <form method="get" className="flex flex-wrap items-end gap-3 text-sm">
        <label className="block">
          <span className="font-semibold">Compare revision</span>
          <select name="from" defaultValue={from} className="ml-2 rounded border border-rule px-2 py-1">
            {list.map((r) => (
              <option key={r.number} value={r.number}>
                {r.number}
              </option>
            ))}
          </select>
        </label>
        <label className="block">
          <span className="font-semibold">with revision</span>
          <select name="to" defaultValue={to} className="ml-2 rounded border border-rule px-2 py-1">
            {list.map((r) => (
              <option key={r.number} value={r.number}>
                {r.number}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded border border-ink px-3 py-1 font-semibold">
          Compare
        </button>
      </form>
      <section aria-labelledby="diff-heading">
        <h2 id="diff-heading" className="mb-3 border-b border-ink pb-2 text-xs font-bold uppercase tracking-widest">
          Changes from revision {from} to {to}
        </h2>
        {pair ? <RevisionDiff changes={diffSnapshots(pair.before, pair.after, labels)} /> : <p>No such revision.</p>}
      </section>
      <section aria-labelledby="revisions-heading">
        <h2
          id="revisions-heading"
          className="mb-3 border-b border-ink pb-2 text-xs font-bold uppercase tracking-widest"
        >
          Revisions
        </h2>
        <ol className="divide-y divide-rule rounded border border-rule bg-surface">
          {list.map((r) => (
            <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-2 text-sm">
              <span>
                <strong>Revision {r.number}</strong> · {r.author ?? "Command line"} · {when.format(r.createdAt)} UTC
                {r.message && ` · ${r.message}`}
              </span>
              <span className="flex gap-3">
                {r.number > 1 && <Link href={`?from=${r.number - 1}&to=${r.number}`}>Changes in this revision</Link>}
                {r.id === status?.workingRevisionId && <span className="text-muted">working</span>}
                {r.id === status?.liveRevisionId && <span className="text-muted">public</span>}
                {canRestore && r.id !== status.workingRevisionId && (
                  <RestoreButton
                    type={itemType}
                    id={requestId(id)}
                    number={r.number}
                    baseRevision={status.workingRevisionId}
                  />
                )}
                <code className="text-xs text-muted" title="SHA-256 of the snapshot">
                  {r.hash.slice(0, 12)}
                </code>
              </span>
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="activity-heading">
        <h2 id="activity-heading" className="mb-3 border-b border-ink pb-2 text-xs font-bold uppercase tracking-widest">
          Activity
        </h2>
        {activity.length === 0 ? (
          <p className="text-muted">Nothing recorded yet.</p>
        ) : (
          <ol className="space-y-1 text-sm" data-testid="activity">
            {activity.map((a) => (
              <li key={a.id}>
                <span className="text-muted">{when.format(a.at)} UTC</span> · {a.actor} · <strong>{a.label}</strong>
                {a.afterRevision && numberOf.has(a.afterRevision) && (
                  <span className="text-muted"> (revision {numberOf.get(a.afterRevision)})</span>
                )}
                {a.scheduledFor && <span> (due {when.format(new Date(a.scheduledFor))} UTC)</span>}
                {a.override && <span> — override: “{a.override}”</span>}
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
