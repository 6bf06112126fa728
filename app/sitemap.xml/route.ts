import type { NextRequest } from "next/server";
import { z } from "zod";
import { servedRendering } from "@/lib/cache/served-renderings.mjs";
import { cachedResponse } from "@/lib/http/cached-response";
import { noSuchFile, sitemapDocument } from "@/modules/public/sitemap-document";
import { siteOrigin } from "@/modules/public/site";

const fileNumber = z.coerce.number().int().min(1).max(10_000).optional();

/**
 * Every public page: the indexes, jurisdictions and topics with published content, and each
 * published item; an index of numbered files (?page=n) once there are more than one file holds.
 * Each file is rendered once until a publication changes it.
 */
export async function GET(request: NextRequest) {
  // First: it makes this a request-time route (the build has no database), and names the site.
  const origin = await siteOrigin();
  const page = fileNumber.safeParse(request.nextUrl.searchParams.get("page") ?? undefined);
  if (!page.success) return cachedResponse(request, noSuchFile);
  const key = `sitemap ${origin} ${page.data ?? "index"}`;
  return cachedResponse(request, await servedRendering(key, () => sitemapDocument(page.data, origin)));
}
