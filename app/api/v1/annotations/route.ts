import type { NextRequest } from "next/server";
import { parseQuery } from "@/lib/api/query";
import { servedRendering } from "@/lib/cache/served-renderings.mjs";
import { cachedResponse } from "@/lib/http/cached-response";
import {
  annotationListDocument,
  annotationsOnDocument,
  apiError,
  asAnnotationError,
} from "@/modules/public/annotation-documents";
import { annotationListQuery } from "@/modules/public/api/schemas/annotation";
import { siteOrigin } from "@/modules/public/site";
import { cors } from "../cors";

const noTarget = apiError(400, "Name the page whose annotations you want: ?target=/laws/kg/its-slug (or a full URL).");

/**
 * GET /api/v1/annotations?target=<address of a published law or article page>: its published
 * public annotations, as a W3C AnnotationCollection. A law's `?text=` narrows to that text.
 * Without `target`: every published annotation, a page at a time (`limit`, `cursor`,
 * `updated_since`), as W3C AnnotationPages. Rendered once until a publication changes it.
 */
export async function GET(request: NextRequest) {
  // First: it makes this a request-time route (the build has no database), and names the site.
  const origin = await siteOrigin();
  const params = request.nextUrl.searchParams;
  if (!params.has("target")) {
    const query = parseQuery(annotationListQuery, params);
    if (!query.ok) return cachedResponse(request, asAnnotationError(query.problem), cors);
    const key = `annotation list ${origin} ${JSON.stringify(query.value)}`;
    return cachedResponse(request, await servedRendering(key, () => annotationListDocument(query.value, origin)), cors);
  }
  const address = params.get("target")!.trim();
  if (!address || address.length > 2000) return cachedResponse(request, noTarget, cors);
  const key = `annotations ${origin} ${address}`;
  return cachedResponse(request, await servedRendering(key, () => annotationsOnDocument(address, origin)), cors);
}
