import type { NextRequest } from "next/server";
import { servedRendering } from "@/lib/cache/served-renderings.mjs";
import { cachedResponse } from "@/lib/http/cached-response";
import { annotationsOnDocument, apiError } from "@/modules/public/annotation-documents";
import { siteOrigin } from "@/modules/public/site";
import { cors } from "../cors";

const noTarget = apiError(400, "Name the page whose annotations you want: ?target=/laws/kg/its-slug (or a full URL).");

/**
 * GET /api/v1/annotations?target=<address of a published law or article page>: its published
 * public annotations, as a W3C AnnotationCollection. A law's `?text=` narrows to that text.
 * Rendered once per target until a publication changes it.
 */
export async function GET(request: NextRequest) {
  // First: it makes this a request-time route (the build has no database), and names the site.
  const origin = await siteOrigin();
  const address = request.nextUrl.searchParams.get("target")?.trim() ?? "";
  if (!address || address.length > 2000) return cachedResponse(request, noTarget, cors);
  const key = `annotations ${origin} ${address}`;
  return cachedResponse(request, await servedRendering(key, () => annotationsOnDocument(address, origin)), cors);
}
