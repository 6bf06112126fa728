import type { NextRequest } from "next/server";
import { z } from "zod";
import { parseQuery } from "@/lib/api/query";
import { servedRendering } from "@/lib/cache/served-renderings.mjs";
import { cachedResponse } from "@/lib/http/cached-response";
import { jurisdictionListDocument } from "@/modules/public/api/jurisdiction-documents";
import { siteOrigin } from "@/modules/public/site";
import { cors } from "../cors";

/** GET /api/v1/jurisdictions: every jurisdiction with a published law, in one page. */
export async function GET(request: NextRequest) {
  // First: it makes this a request-time route (the build has no database), and names the site.
  const origin = await siteOrigin();
  const query = parseQuery(z.object({}), request.nextUrl.searchParams);
  if (!query.ok) return cachedResponse(request, query.problem, cors);
  const key = `jurisdictions ${origin}`;
  return cachedResponse(request, await servedRendering(key, () => jurisdictionListDocument(origin)), cors);
}
