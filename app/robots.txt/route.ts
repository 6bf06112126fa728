import { cacheLife } from "next/cache";
import type { NextRequest } from "next/server";
import { servedRendering } from "@/lib/cache/served-renderings.mjs";
import { cachedResponse, rendering, type Rendering } from "@/lib/http/cached-response";
import { siteOrigin } from "@/modules/public/site";

/** Readers' pages are open to crawlers; the admin, the sign-in page and previews are not. */
export async function GET(request: NextRequest) {
  // At request time (SITE_URL is the running server's, not the build's), then rendered once.
  const origin = await siteOrigin();
  return cachedResponse(request, await servedRendering(`robots ${origin}`, () => robotsTxt(origin)));
}

async function robotsTxt(origin: string): Promise<Rendering> {
  "use cache";
  // Only the site's address changes it, and that is part of the cache key.
  cacheLife("max");
  const body = [
    "User-agent: *",
    "Allow: /",
    "Disallow: /admin",
    "Disallow: /login",
    "Disallow: /api/",
    "",
    `Sitemap: ${origin}/sitemap.xml`,
    "",
  ].join("\n");
  return rendering(body, "text/plain; charset=utf-8");
}
