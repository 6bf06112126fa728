import type { NextRequest } from "next/server";
import { z } from "zod";
import { parseQuery } from "@/lib/api/query";
import { servedRendering } from "@/lib/cache/served-renderings.mjs";
import { cachedResponse } from "@/lib/http/cached-response";
import { jurisdictionDocument, noJurisdiction } from "@/modules/public/api/jurisdiction-documents";
import { jurisdictionCode } from "@/modules/public/law-index-url";
import { siteOrigin } from "@/modules/public/site";
import { cors } from "../../cors";

/** GET /api/v1/jurisdictions/<code>: one jurisdiction, as its page /jurisdictions/<code> shows it. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ code: string }> }) {
  // First: it makes this a request-time route (the build has no database), and names the site.
  const origin = await siteOrigin();
  const query = parseQuery(z.object({}), request.nextUrl.searchParams);
  if (!query.ok) return cachedResponse(request, query.problem, cors);
  // Nothing lives at an address that cannot be one.
  const code = jurisdictionCode.safeParse((await params).code);
  if (!code.success) return cachedResponse(request, noJurisdiction, cors);
  const key = `jurisdiction ${origin} ${code.data}`;
  return cachedResponse(request, await servedRendering(key, () => jurisdictionDocument(code.data, origin)), cors);
}
