import type { Metadata } from "next";
import { draftMode } from "next/headers";
import Link from "next/link";
import { notFound, permanentRedirect } from "next/navigation";
import { connection } from "next/server";
import { Suspense } from "react";
import { LawArticle } from "@/components/laws/law-article";
import type { PublicLaw } from "@/modules/public/law-view";
import { publicationVersion } from "@/modules/public/clock";
import { publishedLaw } from "@/modules/public/law";
import { requestContext } from "@/modules/auth/session";
import { previewLaw } from "@/modules/workflow/preview";

type Params = { jurisdiction: string; slug: string };

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  await connection();
  const { jurisdiction, slug } = await params;
  if ((await draftMode()).isEnabled) return { title: "Preview", robots: { index: false, follow: false } };
  const law = await publishedLaw(jurisdiction, slug, await publicationVersion());
  return { title: law?.kind === "law" ? law.title : "Law", robots: law?.kind === "law" ? undefined : { index: false } };
}

export default function LawPage({ params }: { params: Promise<Params> }) {
  return (
    <Suspense fallback={<p className="text-muted">Loading the law…</p>}>
      <Law params={params} />
    </Suspense>
  );
}

async function Law({ params }: { params: Promise<Params> }) {
  await connection();
  const { jurisdiction, slug } = await params;
  if ((await draftMode()).isEnabled) {
    const ctx = await requestContext();
    const preview = ctx.actor ? await previewLaw(ctx, jurisdiction, slug) : null;
    if (preview) return <Preview path={`/laws/${jurisdiction}/${slug}`} law={preview} />;
  }
  const found = await publishedLaw(jurisdiction, slug, await publicationVersion());
  if (!found) notFound();
  if (found.kind === "moved") permanentRedirect(found.path);
  // proxy.ts answers 410 before this renders; this is what a client-side navigation shows.
  if (found.kind === "gone") return <Withdrawn />;
  return <LawArticle law={found} />;
}

/** The working revision, as the public page will show it once published; marked so nobody mistakes it. */
function Preview({ path, law }: { path: string; law: PublicLaw }) {
  return (
    <div className="space-y-6">
      <div
        role="status"
        className="rounded border-2 border-dashed border-danger bg-red-50 px-4 py-3 text-sm"
        data-testid="preview-banner"
      >
        <strong>Preview of the working version.</strong> Readers do not see this until it is published.{" "}
        <a href={`/api/preview/exit?to=${encodeURIComponent(path)}`}>Leave preview</a>
      </div>
      <LawArticle law={law} />
    </div>
  );
}

function Withdrawn() {
  return (
    <div className="max-w-2xl space-y-3">
      <h1 className="font-serif text-3xl">This law was withdrawn</h1>
      <p className="text-muted">
        The editors withdrew this page from the archive. It is no longer published; citations of it remain on record.
      </p>
      <p>
        <Link href="/">Back to the archive</Link>
      </p>
    </div>
  );
}
