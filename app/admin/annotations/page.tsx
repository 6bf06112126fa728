import type { Metadata } from "next";
import Link from "next/link";
import { Pagination } from "@/components/admin/pagination";
import { annotationKindLabels } from "@/modules/annotations/labels";
import { listRecentAnnotations } from "@/modules/annotations/list";
import { workflowLabel } from "@/modules/workflow/labels";
import { pageContext } from "../guard";
import { annotatePath, annotationPath } from "./paths";

export const metadata: Metadata = { title: "Annotations" };

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function AnnotationsPage({ searchParams }: { searchParams: Promise<{ after?: string }> }) {
  const ctx = await pageContext("admin.access", "/admin/annotations");
  const { after } = await searchParams;
  const cursor = typeof after === "string" ? after.slice(0, 500) : undefined;
  const { items, next } = await listRecentAnnotations(ctx, { after: cursor });
  return (
    <div className="space-y-6">
      <h1 className="font-serif text-3xl">Annotations</h1>
      <p className="max-w-3xl text-sm text-muted">
        The most recently changed annotations. To annotate, open a law’s text version (“Annotate”) or an article
        (“Annotate the text”) and select a passage.
      </p>
      {items.length === 0 ? (
        <p className="text-muted">{cursor ? "No more annotations." : "No annotations yet."}</p>
      ) : (
        <ul className="divide-y divide-rule rounded border border-rule bg-surface">
          {items.map((a) => (
            <li key={a.id} className="space-y-0.5 px-4 py-3 text-sm">
              <p>
                <Link href={annotationPath(a.id)} className="font-semibold">
                  {annotationKindLabels[a.kind]} on “{shorten(a.exact)}”
                </Link>
              </p>
              <p className="text-muted">
                {a.target.type === "law" ? "Law text" : "Article"}:{" "}
                <Link href={annotatePath(a.target)}>{a.targetTitle}</Link> · {workflowLabel(a.review, a.visibility)}
                {a.audience === "internal" && " · internal"} · changed {when.format(a.updatedAt)} UTC
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pagination path="/admin/annotations" params={{ after: cursor }} next={next} isFirst={!cursor} />
    </div>
  );
}

function shorten(s: string, n = 80): string {
  const chars = [...s.replace(/\s+/g, " ")];
  return chars.length > n ? `${chars.slice(0, n).join("")}…` : chars.join("");
}
