import { servedRendering } from "@/lib/cache/served-renderings.mjs";
import { cachedResponse } from "@/lib/http/cached-response";
import { parseRecordId } from "@/lib/validation";
import { annotationDocument, notPublished } from "@/modules/public/annotation-documents";
import { siteOrigin } from "@/modules/public/site";
import { cors } from "../../cors";

/** GET /api/v1/annotations/<id>: one published public annotation, as a W3C Web Annotation. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  // First: it makes this a request-time route (the build has no database), and names the site.
  const origin = await siteOrigin();
  const id = parseRecordId((await params).id);
  if (id === null) return cachedResponse(request, notPublished, cors);
  const key = `annotation ${origin} ${id}`;
  return cachedResponse(request, await servedRendering(key, () => annotationDocument(id, origin)), cors);
}
