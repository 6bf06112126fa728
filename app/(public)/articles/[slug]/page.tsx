import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Moved } from "@/components/public/moved";
import { Withdrawn } from "@/components/public/withdrawn";
import { PublicArticleView } from "@/components/articles/public-article";
import { publishedArticle, publicArticlePath } from "@/modules/public/article";
import { publishedAnnotationsOn } from "@/modules/public/annotations";
import { articleJsonLd, jsonLdScript } from "@/modules/public/json-ld";
import { publishedMetadata, unpublishedMetadata } from "@/modules/public/page-metadata";
import { siteUrl } from "@/env";

// Rendered on its first request and stored whole for every reader (lib/cache/page-cache.mjs);
// the build has no database, and Next checks the route with a parameter that names nothing.
export const ensureStatic = "navigation";
export const unnamed = "-";
export function generateStaticParams() {
  return [{ slug: unnamed }];
}

type Params = { slug: string };

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { slug } = await params;
  if (slug === unnamed) return {};
  const found = await publishedArticle(slug);
  if (found?.kind !== "article") return unpublishedMetadata("Article");
  const description = found.body.replace(/[*_`#>[\]]|\(https?:[^)]*\)/g, "").slice(0, 300);
  return publishedMetadata({ title: found.title, description, path: publicArticlePath(found), type: "article" });
}

export default function ArticlePage({ params }: { params: Promise<Params> }) {
  return <Article params={params} />;
}

async function Article({ params }: { params: Promise<Params> }) {
  const { slug } = await params;
  if (slug === unnamed) notFound();
  const found = await publishedArticle(slug);
  if (!found) notFound();
  if (found.kind === "moved") return <Moved to={found.path} />;
  if (found.kind === "gone")
    return <Withdrawn noun="article" detail="The editors withdrew it from the archive. It is no longer published." />;
  const origin = siteUrl();
  const url = `${origin}${publicArticlePath(found)}`;
  return (
    <>
      <script
        type="application/ld+json"
        dangerouslySetInnerHTML={{ __html: jsonLdScript(articleJsonLd(found, url, origin)) }}
      />
      <PublicArticleView
        article={found}
        annotations={await publishedAnnotationsOn({ type: "article", id: found.id })}
      />
    </>
  );
}
