import type { NextRequest } from "next/server";
import { parseQuery } from "@/lib/api/query";
import { servedRendering } from "@/lib/cache/served-renderings.mjs";
import { cachedResponse } from "@/lib/http/cached-response";
import { searchDocument } from "@/modules/public/api/search-documents";
import { searchApiQuery } from "@/modules/public/api/schemas/search";
import { siteOrigin } from "@/modules/public/site";
import { cors } from "../cors";

/** GET /api/v1/search?q=: the published items that match, as /search finds them (docs: /api/v1/openapi.json). */
export async function GET(request: NextRequest) {
  // First: it makes this a request-time route (the build has no database), and names the site.
  const origin = await siteOrigin();
  const query = parseQuery(searchApiQuery, request.nextUrl.searchParams);
  if (!query.ok) return cachedResponse(request, query.problem, cors);
  const key = `search ${origin} ${JSON.stringify(query.value)}`;
  return cachedResponse(request, await servedRendering(key, () => searchDocument(query.value, origin)), cors);
}
