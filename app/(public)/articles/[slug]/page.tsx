import type { Metadata } from "next";
import Link from "next/link";
import { notFound, permanentRedirect } from "next/navigation";
import { connection } from "next/server";
import { Suspense } from "react";
import { PublicArticleView } from "@/components/articles/public-article";
import { publishedArticle, publicArticlePath } from "@/modules/public/article";
import { publishedAnnotationsOn } from "@/modules/public/annotations";
import { publicationVersion } from "@/modules/public/clock";
import { articleJsonLd, jsonLdScript } from "@/modules/public/json-ld";
import { publishedMetadata, unpublishedMetadata } from "@/modules/public/page-metadata";
import { siteOrigin } from "@/modules/public/site";

type Params = { slug: string };

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  await connection();
  const { slug } = await params;
  const found = await publishedArticle(slug, await publicationVersion());
  if (found?.kind !== "article") return unpublishedMetadata("Article");
  const description = found.body.replace(/[*_`#>[\]]|\(https?:[^)]*\)/g, "").slice(0, 300);
  return publishedMetadata({ title: found.title, description, path: publicArticlePath(found), type: "article" });
}

export default function ArticlePage({ params }: { params: Promise<Params> }) {
  return (
    <Suspense fallback={<p className="text-muted">Loading the article…</p>}>
      <Article params={params} />
    </Suspense>
  );
}

async function Article({ params }: { params: Promise<Params> }) {
  await connection();
  const { slug } = await params;
  const found = await publishedArticle(slug, await publicationVersion());
  if (!found) notFound();
  if (found.kind === "moved") permanentRedirect(found.path);
  if (found.kind === "gone")
    return (
      <div className="max-w-2xl space-y-3">
        <h1 className="font-serif text-3xl">This article was withdrawn</h1>
        <p className="text-muted">The editors withdrew it from the archive. It is no longer published.</p>
        <p>
          <Link href="/">Back to the archive</Link>
        </p>
      </div>
    );
  const origin = await siteOrigin();
  const url = `${origin}${publicArticlePath(found)}`;
  const version = await publicationVersion();
  return (
    <>
      <script
        type="application/ld+json"
        dangerouslySetInnerHTML={{ __html: jsonLdScript(articleJsonLd(found, url, origin)) }}
      />
      <PublicArticleView
        article={found}
        annotations={await publishedAnnotationsOn({ type: "article", id: found.id }, version)}
      />
    </>
  );
}
