import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { LawArticle } from "@/components/laws/law-article";
import { requestContext } from "@/modules/auth/session";
import type { PublicLaw } from "@/modules/public/law-view";
import { previewLaw } from "@/modules/workflow/preview";

type Params = { jurisdiction: string; slug: string };

export const metadata: Metadata = { title: "Preview", robots: { index: false, follow: false } };

/**
 * An editor's preview of a law's working revision. proxy.ts shows it at the law's own address to
 * a signed-in editor in draft mode; it renders per request and is never stored.
 */
export default function LawPreviewPage({ params }: { params: Promise<Params> }) {
  return (
    <Suspense fallback={<p className="text-muted">Loading the preview…</p>}>
      <LawPreview params={params} />
    </Suspense>
  );
}

async function LawPreview({ params }: { params: Promise<Params> }) {
  const { jurisdiction, slug } = await params;
  const ctx = await requestContext();
  const law = ctx.actor ? await previewLaw(ctx, jurisdiction, slug) : null;
  if (!law) notFound();
  return <Preview path={`/laws/${jurisdiction}/${slug}`} law={law} />;
}

/** The working revision, as the public page will show it once published; marked so nobody mistakes it. */
function Preview({ path, law }: { path: string; law: PublicLaw }) {
  return (
    <div className="space-y-6">
      <div
        role="status"
        className="rounded border-2 border-dashed border-danger bg-danger/10 px-4 py-3 text-sm"
        data-testid="preview-banner"
      >
        <strong>Preview of the working version.</strong> Readers do not see this until it is published.{" "}
        <a href={`/api/preview/exit?to=${encodeURIComponent(path)}`}>Leave preview</a>
      </div>
      <LawArticle law={law} />
    </div>
  );
}
