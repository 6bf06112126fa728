import type { NextRequest } from "next/server";
import { parseQuery } from "@/lib/api/query";
import { servedRendering } from "@/lib/cache/served-renderings.mjs";
import { cachedResponse } from "@/lib/http/cached-response";
import { sourceListDocument } from "@/modules/public/api/source-documents";
import { sourceListQuery } from "@/modules/public/api/schemas/source";
import { siteOrigin } from "@/modules/public/site";
import { cors } from "../cors";

/** GET /api/v1/sources: the sources published items cite, a page at a time (docs: /api/v1/openapi.json). */
export async function GET(request: NextRequest) {
  // First: it makes this a request-time route (the build has no database), and names the site.
  const origin = await siteOrigin();
  const query = parseQuery(sourceListQuery, request.nextUrl.searchParams);
  if (!query.ok) return cachedResponse(request, query.problem, cors);
  const key = `sources ${origin} ${JSON.stringify(query.value)}`;
  return cachedResponse(request, await servedRendering(key, () => sourceListDocument(query.value, origin)), cors);
}
