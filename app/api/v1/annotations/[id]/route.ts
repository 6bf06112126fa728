import { cachedResponse } from "@/lib/http/cached-response";
import { parseRecordId } from "@/lib/validation";
import { annotationDocument, notPublished } from "@/modules/public/annotation-documents";
import { siteOrigin } from "@/modules/public/site";
import { cors } from "../cors";

/** GET /api/v1/annotations/<id>: one published public annotation, as a W3C Web Annotation. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  // First: it makes this a request-time route (the build has no database), and names the site.
  const origin = await siteOrigin();
  const id = parseRecordId((await params).id);
  return cachedResponse(request, id === null ? notPublished : await annotationDocument(id, origin), cors);
}
