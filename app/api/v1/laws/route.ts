import type { NextRequest } from "next/server";
import { parseQuery } from "@/lib/api/query";
import { servedRendering } from "@/lib/cache/served-renderings.mjs";
import { cachedResponse } from "@/lib/http/cached-response";
import { lawListDocument } from "@/modules/public/api/law-documents";
import { lawListQuery } from "@/modules/public/api/schemas/law";
import { siteOrigin } from "@/modules/public/site";
import { cors } from "../cors";

/** GET /api/v1/laws: published laws under the /laws facets, a page at a time (docs: /api/v1/openapi.json). */
export async function GET(request: NextRequest) {
  // First: it makes this a request-time route (the build has no database), and names the site.
  const origin = await siteOrigin();
  const query = parseQuery(lawListQuery, request.nextUrl.searchParams);
  if (!query.ok) return cachedResponse(request, query.problem, cors);
  const key = `laws ${origin} ${JSON.stringify(query.value)}`;
  return cachedResponse(request, await servedRendering(key, () => lawListDocument(query.value, origin)), cors);
}
