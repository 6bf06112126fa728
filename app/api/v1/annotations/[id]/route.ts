import { connection } from "next/server";
import { parseRecordId } from "@/lib/validation";
import { publishedAnnotationsById } from "@/modules/public/annotations";
import { siteOrigin } from "@/modules/public/site";
import { webAnnotation, webAnnotationType } from "@/modules/public/web-annotation";
import { apiError } from "../api-error";

/** GET /api/v1/annotations/<id>: one published public annotation, as a W3C Web Annotation. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  await connection();
  const { id } = await params;
  const number = parseRecordId(id);
  // Drafts, internal notes and withdrawn ones answer exactly like ids that never existed.
  const [found] = number !== null ? await publishedAnnotationsById([number]) : [];
  if (!found) return apiError(404, "No published annotation has this id.");
  return Response.json(webAnnotation(found, await siteOrigin()), {
    headers: { "content-type": webAnnotationType, "access-control-allow-origin": "*" },
  });
}
