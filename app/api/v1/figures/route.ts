import type { NextRequest } from "next/server";
import { parseQuery } from "@/lib/api/query";
import { servedRendering } from "@/lib/cache/served-renderings.mjs";
import { cachedResponse } from "@/lib/http/cached-response";
import { figureListDocument } from "@/modules/public/api/figure-documents";
import { figureListQuery } from "@/modules/public/api/schemas/figure";
import { siteOrigin } from "@/modules/public/site";
import { cors } from "../cors";

/** GET /api/v1/figures: the approved figures public pages show, a page at a time (docs: /api/v1/openapi.json). */
export async function GET(request: NextRequest) {
  // First: it makes this a request-time route (the build has no database), and names the site.
  const origin = await siteOrigin();
  const query = parseQuery(figureListQuery, request.nextUrl.searchParams);
  if (!query.ok) return cachedResponse(request, query.problem, cors);
  const key = `figures ${origin} ${JSON.stringify(query.value)}`;
  return cachedResponse(request, await servedRendering(key, () => figureListDocument(query.value, origin)), cors);
}
