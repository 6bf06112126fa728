import type { NextRequest } from "next/server";
import { z } from "zod";
import { parseQuery } from "@/lib/api/query";
import { servedRendering } from "@/lib/cache/served-renderings.mjs";
import { cachedResponse } from "@/lib/http/cached-response";
import { articleDocument, noArticle } from "@/modules/public/api/article-documents";
import { siteOrigin } from "@/modules/public/site";
import { cors } from "../../cors";

const slugOf = z.string().regex(/^[a-z0-9-]{1,200}$/);

/** GET /api/v1/articles/<slug>: one published article, as its page /articles/<slug> shows it. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ slug: string }> }) {
  // First: it makes this a request-time route (the build has no database), and names the site.
  const origin = await siteOrigin();
  const query = parseQuery(z.object({}), request.nextUrl.searchParams);
  if (!query.ok) return cachedResponse(request, query.problem, cors);
  // No article lives at an address that cannot be one.
  const slug = slugOf.safeParse((await params).slug);
  if (!slug.success) return cachedResponse(request, noArticle, cors);
  const key = `article ${origin} ${slug.data}`;
  return cachedResponse(request, await servedRendering(key, () => articleDocument(slug.data, origin)), cors);
}
