import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Moved } from "@/components/public/moved";
import { siteUrl } from "@/env";
import { CiteThis } from "@/components/laws/cite-this";
import { Withdrawn } from "@/components/public/withdrawn";
import { LawArticle } from "@/components/laws/law-article";
import { publishedAnnotationsOn } from "@/modules/public/annotations";
import { figuresOfLaw } from "@/modules/public/figures";
import { jsonLdScript, lawJsonLd } from "@/modules/public/json-ld";
import { publishedLaw } from "@/modules/public/law";
import { publicLawPath, type PublicLaw } from "@/modules/public/law-view";
import { publicLinkTargets } from "@/modules/public/link-targets";
import { siteMetadataBase } from "@/modules/public/site";
import { pageAlternates } from "@/modules/public/syndication";
import { lawView, type LawView } from "@/modules/public/law-page-view";

export type LawParams = { jurisdiction: string; slug: string; view?: string };

// Laws are rendered on their first request, not at build time (which has no database); Next wants
// one set of parameters to check each route with, and this one names no law.
export const unnamedLaw = { jurisdiction: "-", slug: "-", view: "-" };

export async function lawMetadata(params: Promise<LawParams>): Promise<Metadata> {
  const { jurisdiction, slug } = await params;
  if (jurisdiction === unnamedLaw.jurisdiction) return {};
  const law = await publishedLaw(jurisdiction, slug);
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

/**
 * A law's page, rendered once for every reader and stored whole (lib/cache/page-cache.mjs). The
 * version and text a citation names arrive as a path segment (proxy.ts rewrites ?version=&text=),
 * since a page read once for everyone cannot read the query string.
 */
export async function LawPageBody({ params }: { params: Promise<LawParams> }) {
  const { jurisdiction, slug, view: viewParam } = await params;
  if (jurisdiction === unnamedLaw.jurisdiction) notFound();
  const view: LawView | null = viewParam === undefined ? {} : lawView(viewParam);
  if (!view) notFound();
  const { version: asOf, text: chosenText } = view;
  const found = await publishedLaw(jurisdiction, slug, asOf);
  if (!found) notFound();
  if (found.kind === "moved") return <Moved to={found.path} />;
  if (found.kind === "gone")
    return (
      <Withdrawn
        noun="law"
        detail="The editors withdrew this page from the archive. It is no longer published; citations of it remain on record."
      />
    );
  const path = publicLawPath(found);
  const here = (text?: number) => {
    const search = new URLSearchParams({
      ...(asOf ? { version: String(asOf) } : {}),
      ...(text ? { text: String(text) } : {}),
    });
    return search.size ? `${path}?${search}` : path;
  };
  const origin = siteUrl();
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
        links={await publicLinkTargets()}
        figures={await figuresOfLaw(found.id)}
        annotations={
          found.shown === found.versions[0]?.number ? await publishedAnnotationsOn({ type: "law", id: found.id }) : []
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
  };
  return <CiteThis cited={cited} />;
}
