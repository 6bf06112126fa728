import { connection, type NextRequest } from "next/server";
import { publishedAnnotationsOn, publishedTarget } from "@/modules/public/annotations";
import { siteOrigin } from "@/modules/public/site";
import { annotationCollection, webAnnotationType } from "@/modules/public/web-annotation";
import { apiError } from "./api-error";

/**
 * GET /api/v1/annotations?target=<address of a published law or article page>: its published
 * public annotations, as a W3C AnnotationCollection. A law's `?text=` narrows to that text.
 */
export async function GET(request: NextRequest) {
  await connection();
  const address = request.nextUrl.searchParams.get("target")?.trim() ?? "";
  if (!address || address.length > 2000)
    return apiError(400, "Name the page whose annotations you want: ?target=/laws/kg/its-slug (or a full URL).");
  const target = await publishedTarget(address);
  if (!target) return apiError(404, "No published law or article has this address.");
  const all = await publishedAnnotationsOn({ type: target.type, id: target.id });
  const items = target.textId === null ? all : all.filter((a) => a.target.textId === target.textId);
  const origin = await siteOrigin();
  const self = `${origin}/api/v1/annotations?target=${encodeURIComponent(address)}`;
  return Response.json(annotationCollection(items, origin, self, `Annotations on ${target.title}`), {
    headers: { "content-type": webAnnotationType, "access-control-allow-origin": "*" },
  });
}
