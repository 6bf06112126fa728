import type { NextRequest } from "next/server";
import { servedRendering } from "@/lib/cache/served-renderings.mjs";
import { cachedResponse } from "@/lib/http/cached-response";
import { feedDocument, noSuchFeed } from "@/modules/public/feed-document";
import { feedQuery } from "@/modules/public/syndication";
import { siteOrigin } from "@/modules/public/site";

/**
 * An Atom feed of the latest published laws and articles: all of them, or those of one
 * jurisdiction, topic or kind (?jurisdiction=KG, ?topic=rehabilitation, ?kind=news), alone or
 * together. Rendered once per feed until a publication changes it; other query parameters do not
 * make another feed.
 */
export async function GET(request: NextRequest) {
  // First: it makes this a request-time route (the build has no database), and names the site.
  const origin = await siteOrigin();
  const parsed = feedQuery.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!parsed.success) return cachedResponse(request, noSuchFeed);
  const key = `feed ${origin} ${JSON.stringify(parsed.data)}`;
  return cachedResponse(request, await servedRendering(key, () => feedDocument(parsed.data, origin)));
}
