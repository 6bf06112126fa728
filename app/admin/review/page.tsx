import type { Metadata } from "next";
import { reviewQueue, type QueueEntry } from "@/modules/workflow/queue";
import { pageContext } from "../guard";
import { QueueItem } from "./queue-item";

export const metadata: Metadata = { title: "Review queue" };

export default async function ReviewPage() {
  const ctx = await pageContext("admin.access", "/admin/review");
  const queue = await reviewQueue(ctx);
  return (
    <div className="space-y-10">
      <h1 className="font-serif text-3xl">Review queue</h1>
      <Queue id="waiting" title="Waiting for me" empty="Nothing waits for you." items={queue.waiting} withMoves />
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

function Queue({
  id,
  title,
  empty,
  items,
  withMoves = false,
}: {
  id: string;
  title: string;
  empty: string;
  items: QueueEntry[];
  withMoves?: boolean;
}) {
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
            <QueueItem key={`${item.type}-${item.id}`} item={item} withMoves={withMoves} />
          ))}
        </ul>
      )}
    </section>
  );
}
