import type { Metadata } from "next";
import Link from "next/link";
import type { ContentType } from "@/modules/workflow/labels";
import { workflowLabel } from "@/modules/workflow/labels";
import { reviewQueue, type QueueItem } from "@/modules/workflow/queue";
import { pageContext } from "../guard";

export const metadata: Metadata = { title: "Review queue" };

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const typeLabels: Record<ContentType, string> = {
  law: "Law",
  article: "Article",
  agent: "Agent",
  annotation: "Annotation",
};
const adminPath: Record<ContentType, string> = {
  law: "/admin/laws",
  article: "/admin/articles",
  agent: "/admin/agents",
  annotation: "/admin/annotations",
};

export default async function ReviewPage() {
  const ctx = await pageContext("admin.access", "/admin/review");
  const queue = await reviewQueue(ctx);
  return (
    <div className="space-y-10">
      <h1 className="font-serif text-3xl">Review queue</h1>
      <Queue id="waiting" title="Waiting for me" empty="Nothing waits for you." items={queue.waiting} />
      <Queue id="submitted" title="I submitted" empty="You have nothing in review." items={queue.submitted} />
      <Queue
        id="changed"
        title="Changed since I last looked"
        empty="Nothing you opened has changed since."
        items={queue.changed}
      />
      <Queue id="scheduled" title="Scheduled" empty="Nothing is scheduled." items={queue.scheduled} />
    </div>
  );
}

function Queue({ id, title, empty, items }: { id: string; title: string; empty: string; items: QueueItem[] }) {
  return (
    <section aria-labelledby={`${id}-heading`} id={id}>
      <h2 id={`${id}-heading`} className="mb-3 border-b border-ink pb-2 text-xs font-bold uppercase tracking-widest">
        {title} <span className="font-normal text-muted">({items.length})</span>
      </h2>
      {items.length === 0 ? (
        <p className="text-muted">{empty}</p>
      ) : (
        <ul className="divide-y divide-rule rounded border border-rule bg-surface">
          {items.map((item) => (
            <li key={`${item.type}-${item.id}`} className="px-4 py-3">
              <Link href={`${adminPath[item.type]}/${item.id}`} className="font-serif text-lg">
                {item.title}
              </Link>
              <p className="mt-0.5 text-sm text-muted">
                {typeLabels[item.type]} · {workflowLabel(item.review, item.visibility)} · changed{" "}
                {when.format(item.changedAt)} UTC
                {item.publishAt && ` · to be published ${when.format(item.publishAt)} UTC`}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
