import type { Metadata } from "next";
import { draftMode } from "next/headers";
import Link from "next/link";
import { notFound, permanentRedirect } from "next/navigation";
import { connection } from "next/server";
import { Suspense } from "react";
import { CiteThis } from "@/components/laws/cite-this";
import { LawArticle } from "@/components/laws/law-article";
import { parseRecordId } from "@/lib/validation";
import { bibtexCitation, cslJsonCitation, plainCitation } from "@/modules/public/citation";
import { publicLawPath } from "@/modules/public/law-view";
import { jsonLdScript, lawJsonLd } from "@/modules/public/json-ld";
import { siteMetadataBase, siteOrigin } from "@/modules/public/site";
import type { PublicLaw } from "@/modules/public/law-view";
import { publishedAnnotationsOn } from "@/modules/public/annotations";
import { publicationVersion } from "@/modules/public/clock";
import { publishedLaw } from "@/modules/public/law";
import { publicLinkTargets } from "@/modules/public/link-targets";
import { requestContext } from "@/modules/auth/session";
import { previewLaw } from "@/modules/workflow/preview";
import { pageAlternates } from "@/modules/public/syndication";

type Params = { jurisdiction: string; slug: string };
type Query = Promise<Record<string, string | string[] | undefined>>;

const positive = (value: unknown) => parseRecordId(Array.isArray(value) ? value[0] : value) ?? undefined;

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  await connection();
  const { jurisdiction, slug } = await params;
  if ((await draftMode()).isEnabled) return { title: "Preview", robots: { index: false, follow: false } };
  const law = await publishedLaw(jurisdiction, slug, await publicationVersion());
  if (law?.kind !== "law") return { title: "Law", robots: { index: false } };
  // Every version's canonical address is the current one.
  const description = law.summary.replace(/[*_`#>[\]]|\(https?:[^)]*\)/g, "").slice(0, 300);
  return {
    metadataBase: siteMetadataBase(),
    title: law.title,
    description,
    alternates: pageAlternates(publicLawPath(law)),
    openGraph: { type: "article", title: law.title, description, url: publicLawPath(law), siteName: "Marginalia" },
  };
}

export default function LawPage({ params, searchParams }: { params: Promise<Params>; searchParams: Query }) {
  return (
    <Suspense fallback={<p className="text-muted">Loading the law…</p>}>
      <Law params={params} searchParams={searchParams} />
    </Suspense>
  );
}

async function Law({ params, searchParams }: { params: Promise<Params>; searchParams: Query }) {
  await connection();
  const { jurisdiction, slug } = await params;
  const query = await searchParams;
  const [asOf, chosenText] = [positive(query.version), positive(query.text)];
  if ((await draftMode()).isEnabled) {
    const ctx = await requestContext();
    const preview = ctx.actor ? await previewLaw(ctx, jurisdiction, slug) : null;
    if (preview) return <Preview path={`/laws/${jurisdiction}/${slug}`} law={preview} />;
  }
  const version = await publicationVersion();
  const found = await publishedLaw(jurisdiction, slug, version, asOf);
  if (!found) notFound();
  if (found.kind === "moved") permanentRedirect(found.path);
  // proxy.ts answers 410 before this renders; this is what a client-side navigation shows.
  if (found.kind === "gone") return <Withdrawn />;
  const path = publicLawPath(found);
  const here = (text?: number) => {
    const search = new URLSearchParams({
      ...(asOf ? { version: String(asOf) } : {}),
      ...(text ? { text: String(text) } : {}),
    });
    return search.size ? `${path}?${search}` : path;
  };
  const origin = await siteOrigin();
  return (
    <>
      <script
        type="application/ld+json"
        dangerouslySetInnerHTML={{ __html: jsonLdScript(lawJsonLd(found, `${origin}${path}`)) }}
      />
      <LawArticle
        law={found}
        chosenText={chosenText}
        textHref={(id) => here(id)}
        currentPath={path}
        cite={<Citation law={found} permalinkBase={origin} path={path} />}
        links={await publicLinkTargets(version)}
        annotations={
          found.shown === found.versions[0]?.number
            ? await publishedAnnotationsOn({ type: "law", id: found.id }, version)
            : []
        }
      />
    </>
  );
}

function Citation({ law, permalinkBase, path }: { law: PublicLaw; permalinkBase: string; path: string }) {
  if (law.shown === null || !law.publishedAt) return null;
  const cited = {
    title: law.title,
    jurisdictionCode: law.jurisdictionCode,
    jurisdictionName: law.jurisdictionName,
    year: law.year,
    identifier: law.identifiers[0] ? `${law.identifiers[0].registry} ${law.identifiers[0].value}` : null,
    slug: law.slug,
    version: law.shown,
    versionDate: law.publishedAt,
    permalink: `${permalinkBase}${path}?version=${law.shown}`,
    accessed: new Date(),
  };
  return <CiteThis plain={plainCitation(cited)} bibtex={bibtexCitation(cited)} csl={cslJsonCitation(cited)} />;
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
